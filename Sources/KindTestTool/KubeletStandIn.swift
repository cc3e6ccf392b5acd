import ArgumentParser
import Crypto
import Foundation

/// The stand-in for kube-scheduler and the kubelets, which this fake does not run: a detached
/// process per cluster, started by `create cluster` and stopped by `delete`, so that workloads
/// become available under the real ReplicaSet, Deployment, StatefulSet and DaemonSet
/// controllers. Hidden.
struct KubeletCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "__kubelet", abstract: "internal: schedules a cluster's pods and reports them running",
    shouldDisplay: false)

  @Option(help: "the cluster's directory, ending in / (marks the process as the cluster's)")
  var clusterDirectory: String

  func run() throws {
    let directory = URL(fileURLWithPath: clusterDirectory)
    let stateFile = directory.appendingPathComponent("cluster.json")
    guard let state = ClusterState.load(from: stateFile) else {
      throw KindError("no cluster state in \(stateFile.path)")
    }
    KubeletStandIn(state: state, directory: directory).run()
  }
}

/// What a scheduler and a kubelet per node would report if every container started at once.
/// It lists the Pods of all namespaces, then watches them (a re-list every minute, and a second
/// after a failed write), and for each Pod:
/// - a Pod without a node is bound to one through its `binding` subresource, as kube-scheduler
///   binds: round robin over the workers (the control planes when there are none), respecting
///   nothing but a pin to one node (`nodeSelector` on `kubernetes.io/hostname`, or the
///   `metadata.name` node affinity the DaemonSet controller sets); no resources, taints,
///   affinities or volumes are considered;
/// - a bound Pod that is not yet Running and Ready gets the status a kubelet posts once its
///   containers run: phase Running, host and pod IPs, the four conditions True, a running,
///   ready container status per container (init containers terminated with exit code 0);
/// - a Pod being deleted is removed with a grace period of 0, as a kubelet confirms a
///   termination, so rollouts and namespace deletions finish.
/// Nothing runs: no image is pulled, no probe is run, no container restarts or exits.
final class KubeletStandIn {
  /// `DOKASECA_KIND_KUBELET=0` leaves Pods Pending, as before this stand-in existed.
  static let environmentVariable = "DOKASECA_KIND_KUBELET"

  static var enabled: Bool {
    !["0", "false"].contains(ProcessInfo.processInfo.environment[environmentVariable]?.lowercased() ?? "")
  }

  /// The pid and log files' base name in the cluster's `pids/` and `logs/`.
  static let processName = "kubelet"

  /// How long a watch runs before a full re-list, which catches whatever a watch missed.
  static let resyncSeconds = 60
  /// Before listing again after a failed write or an unanswered request.
  static let retryInterval: useconds_t = 1_000_000
  /// With no answer from the API server for this long the cluster is gone (a `delete` that
  /// missed this process, or a reboot): exit rather than poll forever.
  static let outageLimit: TimeInterval = 30

  let state: ClusterState
  let directory: URL
  let client: KubeClient
  private let nodes: [ClusterState.NodeState]
  /// Where unpinned Pods go: the workers, else the control planes (tainted or not).
  private let schedulable: [ClusterState.NodeState]
  private var nextNode = 0
  /// The Pods as last listed or watched, by UID.
  private var pods: [String: Pod] = [:]
  /// Pod IPs handed out by this process, by Pod UID, until the Pod's status shows them.
  private var allocated: [String: String] = [:]
  /// The resource version of this process's last write to a Pod, by UID: the watch then
  /// delivers older versions (the write's own intermediate steps) and the write's echo, which
  /// need nothing more; acting on them would write the same status twice, or forever if a
  /// status ever failed to read back as Running.
  private var writtenVersions: [String: Int] = [:]
  private var lastLogged: String?
  private var failed = false

