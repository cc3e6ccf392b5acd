import Foundation
import Testing

/// The kind CLI surface that needs no control plane: version, listing, errors, config checks.
@Suite("dokaseca-kind without a control plane")
struct KindCLITests {
  @Test func versionPrintsKindsFormatWithATestTag() throws {
    let tool = try KindTool()
    let result = try tool.run("version")
    #expect(result.exitCode == 0)
    let fields = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: " ")
    #expect(fields.first == "kind")
    #expect(fields.count == 4)
    #expect(fields[1].hasPrefix("v0.") && fields[1].hasSuffix("-dokaseca-test"))
    #expect(fields.last?.contains("/") == true)
    // -q prints the bare version, as kind does.
    let quiet = try tool.run("version", "-q")
    #expect(quiet.standardOutput == "0.27.0-dokaseca-test\n")
  }

  @Test func getClustersWithNoneSaysSoOnStderr() throws {
    let tool = try KindTool()
    let result = try tool.run("get", "clusters")
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError == "No kind clusters found.\n")
  }

  @Test func deletingAMissingClusterSucceeds() throws {
    let tool = try KindTool()
    let result = try tool.run("delete", "cluster", "--name", "ghost")
    #expect(result.exitCode == 0)
    #expect(result.standardError == "Deleting cluster \"ghost\" ...\n")
  }

  @Test func getKubeconfigOfAMissingClusterFails() throws {
    let tool = try KindTool()
    let result = try tool.run("get", "kubeconfig", "--name", "ghost")
    #expect(result.exitCode == 1)
    #expect(
      result.standardError
        == "ERROR: could not locate any control plane nodes for cluster named 'ghost'. "
        + "Use the --name option to select a different cluster\n")
  }

  @Test func getNodesOfAMissingClusterIsEmpty() throws {
    let tool = try KindTool()
    let result = try tool.run("get", "nodes", "--name", "ghost")
    #expect(result.exitCode == 0)
    #expect(result.standardOutput.isEmpty)
    #expect(result.standardError == "No kind nodes found for cluster \"ghost\".\n")
  }

  @Test func missingBinariesNameTheInstallScript() throws {
    var tool = try KindTool()
    tool.extraEnvironment["DOKASECA_KUBE_BIN"] = "/nonexistent/kube/bin"
    let result = try tool.run("create", "cluster", "--name", "nobin")
    #expect(result.exitCode == 1)
    #expect(
      result.standardError.hasPrefix("ERROR: failed to create cluster: Kubernetes control-plane binaries not found"))
    #expect(result.standardError.contains("scripts/install-kube-control-plane.sh"))
    #expect(try tool.run("get", "clusters").standardOutput.isEmpty)
  }

  @Test(arguments: [
    (
      "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n  colour: blue\n",
      "ERROR: failed to create cluster: unable to decode config: yaml: unmarshal errors:\n"
        + "  line 5: field colour not found in type v1alpha4.Node\n"
    ),
    (
      "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha3\n",
      "ERROR: failed to create cluster: unknown apiVersion: kind.x-k8s.io/v1alpha3\n"
    ),
    (
      "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: worker\n",
      "ERROR: failed to create cluster: must have at least one control-plane node\n"
    ),
    (
      #"{"kind": "Cluster", "apiVersion": "kind.x-k8s.io/v1alpha4", "nodes": [{"role": "master"}]}"#,
      "ERROR: failed to create cluster: [invalid configuration for node 0: \"master\" is not a valid node role, "
        + "must have at least one control-plane node]\n"
    ),
  ])
  func invalidConfigsFailAsKindDoes(config: String, expected: String) throws {
    var tool = try KindTool()
    // The config is read before anything is started, so binaries are not needed; point at
    // any folder with the files so the binaries check passes.
    let fake = tool.home.deletingLastPathComponent().appendingPathComponent("fake-bin")
    try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
    for name in ["etcd", "kube-apiserver", "kube-controller-manager"] {
      let path = fake.appendingPathComponent(name).path
      _ = FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\nexit 1\n".utf8))
      chmod(path, 0o755)
    }
    tool.extraEnvironment["DOKASECA_KUBE_BIN"] = fake.path
    let result = try tool.run("create", "cluster", "--name", "bad", "--config", "-", input: config)
    #expect(result.exitCode == 1)
    #expect(result.standardError == expected)
    #expect(try tool.run("get", "clusters").standardOutput.isEmpty)
  }
}

/// The lifecycle against a real control plane on loopback: skipped when the Kubernetes
/// binaries are not installed (scripts/install-kube-control-plane.sh installs them; CI runs it).
@Suite(
  "dokaseca-kind with a real control plane",
  .serialized,
  .enabled(
    if: KindTool.kubeBinariesInstalled,
    "Kubernetes binaries not installed: run scripts/install-kube-control-plane.sh (and apt-get install curl)"))
