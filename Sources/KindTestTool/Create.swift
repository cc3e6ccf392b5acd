import Foundation

/// `kind create cluster`, step by step as kind's `create.Cluster` reports them.
struct ClusterCreator {
  var nameFlag: String?
  var configPath: String?
  var image: String?
  var retain: Bool
  var wait: Double
  var kubeconfigPath: String

  func create() throws {
    do {
      // kind reads the config first, then checks its container runtime; the binaries are ours.
      let config = try ClusterConfig.load(path: configPath)
      let binaries = try KubeBinaries.locate()
      try createCluster(config, binaries)
    } catch let error as KindError {
      throw error.wrapped("failed to create cluster")
    } catch {
      throw KindError("failed to create cluster: \(error)")
    }
  }

  private func createCluster(_ loaded: ClusterConfig, _ binaries: KubeBinaries) throws {
    var config = loaded
    if let nameFlag, !nameFlag.isEmpty { config.name = nameFlag }
    if config.name.isEmpty { config.name = "kind" }
    if let image, !image.isEmpty {
      for index in config.nodes.indices { config.nodes[index].image = image }
    }
    let store = ClusterStore()
    if store.exists(config.name) {
      throw KindError("node(s) already exist for a cluster with the name \"\(config.name)\"")
    }
    if config.name.count > 50 {
      Log.info(
        "WARNING: cluster name \"\(config.name)\" is probably too long, this might not work properly on some systems")
    }
    try config.validate()

    let status = Status()
    Log.info("Creating cluster \"\(config.name)\" ...")
    var seenImages = Set<String>()
    for node in config.nodes where seenImages.insert(node.image).inserted {
      let friendly = node.image.split(separator: "@", maxSplits: 1).first.map(String.init) ?? node.image
      status.start("Ensuring node image (\(friendly)) 🖼")
    }

    status.start("Preparing nodes " + String(repeating: "📦 ", count: config.nodes.count))
    guard try store.claim(config.name) else {
      status.end(false)
      throw KindError("node(s) already exist for a cluster with the name \"\(config.name)\"")
    }
    do {
      try provision(config, binaries: binaries, store: store, status: status)
    } catch {
      status.end(false)
      // A failed port binding leaves nothing behind, as Docker removes nothing it started.
      if !retain || (error as? KindError)?.commandOutput != nil {
        try? ClusterDeleter.delete(name: config.name, explicitKubeconfig: kubeconfigPath, quiet: true)
      }
      throw error
    }

    let context = KubeconfigFiles.key(config.name)
    Log.info("Set kubectl context to \"\(context)\"")
    var sample = "kubectl cluster-info --context \(context)"
    if !kubeconfigPath.isEmpty { sample += " --kubeconfig " + shellQuote(kubeconfigPath) }
    Log.info("You can now use your cluster with:\n\n" + sample)
    Log.info("")
    let salutations = [
      "Have a nice day! 👋",
      "Thanks for using kind! 😊",
      "Not sure what to do next? 😅  Check out https://kind.sigs.k8s.io/docs/user/quick-start/",
      "Have a question, bug, or feature request? Let us know! https://kind.sigs.k8s.io/#community 🙂",
    ]
    Log.info(salutations.randomElement()!)
  }

