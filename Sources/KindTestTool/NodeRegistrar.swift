import Foundation

/// Plays the kubelet's part, which this fake does not run: registers a Node object for each
/// node of the config, with the labels, taints and Ready status a kind node has once kubeadm
/// has joined it and the CNI is up. Also plays kind's post-init steps (the control-plane taint
/// and load-balancer label removed on a single-node cluster, the `standard` StorageClass).
struct NodeRegistrar {
  let client: KubeClient
  let state: ClusterState
  let kubernetesVersion: String

  init(client: KubeClient, state: ClusterState) throws {
    self.client = client
    self.state = state
    let version = try client.must("GET", "/version").json?["gitVersion"] as? String
    kubernetesVersion = version ?? "v\(KubeBinaries.version)"
  }

  var singleNode: Bool { state.nodes.count == 1 }

  func register(_ node: ClusterState.NodeState) throws {
    let isControlPlane = node.role == "control-plane"
    var labels: [String: String] = [
      "beta.kubernetes.io/arch": Self.architecture,
      "beta.kubernetes.io/os": "linux",
      "kubernetes.io/arch": Self.architecture,
      "kubernetes.io/hostname": node.name,
      "kubernetes.io/os": "linux",
    ]
    if isControlPlane {
      labels["node-role.kubernetes.io/control-plane"] = ""
      // kubeadm's label, which kind removes again on a single-node cluster.
      if !singleNode { labels["node.kubernetes.io/exclude-from-external-load-balancers"] = "" }
    }
    for (key, value) in node.labels { labels[key] = value }

    // kubeadm taints control planes; kind removes the taint when the cluster is one node.
    let taints: [[String: Any]] =
      isControlPlane && !singleNode
      ? [["key": "node-role.kubernetes.io/control-plane", "effect": "NoSchedule"]] : []
    let now = Self.timestamp()
    let capacity: [String: String] = [
      "cpu": String(ProcessInfo.processInfo.activeProcessorCount),
      "memory": "\(Self.memoryKibibytes())Ki",
      "pods": "110",
      "ephemeral-storage": "\(Self.diskKibibytes())Ki",
      "hugepages-1Gi": "0",
      "hugepages-2Mi": "0",
    ]
    func condition(_ type: String, _ status: String, _ reason: String, _ message: String) -> [String: Any] {
      [
        "type": type, "status": status, "reason": reason, "message": message, "lastHeartbeatTime": now,
        "lastTransitionTime": now,
      ]
    }
    var spec: [String: Any] = ["providerID": "kind://docker/\(state.name)/\(node.name)"]
    if let podCIDR = node.podCIDR {
      spec["podCIDR"] = podCIDR
      spec["podCIDRs"] = [podCIDR]
    }
    if !taints.isEmpty { spec["taints"] = taints }
    let object: [String: Any] = [
      "apiVersion": "v1",
      "kind": "Node",
      "metadata": [
        "name": node.name,
        "labels": labels,
        "annotations": [
          "kubeadm.alpha.kubernetes.io/cri-socket": "unix:///run/containerd/containerd.sock",
          "node.alpha.kubernetes.io/ttl": "0",
          "volumes.kubernetes.io/controller-managed-attach-detach": "true",
          "dokaseca.io/fake-node": "registered by dokaseca-kind; no kubelet or container runs for this node",
        ],
      ],
      "spec": spec,
      "status": [
        "capacity": capacity,
        "allocatable": capacity,
        "conditions": [
          condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available"),
          condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure"),
          condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available"),
          condition("Ready", "True", "KubeletReady", "kubelet is posting ready status"),
        ],
        "addresses": [
          ["type": "InternalIP", "address": node.internalIP],
          ["type": "Hostname", "address": node.name],
        ],
        "daemonEndpoints": ["kubeletEndpoint": ["Port": 10250]],
        "nodeInfo": [
          "machineID": Self.hexIdentifier(node.name + "machine"),
          "systemUUID": Self.uuid(node.name),
          "bootID": Self.uuid(node.name + "boot"),
          "kernelVersion": Self.kernelVersion(),
          "osImage": "dokaseca-kind fake node (no kubelet)",
          "containerRuntimeVersion": "containerd://dokaseca-kind-fake",
          "kubeletVersion": kubernetesVersion,
          "kubeProxyVersion": kubernetesVersion,
          "operatingSystem": "linux",
          "architecture": Self.architecture,
        ],
      ],
    ]
    try client.must("POST", "/api/v1/nodes", json: object)
    // The TaintNodesByCondition admission plugin adds node.kubernetes.io/not-ready on create;
    // the node lifecycle controller would drop it once Ready. Set the taints we mean.
    try client.must(
      "PATCH", "/api/v1/nodes/\(node.name)", json: ["spec": ["taints": taints.isEmpty ? NSNull() : taints as Any]],
      contentType: "application/merge-patch+json")
    // Status on create is kept for Nodes; make sure of it all the same.
    let current = try client.must("GET", "/api/v1/nodes/\(node.name)").json
    let conditions = (current?["status"] as? [String: Any])?["conditions"] as? [[String: Any]] ?? []
    if !conditions.contains(where: { $0["type"] as? String == "Ready" && $0["status"] as? String == "True" }) {
      try client.must(
        "PATCH", "/api/v1/nodes/\(node.name)/status", json: ["status": object["status"]!],
        contentType: "application/merge-patch+json")
    }
  }