  init(state: ClusterState, directory: URL) {
    self.state = state
    self.directory = directory
    client = KubeClient(
      server: state.externalServer, pki: ClusterPKI(directory: directory.appendingPathComponent("pki")))
    nodes = state.nodes
    let workers = state.nodes.filter { $0.role == "worker" }
    schedulable = workers.isEmpty ? state.nodes.filter { $0.role == "control-plane" } : workers
  }

  /// `delete` removes the directory (and stops this process); gone, there is nothing to do.
  private var clusterExists: Bool {
    FileManager.default.fileExists(atPath: directory.appendingPathComponent("cluster.json").path)
  }

  /// Lists and watches until the cluster's directory is removed or its API server stays
  /// unreachable.
  func run() {
    // Foundation starts curl in a process group of its own, which `delete` signalling ours
    // does not reach: end the watch with this process, or kube-apiserver's graceful shutdown
    // waits for it.
    signal(SIGTERM) { _ in
      if watchProcessID > 0 { kill(watchProcessID, SIGTERM) }
      _exit(0)
    }
    var unreachableSince: Date?
    while clusterExists {
      failed = false
      do {
        if let version = try listPods() {
          unreachableSince = nil
          for pod in Array(pods.values) { reconcile(pod) }
          if !failed {
            let started = Date()
            watch(from: version)
            // A watch that ends at once (refused, or an error event) is not retried at once.
            if Date().timeIntervalSince(started) < 1 { failed = true }
          }
        } else {
          failed = true
          let since = unreachableSince ?? Date()
          unreachableSince = since
          if Date().timeIntervalSince(since) > Self.outageLimit {
            log("no answer from the API server at \(client.server) for \(Int(Self.outageLimit)) s; exiting")
            return
          }
        }
      } catch {
        log("\(error)")
      }
      if failed {
        usleep(Self.retryInterval)
      } else {
        // The same failure round after round is logged once; again after a clean round.
        lastLogged = nil
      }
    }
  }

  /// Every Pod of the cluster into `pods`; the list's resource version, nil when the API
  /// server does not answer.
  private func listPods() throws -> String? {
    guard let response = try client.request("GET", "/api/v1/pods", timeout: 10) else { return nil }
    guard response.status == 200, let json = response.json, let items = json["items"] as? [[String: Any]] else {
      throw KindError("GET /api/v1/pods: HTTP \(response.status): \(Self.message(response))")
    }
    pods = Dictionary(items.map { (Pod($0).uid, Pod($0)) }, uniquingKeysWith: { $1 })
    allocated = allocated.filter { pods[$0.key] != nil }
    writtenVersions = writtenVersions.filter { pods[$0.key] != nil }
    return ((json["metadata"] as? [String: Any])?["resourceVersion"] as? String) ?? ""
  }