struct KindClusterLifecycleTests {
  @Test(.timeLimit(.minutes(5)))
  func createInspectAndDeleteAMultiNodeCluster() throws {
    let tool = try KindTool()
    let name = "life\(getpid() % 10000)"
    let hostPort = try freeTCPPort()
    let config = """
      kind: Cluster
      apiVersion: kind.x-k8s.io/v1alpha4
      nodes:
      - role: control-plane
        labels:
          ingress-ready: "true"
        extraPortMappings:
        - containerPort: 80
          hostPort: \(hostPort)
          protocol: TCP
      - role: worker
        labels:
          tier: apps
      - role: worker

      """
    let configFile = tool.home.deletingLastPathComponent().appendingPathComponent("cluster.yaml")
    try config.write(to: configFile, atomically: true, encoding: .utf8)
    // A kubeconfig someone else wrote: kind merges into it and leaves its entries alone.
    try FileManager.default.createDirectory(
      at: tool.kubeconfig.deletingLastPathComponent(), withIntermediateDirectories: true)
    let foreign = """
      apiVersion: v1
      kind: Config
      clusters:
      - name: other
        cluster:
          server: https://other.example:6443
      users:
      - name: other
        user:
          token: "12345"
      contexts:
      - name: other
        context: {cluster: other, user: other}
      current-context: other

      """
    #expect(
      FileManager.default.createFile(
        atPath: tool.kubeconfig.path, contents: Data(foreign.utf8), attributes: [.posixPermissions: 0o600]))
    defer { _ = try? tool.run("delete", "cluster", "--name", name) }

    let created = try tool.run("create", "cluster", "--name", name, "--config", configFile.path, "--wait", "1m")
    #expect(created.exitCode == 0, "\(created.combined)")
    #expect(created.standardError.hasPrefix("Creating cluster \"\(name)\" ...\n"))
    #expect(created.standardError.contains(" ✓ Starting control-plane"))
    #expect(created.standardError.contains(" ✓ Joining worker nodes"))
    #expect(created.standardError.contains("Set kubectl context to \"kind-\(name)\""))
    guard created.exitCode == 0 else { return }

    // The kubeconfig: created 0600, the context current, client-certificate auth.
    let attributes = try FileManager.default.attributesOfItem(atPath: tool.kubeconfig.path)
    #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    let merged = tool.kubeconfigText()
    #expect(merged.contains("current-context: kind-\(name)\n"))
    #expect(merged.contains("  name: kind-\(name)\n"))
    #expect(merged.contains("client-certificate-data: "))
    #expect(merged.contains("server: https://other.example:6443\n"))
    #expect(merged.contains("token: \"12345\"\n"))

    // `get kubeconfig` prints the same entry; `--internal` names the control-plane container.
    let exported = try tool.run("get", "kubeconfig", "--name", name)
    #expect(exported.exitCode == 0)
    #expect(exported.standardOutput.hasSuffix("\n\n"))
    let internalConfig = try tool.run("get", "kubeconfig", "--name", name, "--internal")
    #expect(internalConfig.standardOutput.contains("server: https://\(name)-control-plane:6443\n"))

    // The API server answers with the kubeconfig's client certificate.
    let credentials = try KubeCredentials(
      kubeconfig: exported.standardOutput,
      directory: tool.home.deletingLastPathComponent().appendingPathComponent("creds"))
    #expect(credentials.server.hasPrefix("https://127.0.0.1:"))
    let ready = try credentials.get("/readyz")
    #expect(ready.status == 200)
    #expect(ready.body == "ok")

    // Nodes, by the CLI and by the API, with kind's names, the config's labels, Ready.
    let nodes = try tool.run("get", "nodes", "--name", name)
    #expect(nodes.standardOutput == "\(name)-control-plane\n\(name)-worker\n\(name)-worker2\n")
    let apiNodes = try credentials.get("/api/v1/nodes")
    #expect(apiNodes.status == 200)
    let list = try JSONSerialization.jsonObject(with: Data(apiNodes.body.utf8)) as? [String: Any]
    let items = list?["items"] as? [[String: Any]] ?? []
    var byName: [String: [String: Any]] = [:]
    for item in items {
      if let itemName = (item["metadata"] as? [String: Any])?["name"] as? String { byName[itemName] = item }
    }
    #expect(byName.keys.sorted() == ["\(name)-control-plane", "\(name)-worker", "\(name)-worker2"])
    func labels(_ node: String) -> [String: String] {
      ((byName[node]?["metadata"] as? [String: Any])?["labels"] as? [String: String]) ?? [:]
    }
    #expect(labels("\(name)-control-plane")["ingress-ready"] == "true")
    #expect(labels("\(name)-control-plane")["node-role.kubernetes.io/control-plane"] == "")
    #expect(labels("\(name)-worker")["tier"] == "apps")
    #expect(labels("\(name)-worker")["node-role.kubernetes.io/control-plane"] == nil)
    for item in items {
      let status = item["status"] as? [String: Any]
      let conditions = status?["conditions"] as? [[String: Any]] ?? []
      #expect(conditions.contains { $0["type"] as? String == "Ready" && $0["status"] as? String == "True" })
      let addresses = status?["addresses"] as? [[String: Any]] ?? []
      #expect(addresses.contains { ($0["address"] as? String)?.hasPrefix("172.18.0.") == true })
    }