  private func provision(_ config: ClusterConfig, binaries: KubeBinaries, store: ClusterStore, status: Status) throws {
    let name = config.name
    let directory = store.directory(name)
    let ipv6 = config.networking.ipFamily == "ipv6"

    // Node names as kind's namer gives them, and addresses on a pretend kind network.
    var counters: [String: Int] = [:]
    var nodes: [ClusterState.NodeState] = []
    let podCIDRs = Self.podCIDRs(config.networking.podSubnet, count: config.nodes.count)
    for (index, node) in config.nodes.enumerated() {
      let count = (counters[node.role] ?? 0) + 1
      counters[node.role] = count
      let nodeName = "\(name)-\(node.role)\(count == 1 ? "" : String(count))"
      let address = ipv6 ? "fc00:f853:ccd:e793::\(index + 2)" : "172.18.0.\(index + 2)"
      nodes.append(
        ClusterState.NodeState(
          name: nodeName, role: node.role, image: node.image, internalIP: address, podCIDR: podCIDRs[index],
          labels: Dictionary(node.labels, uniquingKeysWith: { $1 })))
    }
    let controlPlanes = nodes.filter { $0.role == "control-plane" }
    let loadBalancer = controlPlanes.count > 1

    // Host ports, checked (and then held) as Docker publishes them.
    var hostPorts: [(HostPort, node: String)] = []
    for (index, node) in config.nodes.enumerated() {
      for mapping in node.extraPortMappings {
        let address = mapping.listenAddress.isEmpty ? (ipv6 ? "::" : "0.0.0.0") : mapping.listenAddress
        let proto = mapping.protocol.isEmpty ? "TCP" : mapping.protocol.uppercased()
        guard ["TCP", "UDP", "SCTP"].contains(proto) else {
          throw KindError("unknown port mapping protocol: \(mapping.protocol)")
        }
        var port = mapping.hostPort
        if port <= 0 { port = try Processes.freePort(address: address) }
        if proto != "SCTP" {
          hostPorts.append((HostPort(address: address, port: port, protocol: proto), nodes[index].name))
        }
      }
    }
    let apiServerAddress = config.networking.apiServerAddress
    var apiServerPort = config.networking.apiServerPort
    let firstControlPlane = loadBalancer ? "\(name)-external-load-balancer" : controlPlanes[0].name
    if apiServerPort > 0 {
      try Self.checkFree(
        HostPort(address: apiServerAddress, port: apiServerPort, protocol: "TCP"), node: firstControlPlane)
    } else {
      apiServerPort = try Processes.freePort(address: apiServerAddress)
    }
    for (hostPort, node) in hostPorts { try Self.checkFree(hostPort, node: node) }
    if !hostPorts.isEmpty {
      try holdPorts(hostPorts, directory: directory, store: store, name: name)
    }

    let loopback = ipv6 ? "::1" : "127.0.0.1"
    let state = ClusterState(
      name: name, createdAt: Date(), kubernetesVersion: nil, ipFamily: config.networking.ipFamily,
      apiServerAddress: apiServerAddress, apiServerPort: apiServerPort,
      etcdClientPort: try Processes.freePort(address: loopback),
      etcdPeerPort: try Processes.freePort(address: loopback),
      controllerManagerPort: try Processes.freePort(address: loopback),
      serviceSubnet: config.networking.serviceSubnet, podSubnet: config.networking.podSubnet, nodes: nodes,
      externalLoadBalancer: loadBalancer, hostPorts: hostPorts.map { $0.0.description })
    try store.save(state)

    // Certificates, as kubeadm's phase "certs" makes them.
    var serverNames =
      controlPlanes.map(\.name) + [
        "kubernetes", "kubernetes.default", "kubernetes.default.svc", "kubernetes.default.svc.cluster.local",
        "localhost",
      ]
    if loadBalancer { serverNames.insert(state.loadBalancerName, at: 0) }
    var serverAddresses: [[UInt8]] = []
    for subnet in config.networking.serviceSubnet.split(separator: ",") {
      if let cidr = CIDR(subnet.trimmingCharacters(in: .whitespaces)) { serverAddresses.append(cidr.address(plus: 1)) }
    }
    for address in ["127.0.0.1", "::1", apiServerAddress] + controlPlanes.map(\.internalIP) {
      if let bytes = IPAddress.parse(address), !bytes.allSatisfy({ $0 == 0 }), !serverAddresses.contains(bytes) {
        serverAddresses.append(bytes)
      }
    }
    try ClusterPKI(directory: store.pkiDirectory(name)).generate(
      serverNames: serverNames, serverAddresses: serverAddresses)

    if loadBalancer { status.start("Configuring the external load balancer ⚖️") }
    status.start("Writing configuration 📜")
    let adminConfig = try KubeconfigFiles.kindConfig(for: state, internal: true)
    try KubeconfigFiles.write(adminConfig.mapping!, to: directory.appendingPathComponent("admin.conf").path)

    status.start("Starting control-plane 🕹️")
    let controlPlane = ControlPlane(
      binaries: binaries, store: store, state: state, featureGates: config.featureGates,
      runtimeConfig: config.runtimeConfig)
    try controlPlane.start()
    let registrar = try NodeRegistrar(client: controlPlane.client, state: state)
    try registrar.register(controlPlanes[0])

    status.start("Installing StorageClass 💾")
    try registrar.installStorageClass()

    if controlPlanes.count > 1 {
      status.start("Joining more control-plane nodes 🎮")
      for node in controlPlanes.dropFirst() { try registrar.register(node) }
    }
    let workers = nodes.filter { $0.role == "worker" }
    if !workers.isEmpty {
      status.start("Joining worker nodes 🚜")
      for node in workers { try registrar.register(node) }
    }
    status.end(true)

    var finalState = state
    finalState.kubernetesVersion = registrar.kubernetesVersion
    try store.save(finalState)
    if KubeletStandIn.enabled { try startKubelet(directory: directory, store: store, name: name) }

    if wait > 0 {
      status.start("Waiting ≤ \(GoDuration.formatRoundedToSeconds(wait)) for control-plane = Ready ⏳")
      let started = Date()
      if registrar.waitForControlPlaneReady(until: started.addingTimeInterval(wait)) {
        status.end(true)
        Log.info(" • Ready after \(GoDuration.formatRoundedToSeconds(Date().timeIntervalSince(started))) 💚")
      } else {
        status.end(false)
        Log.info(" • WARNING: Timed out waiting for Ready ⚠️")
      }
    }

    try KubeconfigFiles.writeMerged(
      try KubeconfigFiles.kindConfig(for: finalState, internal: false), explicitPath: kubeconfigPath)
  }