  /// Follows the Pods from `version` and reconciles each change as it comes; returns when the
  /// server ends the watch (after `resyncSeconds`, or on an error event), when a write failed,
  /// or when the cluster is gone.
  private func watch(from version: String) {
    let path =
      "/api/v1/pods?watch=1&allowWatchBookmarks=true&resourceVersion=\(version)&timeoutSeconds=\(Self.resyncSeconds)"
    let stream: (process: Process, output: FileHandle)
    do {
      stream = try client.stream(path, maxTime: Self.resyncSeconds + 10)
    } catch {
      log("GET \(path): \(error)")
      return
    }
    watchProcessID = stream.process.processIdentifier
    defer {
      watchProcessID = 0
      if stream.process.isRunning { stream.process.terminate() }
      stream.process.waitUntilExit()
    }
    var pending = Data()
    var descriptor = pollfd(fd: stream.output.fileDescriptor, events: Int16(POLLIN), revents: 0)
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while true {
      // Wake up every second to notice a deleted cluster while nothing changes.
      let ready = poll(&descriptor, 1, 1000)
      if ready < 0 && errno == EINTR { continue }
      if ready == 0 {
        if !clusterExists { return }
        continue
      }
      let count = read(descriptor.fd, &chunk, chunk.count)
      guard count > 0 else { return }
      pending.append(contentsOf: chunk[0..<count])
      // One JSON event per line.
      while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
        let line = pending[pending.startIndex..<newline]
        pending = Data(pending[pending.index(after: newline)...])
        guard handle(event: line), !failed else { return }
      }
    }
  }

  /// One watch event; false when the watch must be started again from a new list.
  private func handle(event line: Data) -> Bool {
    guard let event = (try? JSONSerialization.jsonObject(with: line)) as? [String: Any],
      let type = event["type"] as? String, let object = event["object"] as? [String: Any]
    else { return line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") } }
    switch type {
    case "ADDED", "MODIFIED":
      let pod = Pod(object)
      pods[pod.uid] = pod
      reconcile(pod)
    case "DELETED":
      let uid = Pod(object).uid
      pods[uid] = nil
      allocated[uid] = nil
      writtenVersions[uid] = nil
    case "BOOKMARK":
      break
    default:
      // ERROR: typically 410 Gone, the version too old to watch from.
      return false
    }
    return true
  }

  private func reconcile(_ pod: Pod) {
    if let written = writtenVersions[pod.uid], let version = Int(pod.resourceVersion), version <= written { return }
    if pod.isDeleting {
      // Only a node's kubelet confirms a termination; an unbound Pod is deleted at once by the
      // API server, and one bound to a node that does not exist is left to the pod GC.
      if node(named: pod.nodeName) != nil { confirmTermination(pod) }
      return
    }
    guard pod.phase != "Succeeded" && pod.phase != "Failed" else { return }
    var bound = node(named: pod.nodeName)
    if pod.nodeName.isEmpty {
      // Pods for another scheduler wait for it, as with kube-scheduler.
      guard pod.schedulerName == "default-scheduler", let target = chooseNode(pod), bind(pod, to: target) else {
        return
      }
      bound = target
    }
    guard let node = bound, needsStatus(pod, on: node) else { return }
    reportRunning(pod, on: node)
  }

  private func node(named name: String) -> ClusterState.NodeState? {
    name.isEmpty ? nil : nodes.first { $0.name == name }
  }

  // MARK: Scheduling

  /// The pinned node if the Pod names one (nil, so Pending, when it is not a node of this
  /// cluster), else the next in the round robin.
  private func chooseNode(_ pod: Pod) -> ClusterState.NodeState? {
    if let pinned = pod.pinnedNodeNames {
      return pinned.lazy.compactMap { self.node(named: $0) }.first
    }
    guard !schedulable.isEmpty else { return nil }
    defer { nextNode += 1 }
    return schedulable[nextNode % schedulable.count]
  }

  /// kube-scheduler's bind: the `binding` subresource, which sets `spec.nodeName` and the
  /// PodScheduled condition. The UID makes it fail for a newer Pod of the same name.
  private func bind(_ pod: Pod, to node: ClusterState.NodeState) -> Bool {
    let binding: [String: Any] = [
      "apiVersion": "v1",
      "kind": "Binding",
      "metadata": ["name": pod.name, "namespace": pod.namespace, "uid": pod.uid],
      "target": ["apiVersion": "v1", "kind": "Node", "name": node.name],
    ]
    return send("POST", "\(pod.path)/binding", json: binding) != nil
  }

  // MARK: Status

  /// True unless the status already says Running and Ready on `node`, for the spec's containers.
  private func needsStatus(_ pod: Pod, on node: ClusterState.NodeState) -> Bool {
    guard pod.phase == "Running", pod.hostIP == node.internalIP, pod.podIP != nil else { return true }
    let conditionsTrue = ["Initialized", "ContainersReady", "Ready", "PodScheduled"].allSatisfy {
      pod.conditions[$0]?["status"] as? String == "True"
    }
    guard conditionsTrue else { return true }
    let statuses = pod.containerStatuses
    return !pod.containers.allSatisfy { container in
      guard let status = statuses[container.name] else { return false }
      let running = (status["state"] as? [String: Any])?["running"] != nil
      return running && status["ready"] as? Bool == true
        && status["image"] as? String == ContainerImage.normalized(container.image)
    }
  }

  /// The status a kubelet posts once every container runs, as a merge patch of `/status`.
  /// `metadata.uid` in the patch makes it fail (UID is immutable) for a newer Pod of the name.
  private func reportRunning(_ pod: Pod, on node: ClusterState.NodeState) {
    guard let podIP = pod.hostNetwork ? node.internalIP : (pod.podIP ?? allocateIP(pod, on: node)) else {
      log("no free pod IP on \(node.name) for \(pod.namespace)/\(pod.name)")
      return
    }
    let now = NodeRegistrar.timestamp()
    let conditions: [[String: Any]] = ["Initialized", "Ready", "ContainersReady", "PodScheduled"].map { type in
      // A condition already True keeps its transition time: availability counts from it.
      let existing = pod.conditions[type]
      let since = existing?["status"] as? String == "True" ? existing?["lastTransitionTime"] as? String : nil
      return ["type": type, "status": "True", "lastProbeTime": NSNull(), "lastTransitionTime": since ?? now]
    }
    let startTime = pod.startTime ?? now
    var status: [String: Any] = [
      "phase": "Running",
      "hostIP": node.internalIP,
      "podIP": podIP,
      "podIPs": [["ip": podIP]],
      "startTime": startTime,
      "conditions": conditions,
      // The kubelet sorts container statuses by name.
      "containerStatuses": pod.containers.sorted { $0.name < $1.name }.map { container in
        containerStatus(pod, container, state: ["running": ["startedAt": now]])
      },
    ]
    if !pod.initContainers.isEmpty {
      status["initContainerStatuses"] = pod.initContainers.map { container in
        containerStatus(
          pod, container,
          state: [
            "terminated": [
              "exitCode": 0, "reason": "Completed", "startedAt": startTime, "finishedAt": startTime,
              "containerID": Self.containerID(pod, container),
            ]
          ])
      }
    }
    let patch: [String: Any] = ["metadata": ["uid": pod.uid], "status": status]
    let updated = send("PATCH", "\(pod.path)/status", json: patch, contentType: "application/merge-patch+json")
    recordWrite(pod, updated)
  }

  /// Ready, never restarted; `started` only while running (a completed init container is not).
  private func containerStatus(_ pod: Pod, _ container: Pod.Container, state: [String: Any]) -> [String: Any] {
    let running = state["running"] != nil
    return [
      "name": container.name,
      "image": ContainerImage.normalized(container.image),
      "imageID": ContainerImage.imageID(container.image),
      "containerID": Self.containerID(pod, container),
      "ready": true,
      "started": running,
      "restartCount": 0,
      "state": state,
      "lastState": [String: Any](),
    ]
  }

  /// containerd's ID form; stable per Pod and container, so a rewrite does not look like a restart.
  private static func containerID(_ pod: Pod, _ container: Pod.Container) -> String {
    "containerd://" + ContainerImage.sha256Hex(pod.uid + "/" + container.name)
  }

  /// The first free address of the node's pod CIDR (from .2, the bridge has .1), as the
  /// host-local IPAM of kind's CNI hands them out; the cluster's pod subnet when the node has
  /// no CIDR of its own.
  private func allocateIP(_ pod: Pod, on node: ClusterState.NodeState) -> String? {
    if let address = allocated[pod.uid] { return address }
    let range =
      node.podCIDR.flatMap(CIDR.init)
      ?? state.podSubnet.split(separator: ",").first.flatMap { CIDR($0.trimmingCharacters(in: .whitespaces)) }
    guard let range else { return nil }
    let hostBits = range.address.count * 8 - range.prefix
    let last = hostBits >= 17 ? 65_534 : (1 << hostBits) - 2
    guard last >= 2 else { return nil }
    let inUse = Set(pods.values.filter { !$0.hostNetwork }.compactMap(\.podIP)).union(allocated.values)
    for offset in 2...last {
      let address = IPAddress.format(range.address(plus: offset))
      if !inUse.contains(address) {
        allocated[pod.uid] = address
        return address
      }
    }
    return nil
  }

  // MARK: Termination

  /// The kubelet's final delete once the containers stopped: grace period 0, for this UID only
  /// (a StatefulSet recreates a Pod under the same name). A Pod held by finalizers after that
  /// waits for them.
  private func confirmTermination(_ pod: Pod) {
    if pod.deletionGracePeriodSeconds == 0 && pod.hasFinalizers { return }
    let options: [String: Any] = [
      "apiVersion": "v1", "kind": "DeleteOptions", "gracePeriodSeconds": 0, "preconditions": ["uid": pod.uid],
    ]
    recordWrite(pod, send("DELETE", pod.path, json: options))
  }

  // MARK: Requests and log

  /// One write: the object the API server answers with, nil when it did not succeed. A Pod
  /// that changed or went away meanwhile (404, 409) is a race the watch settles, not a failure.
  private func send(_ method: String, _ path: String, json: Any, contentType: String = "application/json")
    -> [String: Any]?
  {
    do {
      guard let response = try client.request(method, path, json: json, contentType: contentType) else {
        log("\(method) \(path): no answer from the API server")
        return nil
      }
      if (200..<300).contains(response.status) { return response.json ?? [:] }
      if response.status != 404 && response.status != 409 {
        log("\(method) \(path): HTTP \(response.status): \(Self.message(response))")
      }
    } catch {
      log("\(method) \(path): \(error)")
    }
    return nil
  }

  /// Remembers the version a write of ours produced (see `writtenVersions`).
  private func recordWrite(_ pod: Pod, _ answer: [String: Any]?) {
    guard let answer, let version = Int(Pod(answer).resourceVersion), Pod(answer).uid == pod.uid else { return }
    writtenVersions[pod.uid] = version
  }

  private static func message(_ response: KubeClient.Response) -> String {
    (response.json?["message"] as? String) ?? response.text
  }

  /// To stderr, which is the log file `create` opened (`logs/kubelet.log`); stdout stays unused.
  private func log(_ message: String) {
    failed = true
    guard message != lastLogged else { return }
    lastLogged = message
    FileHandle.standardError.write(Data("\(NodeRegistrar.timestamp()) \(message)\n".utf8))
  }
}