    // The listing, and a second create of the same name fails as kind's does.
    #expect(try tool.run("get", "clusters").standardOutput == "\(name)\n")
    let duplicate = try tool.run("create", "cluster", "--name", name)
    #expect(duplicate.exitCode == 1)
    #expect(
      duplicate.standardError
        == "ERROR: failed to create cluster: node(s) already exist for a cluster with the name \"\(name)\"\n")

    // The host port is held: another cluster that publishes it fails with Docker's words and
    // leaves nothing behind.
    let clash = try tool.run(
      "create", "cluster", "--name", "\(name)-clash", "--config", "-",
      input:
        "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n  extraPortMappings:\n"
        + "  - containerPort: 80\n    hostPort: \(hostPort)\n")
    #expect(clash.exitCode == 1)
    #expect(clash.standardError.contains("Bind for 0.0.0.0:\(hostPort) failed: port is already allocated"))
    #expect(try tool.run("get", "clusters").standardOutput == "\(name)\n")

    // Delete: processes gone, directory gone, kubeconfig entries gone.
    let pids = tool.recordedPIDs(name)
    #expect(pids.count >= 3)
    #expect(pids.allSatisfy(KindTool.isRunning))
    let deleted = try tool.run("delete", "cluster", "--name", name)
    #expect(deleted.exitCode == 0)
    #expect(
      deleted.standardError
        == "Deleting cluster \"\(name)\" ...\nDeleted nodes: [\"\(name)-control-plane\" \"\(name)-worker\" \"\(name)-worker2\"]\n"
    )
    #expect(!pids.contains(where: KindTool.isRunning))
    #expect(!FileManager.default.fileExists(atPath: tool.clusterDirectory(name).path))
    let remaining = tool.kubeconfigText()
    #expect(!remaining.contains("kind-\(name)"))
    #expect(!remaining.contains("current-context"))
    #expect(remaining.contains("server: https://other.example:6443\n"))
    #expect(remaining.contains("  name: other\n"))
    #expect(try tool.run("get", "clusters").standardError == "No kind clusters found.\n")
    #expect(try freeTCPPortIsBindable(hostPort))
  }

  @Test(.timeLimit(.minutes(5)))
  func namespacesFinishDeletingAndServerSideApplyWorks() throws {
    let tool = try KindTool()
    let name = "ns\(getpid() % 10000)"
    defer { _ = try? tool.run("delete", "cluster", "--name", name) }
    let created = try tool.run("create", "cluster", "--name", name)
    #expect(created.exitCode == 0, "\(created.combined)")
    guard created.exitCode == 0 else { return }
    let credentials = try KubeCredentials(
      kubeconfig: try tool.run("get", "kubeconfig", "--name", name).standardOutput,
      directory: tool.home.deletingLastPathComponent().appendingPathComponent("creds"))
    let curl = { (arguments: [String]) throws -> String in
      try KindTool.run(
        "/usr/bin/curl",
        [
          "--silent", "--max-time", "10", "--cacert", credentials.caFile, "--cert", credentials.certificateFile,
          "--key", credentials.keyFile, "--output", "/dev/null", "--write-out", "%{http_code}",
        ] + arguments, environment: ProcessInfo.processInfo.environment
      ).standardOutput
    }
    #expect(
      try curl([
        "-X", "POST", "-H", "Content-Type: application/json", "--data", #"{"metadata":{"name":"scratch"}}"#,
        credentials.server + "/api/v1/namespaces",
      ]) == "201")
    // Server-side apply: crashed 1.20 under Go 1.19 with the vendored reflect2 1.0.1.
    #expect(
      try curl([
        "-X", "PATCH", "-H", "Content-Type: application/apply-patch+yaml", "--data-binary",
        "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: applied\ndata:\n  key: value\n",
        credentials.server + "/api/v1/namespaces/scratch/configmaps/applied?fieldManager=kind-tests",
      ]) == "201")
    #expect(try curl(["-X", "DELETE", credentials.server + "/api/v1/namespaces/scratch"]) == "200")
    // The namespace controller (kube-controller-manager) finalizes it.
    let deadline = Date().addingTimeInterval(60)
    var gone = false
    while Date() < deadline {
      if try credentials.get("/api/v1/namespaces/scratch").status == 404 {
        gone = true
        break
      }
      usleep(500_000)
    }
    #expect(gone, "namespace scratch still there after 60 s")
  }
}

func freeTCPPort() throws -> Int {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = INADDR_ANY
  address.sin_port = 0
  _ = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
  }
  return Int(UInt16(bigEndian: address.sin_port))
}

func freeTCPPortIsBindable(_ port: Int) throws -> Bool {
  let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(descriptor) }
  var one: Int32 = 1
  setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
  var address = sockaddr_in()
  address.sin_family = sa_family_t(AF_INET)
  address.sin_addr.s_addr = INADDR_ANY
  address.sin_port = in_port_t(UInt16(port).bigEndian)
  let result = withUnsafePointer(to: &address) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
      bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
    }
  }
  return result == 0
}