  /// Fails as `docker run` does when a published port is taken.
  private static func checkFree(_ hostPort: HostPort, node: String) throws {
    do {
      let socket = try BoundSocket(
        address: hostPort.address, port: hostPort.port,
        type: hostPort.protocol == "UDP" ? datagramSocketType : streamSocketType,
        listen: hostPort.protocol == "TCP")
      socket.close()
    } catch let error as BindError {
      throw dockerRunFailure(node: node, detail: hostPort.dockerBindFailure(error))
    }
  }

  static func dockerRunFailure(node: String, detail: String) -> KindError {
    var generator = SystemRandomNumberGenerator()
    let endpoint = (0..<32).map { _ in String(format: "%02x", UInt8.random(in: 0...255, using: &generator)) }.joined()
    return KindError(
      // No container is run here; the words are Docker's and kind's, for callers that match them.
      "command \"docker run --name \(node) --hostname \(node) …\" failed with error: exit status 125",
      commandOutput:
        "docker: Error response from daemon: driver failed programming external connectivity on endpoint \(node) "
        + "(\(endpoint)): \(detail).\n\nRun 'docker run --help' for more information")
  }

  /// Starts the detached port holder and waits until it has bound every port.
  private func holdPorts(_ hostPorts: [(HostPort, node: String)], directory: URL, store: ClusterStore, name: String)
    throws
  {
    let ready = directory.appendingPathComponent("ports.ready")
    let executable = Self.executable
    let logs = store.logDirectory(name)
    let pids = store.pidDirectory(name)
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: pids, withIntermediateDirectories: true)
    let log = logs.appendingPathComponent("host-ports.log")
    var arguments = ["__hold-ports", "--cluster-directory", directory.path, "--ready-file", ready.path]
    for (hostPort, _) in hostPorts { arguments += ["--bind", hostPort.description] }
    let pid = try Processes.spawnDetached(executable, arguments, logFile: log)
    try "\(pid)\n".write(to: pids.appendingPathComponent("host-ports.pid"), atomically: true, encoding: .utf8)
    let deadline = Date().addingTimeInterval(10)
    while !FileManager.default.fileExists(atPath: ready.path) {
      if !Processes.isRunning(pid) || Date() > deadline {
        let output = (try? String(contentsOf: log, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
        let detail = output.flatMap { $0.isEmpty ? nil : $0 } ?? "failed to bind the published ports"
        let failing = hostPorts.first { detail.contains(IPAddress.joinHostPort($0.0.address, $0.0.port)) }
        throw Self.dockerRunFailure(node: failing?.node ?? hostPorts[0].node, detail: detail)
      }
      usleep(20_000)
    }
  }

  /// Starts the detached kubelet and scheduler stand-in (`__kubelet`), which runs until
  /// `delete` stops it. It reads `cluster.json`, so it starts once the nodes are registered.
  private func startKubelet(directory: URL, store: ClusterStore, name: String) throws {
    let logs = store.logDirectory(name)
    let pids = store.pidDirectory(name)
    try FileManager.default.createDirectory(at: logs, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(at: pids, withIntermediateDirectories: true)
    // With the trailing slash: `delete` knows the cluster's processes by `DIRECTORY/` in their
    // command line, and ignores a pid file whose process does not show it.
    let arguments = ["__kubelet", "--cluster-directory", directory.path + "/"]
    let pid = try Processes.spawnDetached(
      Self.executable, arguments, logFile: logs.appendingPathComponent("\(KubeletStandIn.processName).log"))
    try "\(pid)\n".write(
      to: pids.appendingPathComponent("\(KubeletStandIn.processName).pid"), atomically: true, encoding: .utf8)
    Log.debug("started the kubelet stand-in (pid \(pid))")
  }

  /// This executable, for the detached helpers it starts as subcommands.
  private static var executable: String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }

  /// One /24 (or the IPv6 equivalent) of the pod subnet per node, as the node IPAM controller
  /// hands them out; nil when the subnet is too small to split.
  static func podCIDRs(_ podSubnet: String, count: Int) -> [String?] {
    guard let first = podSubnet.split(separator: ",").first,
      let cidr = CIDR(first.trimmingCharacters(in: .whitespaces))
    else { return Array(repeating: nil, count: count) }
    let nodePrefix = cidr.isIPv4 ? 24 : 64
    guard cidr.prefix <= nodePrefix else { return Array(repeating: nil, count: count) }
    return (0..<count).map { index in
      var bytes = cidr.address
      // Add `index` at the bit just above the node prefix.
      var carry = index
      var byteIndex = nodePrefix / 8 - 1
      while carry > 0 && byteIndex >= 0 {
        let sum = Int(bytes[byteIndex]) + (carry & 0xff)
        bytes[byteIndex] = UInt8(sum & 0xff)
        carry = (carry >> 8) + (sum >> 8)
        byteIndex -= 1
      }
      return "\(IPAddress.format(bytes))/\(nodePrefix)"
    }
  }
}

/// `kind delete cluster`: the kubeconfig entries first, then the "nodes" (our processes and
/// the cluster's directory).
enum ClusterDeleter {
  static func delete(name: String, explicitKubeconfig: String, quiet: Bool = false) throws {
    let store = ClusterStore()
    let nodes = store.nodeNames(cluster: name)
    var kubeconfigError: KindError?
    do {
      try KubeconfigFiles.remove(cluster: name, explicitPath: explicitKubeconfig)
    } catch let error as KindError {
      Log.error("failed to update kubeconfig: \(error.message)")
      kubeconfigError = error
    }
    if store.exists(name) {
      let directory = store.directory(name)
      stopProcesses(directory: directory, pidDirectory: store.pidDirectory(name))
      do {
        try FileManager.default.removeItem(at: directory)
      } catch {
        throw KindError("failed to remove \(directory.path): \(error.localizedDescription)")
      }
      if !nodes.isEmpty && !quiet { Log.info("Deleted nodes: \(goQuoted(nodes))") }
    }
    if let kubeconfigError { throw kubeconfigError }
  }

  /// Every process of the cluster: those in its pid files, and any other whose command line
  /// names the cluster's directory (a pid file may be missing after an interrupted create).
  static func stopProcesses(directory: URL, pidDirectory: URL) {
    let marker = directory.path + "/"
    var pids = Set(Processes.processes(mentioning: marker))
    for file in (try? FileManager.default.contentsOfDirectory(atPath: pidDirectory.path)) ?? [] {
      guard let text = try? String(contentsOfFile: pidDirectory.appendingPathComponent(file).path, encoding: .utf8),
        let pid = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines))
      else { continue }
      // Only if it is still ours: pids are reused.
      if Processes.commandLine(pid)?.contains(marker) == true { pids.insert(pid) }
    }
    Processes.terminate(Array(pids))
  }
}

/// `sh`-quoting as kind's `shellescape.Quote`.
func shellQuote(_ text: String) -> String {
  if !text.isEmpty, text.range(of: "[^\\w@%+=:,./-]", options: .regularExpression) == nil { return text }
  return "'" + text.replacingOccurrences(of: "'", with: "'\"'\"'") + "'"
}