/// The running watch's curl, for the SIGTERM handler (which can capture nothing); 0 for none.
nonisolated(unsafe) private var watchProcessID: pid_t = 0

/// The fields of a Pod the stand-in reads, from its JSON.
private struct Pod {
  struct Container {
    var name: String
    var image: String
  }

  let object: [String: Any]
  private var metadata: [String: Any] { object["metadata"] as? [String: Any] ?? [:] }
  private var spec: [String: Any] { object["spec"] as? [String: Any] ?? [:] }
  private var status: [String: Any] { object["status"] as? [String: Any] ?? [:] }

  init(_ object: [String: Any]) { self.object = object }

  var name: String { metadata["name"] as? String ?? "" }
  var namespace: String { metadata["namespace"] as? String ?? "default" }
  var uid: String { metadata["uid"] as? String ?? "" }
  var resourceVersion: String { metadata["resourceVersion"] as? String ?? "" }
  var path: String { "/api/v1/namespaces/\(namespace)/pods/\(name)" }
  var isDeleting: Bool { metadata["deletionTimestamp"] is String }
  var deletionGracePeriodSeconds: Int? { (metadata["deletionGracePeriodSeconds"] as? NSNumber)?.intValue }
  var hasFinalizers: Bool { !((metadata["finalizers"] as? [Any]) ?? []).isEmpty }

