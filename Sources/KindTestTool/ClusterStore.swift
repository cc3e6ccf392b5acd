import Foundation

/// What `create cluster` records about a cluster, in `clusters/NAME/cluster.json`.
struct ClusterState: Codable, Sendable {
  struct NodeState: Codable, Sendable {
    var name: String
    var role: String
    var image: String
    var internalIP: String
    var podCIDR: String?
    var labels: [String: String]
  }

  var name: String
  var createdAt: Date
  var kubernetesVersion: String?
  var ipFamily: String
  var apiServerAddress: String
  var apiServerPort: Int
  var etcdClientPort: Int
  var etcdPeerPort: Int
  var controllerManagerPort: Int
  var serviceSubnet: String
  var podSubnet: String
  var nodes: [NodeState]
  /// kind adds an external load balancer "node" (a haproxy container) for several control planes.
  var externalLoadBalancer: Bool
  /// `listenAddress:hostPort/protocol` of every `extraPortMappings` entry, held while the cluster lives.
  var hostPorts: [String]

  var loadBalancerName: String { "\(name)-external-load-balancer" }

  /// All node names as `kind get nodes` lists them.
  var nodeNames: [String] {
    (nodes.map(\.name) + (externalLoadBalancer ? [loadBalancerName] : [])).sorted()
  }

  /// `https://127.0.0.1:PORT`: the host's endpoint (kind's `GetAPIServerEndpoint`).
  var externalServer: String { "https://" + IPAddress.joinHostPort(apiServerAddress, apiServerPort) }

  /// What containers on the kind network use: the load balancer or first control plane, 6443.
  var internalServer: String {
    let host = externalLoadBalancer ? loadBalancerName : (nodes.first { $0.role == "control-plane" }?.name ?? name)
    return "https://\(host):6443"
  }

  /// The state in a `cluster.json`; nil when it is missing or unreadable.
  static func load(from file: URL) -> ClusterState? {
    guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try? decoder.decode(ClusterState.self, from: data)
  }
}

/// The state directory: `${DOKASECA_KIND_HOME:-~/.cache/dokaseca/kind}/clusters/NAME/`.
struct ClusterStore {
  let root: URL

  init() {
    let environment = ProcessInfo.processInfo.environment
    if let home = environment["DOKASECA_KIND_HOME"], !home.isEmpty {
      root = URL(fileURLWithPath: home)
    } else {
      let home = environment["HOME"] ?? NSHomeDirectory()
      root = URL(fileURLWithPath: home).appendingPathComponent(".cache/dokaseca/kind")
    }
  }

  var clustersDirectory: URL { root.appendingPathComponent("clusters") }
  func directory(_ cluster: String) -> URL { clustersDirectory.appendingPathComponent(cluster) }
  func pkiDirectory(_ cluster: String) -> URL { directory(cluster).appendingPathComponent("pki") }
  func stateFile(_ cluster: String) -> URL { directory(cluster).appendingPathComponent("cluster.json") }
  func logDirectory(_ cluster: String) -> URL { directory(cluster).appendingPathComponent("logs") }
  func pidDirectory(_ cluster: String) -> URL { directory(cluster).appendingPathComponent("pids") }

  /// Cluster names, sorted (kind lists every cluster that has containers, running or not).
  func list() throws -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: clustersDirectory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted()
  }

  func exists(_ cluster: String) -> Bool {
    FileManager.default.fileExists(atPath: directory(cluster).path)
  }

  /// Claims the cluster's directory; false when it is already there (a cluster of that name).
  func claim(_ cluster: String) throws -> Bool {
    try FileManager.default.createDirectory(at: clustersDirectory, withIntermediateDirectories: true)
    if mkdir(directory(cluster).path, 0o700) == 0 { return true }
    if errno == EEXIST { return false }
    throw KindError("failed to create \(directory(cluster).path): \(String(cString: strerror(errno)))")
  }

  func state(_ cluster: String) -> ClusterState? {
    ClusterState.load(from: stateFile(cluster))
  }

  /// The state of a cluster `get kubeconfig` can describe, else kind's error for it.
  func requireState(_ cluster: String) throws -> ClusterState {
    guard let state = state(cluster) else {
      throw KindError(
        "could not locate any control plane nodes for cluster named '\(cluster)'. "
          + "Use the --name option to select a different cluster")
    }
    return state
  }

  func save(_ state: ClusterState) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    encoder.dateEncodingStrategy = .iso8601
    let data = try encoder.encode(state)
    let temporary = stateFile(state.name).appendingPathExtension("tmp")
    try data.write(to: temporary)
    _ = rename(temporary.path, stateFile(state.name).path)
  }

  func nodeNames(cluster: String) -> [String] {
    state(cluster)?.nodeNames ?? []
  }
}