  /// kind's default StorageClass (the local-path provisioner itself does not run here).
  func installStorageClass() throws {
    try client.must(
      "POST", "/apis/storage.k8s.io/v1/storageclasses",
      json: [
        "apiVersion": "storage.k8s.io/v1",
        "kind": "StorageClass",
        "metadata": [
          "name": "standard",
          "annotations": ["storageclass.kubernetes.io/is-default-class": "true"],
        ],
        "provisioner": "rancher.io/local-path",
        "reclaimPolicy": "Delete",
        "volumeBindingMode": "WaitForFirstConsumer",
      ])
  }

  /// kind's wait: every control-plane node's last condition True.
  func waitForControlPlaneReady(until deadline: Date) -> Bool {
    while Date() < deadline {
      let selector = "node-role.kubernetes.io/control-plane"
      if let response = try? client.request("GET", "/api/v1/nodes?labelSelector=\(selector)"),
        response.status == 200, let items = response.json?["items"] as? [[String: Any]], !items.isEmpty
      {
        let ready = items.allSatisfy { item in
          let conditions = (item["status"] as? [String: Any])?["conditions"] as? [[String: Any]] ?? []
          return conditions.last?["status"] as? String == "True"
        }
        if ready { return true }
      }
      usleep(250_000)
    }
    return false
  }

  // MARK: Host facts

  static var architecture: String {
    #if arch(arm64)
      return "arm64"
    #else
      return "amd64"
    #endif
  }

  static func timestamp() -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.string(from: Date())
  }

  static func memoryKibibytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/meminfo", encoding: .utf8) else { return 8 * 1024 * 1024 }
    for line in text.split(separator: "\n") where line.hasPrefix("MemTotal:") {
      return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 8 * 1024 * 1024
    }
    return 8 * 1024 * 1024
  }

  static func diskKibibytes() -> Int {
    var info = statvfs()
    guard statvfs("/", &info) == 0 else { return 100 * 1024 * 1024 }
    return Int(info.f_blocks) * Int(info.f_frsize) / 1024
  }

  static func kernelVersion() -> String {
    (try? String(contentsOfFile: "/proc/sys/kernel/osrelease", encoding: .utf8))?
      .trimmingCharacters(in: .whitespacesAndNewlines) ?? "unknown"
  }

  /// Stable identifiers per node name (FNV-1a), so a node's identity does not look random.
  static func hexIdentifier(_ seed: String) -> String {
    var hashes: [UInt64] = []
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for round in 0..<2 {
      for byte in (seed + String(round)).utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      hashes.append(hash)
    }
    return hashes.map { String(format: "%016llx", $0) }.joined()
  }

  static func uuid(_ seed: String) -> String {
    let hex = Array(hexIdentifier(seed))
    return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
  }
}