  var nodeName: String { spec["nodeName"] as? String ?? "" }
  var schedulerName: String { spec["schedulerName"] as? String ?? "default-scheduler" }
  var hostNetwork: Bool { spec["hostNetwork"] as? Bool ?? false }
  var containers: [Container] { Self.containers(spec["containers"]) }
  var initContainers: [Container] { Self.containers(spec["initContainers"]) }

  /// The nodes a Pod is pinned to, if it is: `nodeSelector` on `kubernetes.io/hostname`, or
  /// the required `metadata.name In [...]` node affinity the DaemonSet controller sets.
  var pinnedNodeNames: [String]? {
    if let hostname = (spec["nodeSelector"] as? [String: Any])?["kubernetes.io/hostname"] as? String {
      return [hostname]
    }
    let affinity = (spec["affinity"] as? [String: Any])?["nodeAffinity"] as? [String: Any]
    let required = affinity?["requiredDuringSchedulingIgnoredDuringExecution"] as? [String: Any]
    let terms = required?["nodeSelectorTerms"] as? [[String: Any]] ?? []
    let names = terms.flatMap { term in
      (term["matchFields"] as? [[String: Any]] ?? []).filter {
        $0["key"] as? String == "metadata.name" && $0["operator"] as? String == "In"
      }.flatMap { $0["values"] as? [String] ?? [] }
    }
    return names.isEmpty ? nil : names
  }

  var phase: String { status["phase"] as? String ?? "" }
  var hostIP: String? { status["hostIP"] as? String }
  var podIP: String? { (status["podIP"] as? String).flatMap { $0.isEmpty ? nil : $0 } }
  var startTime: String? { status["startTime"] as? String }
  var conditions: [String: [String: Any]] { Self.byKey("type", status["conditions"]) }
  var containerStatuses: [String: [String: Any]] { Self.byKey("name", status["containerStatuses"]) }

  private static func containers(_ value: Any?) -> [Container] {
    (value as? [[String: Any]] ?? []).map {
      Container(name: $0["name"] as? String ?? "", image: $0["image"] as? String ?? "")
    }
  }

  private static func byKey(_ key: String, _ value: Any?) -> [String: [String: Any]] {
    var result: [String: [String: Any]] = [:]
    for item in value as? [[String: Any]] ?? [] {
      if let name = item[key] as? String { result[name] = item }
    }
    return result
  }
}

/// Image references as containerd reports them to the kubelet. No image is pulled: the digest
/// of an image given by tag is made up (stable per reference).
enum ContainerImage {
  /// `nginx:1.19` → `docker.io/library/nginx:1.19`; `quay.io/argoproj/argocd` →
  /// `quay.io/argoproj/argocd:latest`; a digest reference is kept as it is.
  static func normalized(_ image: String) -> String {
    let (repository, tag, digest) = split(image)
    if let digest { return "\(repository)@\(digest)" }
    return "\(repository):\(tag ?? "latest")"
  }

  /// `docker.io/library/nginx@sha256:…`.
  static func imageID(_ image: String) -> String {
    let (repository, _, digest) = split(image)
    return "\(repository)@" + (digest ?? "sha256:" + sha256Hex(normalized(image)))
  }

  static func sha256Hex(_ text: String) -> String {
    SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
  }

  /// The fully qualified repository, the tag and the digest, as Docker's reference parser.
  private static func split(_ image: String) -> (repository: String, tag: String?, digest: String?) {
    var name = Substring(image)
    var digest: String?
    if let at = name.firstIndex(of: "@") {
      digest = String(name[name.index(after: at)...])
      name = name[..<at]
    }
    var tag: String?
    // A colon after the last slash is a tag; before it, a registry port.
    if let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") {
      tag = String(name[name.index(after: colon)...])
      name = name[..<colon]
    }
    var components = name.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    let first = components[0]
    let hasRegistry =
      components.count > 1 && (first.contains(".") || first.contains(":") || first == "localhost")
    if !hasRegistry {
      if components.count == 1 { components.insert("library", at: 0) }
      components.insert("docker.io", at: 0)
    }
    return (components.joined(separator: "/"), tag, digest)
  }
}
