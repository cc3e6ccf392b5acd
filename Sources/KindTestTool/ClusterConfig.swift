import Foundation
import Yams

/// kind's `kind.x-k8s.io/v1alpha4` `Cluster` config, decoded strictly (unknown fields are
/// errors, as kind's `yaml.v3` decoder with `KnownFields(true)`), defaulted and validated as
/// `pkg/internal/apis/config` does. JSON is YAML, so a JSON config reads the same.
struct ClusterConfig: Sendable {
  static let defaultImage = "kindest/node:v1.20.2"

  var name = ""
  var nodes: [NodeConfig] = []
  var networking = Networking()
  var featureGates: [(String, Bool)] = []
  var runtimeConfig: [(String, String)] = []

  struct NodeConfig: Sendable {
    var role = ""
    var image = ""
    var labels: [(String, String)] = []
    var extraPortMappings: [PortMapping] = []
  }

  struct PortMapping: Sendable {
    var containerPort = 0
    var hostPort = 0
    var listenAddress = ""
    var `protocol` = ""
  }

  struct Networking: Sendable {
    var ipFamily = ""
    var apiServerPort = 0
    var apiServerAddress = ""
    var podSubnet = ""
    var serviceSubnet = ""
    var disableDefaultCNI = false
    var kubeProxyMode = ""
  }

  // MARK: Loading

  /// kind's `encoding.Load`: `-` reads stdin, nil gives the default config.
  static func load(path: String?) throws -> ClusterConfig {
    guard let path, !path.isEmpty else {
      var config = ClusterConfig()
      config.setDefaults()
      return config
    }
    let text: String
    if path == "-" {
      text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
    } else {
      guard let data = FileManager.default.contents(atPath: path) else {
        throw KindError("error reading file: open \(path): no such file or directory")
      }
      text = String(decoding: data, as: UTF8.self)
    }
    return try parse(text)
  }

  static func parse(_ text: String) throws -> ClusterConfig {
    let root: Node?
    do {
      root = try Yams.compose(yaml: text)
    } catch {
      throw KindError("could not determine kind / apiVersion for config: yaml: \(error)")
    }
    let mapping = root?.mapping
    if root != nil, mapping == nil, root?.scalar?.string.isEmpty == false {
      throw KindError(
        "could not determine kind / apiVersion for config: yaml: unmarshal errors:\n  line 1: cannot unmarshal into a mapping"
      )
    }
    let apiVersion = mapping?["apiVersion"]?.scalar?.string ?? ""
    let kind = mapping?["kind"]?.scalar?.string ?? ""
    guard apiVersion == "kind.x-k8s.io/v1alpha4" else {
      throw KindError("unknown apiVersion: \(apiVersion)")
    }
    guard kind == "Cluster" else {
      throw KindError("unknown kind \(kind) for apiVersion: \(apiVersion)")
    }
    var decoder = StrictDecoder()
    var config = ClusterConfig()
    decoder.decodeCluster(mapping!, into: &config)
    if !decoder.problems.isEmpty {
      throw KindError(
        "unable to decode config: yaml: unmarshal errors:\n"
          + decoder.problems.map { "  " + $0 }.joined(separator: "\n"))
    }
    config.setDefaults()
    return config
  }

  // MARK: Defaults and validation

  /// `v1alpha4.SetDefaultsCluster`.
  mutating func setDefaults() {
    if nodes.isEmpty { nodes = [NodeConfig(role: "control-plane", image: Self.defaultImage)] }
    for index in nodes.indices {
      if nodes[index].image.isEmpty { nodes[index].image = Self.defaultImage }
      if nodes[index].role.isEmpty { nodes[index].role = "control-plane" }
    }
    if networking.ipFamily.isEmpty { networking.ipFamily = "ipv4" }
    if networking.apiServerAddress.isEmpty {
      networking.apiServerAddress = networking.ipFamily == "ipv6" ? "::1" : "127.0.0.1"
    }
    if networking.podSubnet.isEmpty {
      switch networking.ipFamily {
      case "ipv6": networking.podSubnet = "fd00:10:244::/56"
      case "dual": networking.podSubnet = "10.244.0.0/16,fd00:10:244::/56"
      default: networking.podSubnet = "10.244.0.0/16"
      }
    }
    if networking.serviceSubnet.isEmpty {
      switch networking.ipFamily {
      case "ipv6": networking.serviceSubnet = "fd00:10:96::/112"
      case "dual": networking.serviceSubnet = "10.96.0.0/16,fd00:10:96::/112"
      default: networking.serviceSubnet = "10.96.0.0/16"
      }
    }
    if networking.kubeProxyMode.isEmpty { networking.kubeProxyMode = "iptables" }
  }

  /// `config.Cluster.Validate`: every problem, aggregated as Kubernetes' `NewAggregate` prints.
  func validate() throws {
    var errors: [String] = []
    if name.range(of: "^[a-z0-9.-]+$", options: .regularExpression) == nil {
      errors.append("'\(name)' is not a valid cluster name, cluster names must match `^[a-z0-9.-]+$`")
    }
    if networking.apiServerPort != 0, let problem = Self.portProblem(networking.apiServerPort) {
      errors.append("invalid apiServerPort: \(problem)")
    }
    if !["ipv4", "ipv6", "dual"].contains(networking.ipFamily) {
      errors.append("invalid ipFamily: \(networking.ipFamily)")
    }
    if let problem = Self.subnetProblem(networking.podSubnet, family: networking.ipFamily) {
      errors.append("invalid pod subnet \(problem)")
    }
    if let problem = Self.subnetProblem(networking.serviceSubnet, family: networking.ipFamily) {
      errors.append("invalid service subnet \(problem)")
    }
    if !["iptables", "ipvs", "none", "nftables"].contains(networking.kubeProxyMode) {
      errors.append("invalid kubeProxyMode: \(networking.kubeProxyMode)")
    }
    for (index, node) in nodes.enumerated() {
      var nodeErrors: [String] = []
      if node.role != "control-plane" && node.role != "worker" {
        nodeErrors.append("\"\(node.role)\" is not a valid node role")
      }
      for mapping in node.extraPortMappings {
        if let problem = Self.portProblem(mapping.hostPort) { nodeErrors.append("invalid hostPort: \(problem)") }
        if let problem = Self.portProblem(mapping.containerPort) {
          nodeErrors.append("invalid containerPort: \(problem)")
        }
      }
      if let problem = Self.duplicatePortMapping(node.extraPortMappings) {
        nodeErrors.append("invalid portMapping: \(problem)")
      }
      if !nodeErrors.isEmpty {
        errors.append("invalid configuration for node \(index): \(Self.aggregate(nodeErrors))")
      }
    }
    if !nodes.contains(where: { $0.role == "control-plane" }) {
      errors.append("must have at least one control-plane node")
    }
    if !errors.isEmpty { throw KindError(Self.aggregate(errors)) }
  }

  static func aggregate(_ errors: [String]) -> String {
    errors.count == 1 ? errors[0] : "[" + errors.joined(separator: ", ") + "]"
  }

  static func portProblem(_ port: Int) -> String? {
    port < -1 || port > 65535 ? "invalid port number: \(port)" : nil
  }

  static func subnetProblem(_ subnets: String, family: String) -> String? {
    let parts = subnets.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
    for part in parts where CIDR(part) == nil {
      return "invalid CIDR address: \(part)"
    }
    if family == "dual" && parts.count != 2 {
      return "expected two subnets for dual-stack, got \(parts.count)"
    }
    if family != "dual" && parts.count != 1 {
      return "expected one subnet, got \(parts.count)"
    }
    return nil
  }

  static func duplicatePortMapping(_ mappings: [PortMapping]) -> String? {
    var seen: [String: Set<String>] = [:]
    for mapping in mappings where mapping.hostPort != 0 && mapping.hostPort != -1 {
      var address = mapping.listenAddress.isEmpty ? "0.0.0.0" : mapping.listenAddress
      if address == "::" { address = "0.0.0.0" }
      let key = "\(mapping.hostPort)/\(mapping.protocol.isEmpty ? "TCP" : mapping.protocol)"
      let message = "port mapping with same listen address, port and protocol already configured: \(address):\(key)"
      if let addresses = seen[key] {
        if address == "0.0.0.0" && !addresses.isEmpty { return message }
        if addresses.contains(address) || addresses.contains("0.0.0.0") { return message }
      }
      seen[key, default: []].insert(address)
    }
    return nil
  }
}

/// Decodes the config tree field by field, collecting `yaml.v3`-style unmarshal errors.
private struct StrictDecoder {
  var problems: [String] = []

  private func line(_ node: Node) -> Int { (node.mark?.line ?? 0) }

  mutating func unknown(_ key: Node, in type: String) {
    problems.append("line \(line(key)): field \(key.scalar?.string ?? "?") not found in type v1alpha4.\(type)")
  }

  mutating func string(_ node: Node) -> String {
    if let scalar = node.scalar {
      return node.null != nil ? "" : scalar.string
    }
    problems.append("line \(line(node)): cannot unmarshal \(Self.tagName(node)) into string")
    return ""
  }

  mutating func int(_ node: Node) -> Int {
    if let value = node.int { return value }
    problems.append(
      "line \(line(node)): cannot unmarshal \(Self.tagName(node)) `\(node.scalar?.string ?? "")` into int32")
    return 0
  }

  mutating func bool(_ node: Node) -> Bool {
    if let value = node.bool { return value }
    problems.append(
      "line \(line(node)): cannot unmarshal \(Self.tagName(node)) `\(node.scalar?.string ?? "")` into bool")
    return false
  }

  mutating func mapping(_ node: Node, _ type: String) -> Node.Mapping? {
    if let mapping = node.mapping { return mapping }
    if node.null != nil { return nil }
    problems.append("line \(line(node)): cannot unmarshal \(Self.tagName(node)) into \(type)")
    return nil
  }

  mutating func sequence(_ node: Node, _ type: String) -> Node.Sequence? {
    if let sequence = node.sequence { return sequence }
    if node.null != nil { return nil }
    problems.append("line \(line(node)): cannot unmarshal \(Self.tagName(node)) into \(type)")
    return nil
  }

  static func tagName(_ node: Node) -> String {
    switch node {
    case .mapping: return "!!map"
    case .sequence: return "!!seq"
    case .alias: return "!!alias"
    case .scalar:
      let tag = node.tag.rawValue
      return tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
    }
  }

  mutating func decodeCluster(_ fields: Node.Mapping, into config: inout ClusterConfig) {
    for (key, value) in fields {
      switch key.scalar?.string ?? "" {
      case "kind", "apiVersion": break
      case "name": config.name = string(value)
      case "nodes":
        for item in sequence(value, "[]v1alpha4.Node") ?? [] {
          var node = ClusterConfig.NodeConfig()
          if let nodeMapping = mapping(item, "v1alpha4.Node") { decodeNode(nodeMapping, into: &node) }
          config.nodes.append(node)
        }
      case "networking":
        if let networking = mapping(value, "v1alpha4.Networking") { decodeNetworking(networking, into: &config) }
      case "featureGates":
        for (gate, enabled) in mapping(value, "map[string]bool") ?? [:] {
          config.featureGates.append((string(gate), bool(enabled)))
        }
      case "runtimeConfig":
        for (group, setting) in mapping(value, "map[string]string") ?? [:] {
          config.runtimeConfig.append((string(group), string(setting)))
        }
      case "kubeadmConfigPatches", "containerdConfigPatches", "containerdConfigPatchesJSON6902":
        for item in sequence(value, "[]string") ?? [] { _ = string(item) }
      case "kubeadmConfigPatchesJSON6902":
        decodePatches(value)
      default: unknown(key, in: "Cluster")
      }
    }
  }

  mutating func decodePatches(_ value: Node) {
    for item in sequence(value, "[]v1alpha4.PatchJSON6902") ?? [] {
      for (key, field) in mapping(item, "v1alpha4.PatchJSON6902") ?? [:] {
        switch key.scalar?.string ?? "" {
        case "group", "version", "kind", "patch": _ = string(field)
        default: unknown(key, in: "PatchJSON6902")
        }
      }
    }
  }

  mutating func decodeNode(_ fields: Node.Mapping, into node: inout ClusterConfig.NodeConfig) {
    for (key, value) in fields {
      switch key.scalar?.string ?? "" {
      case "role": node.role = string(value)
      case "image": node.image = string(value)
      case "labels":
        for (label, labelValue) in mapping(value, "map[string]string") ?? [:] {
          node.labels.append((string(label), string(labelValue)))
        }
      case "extraPortMappings":
        for item in sequence(value, "[]v1alpha4.PortMapping") ?? [] {
          var port = ClusterConfig.PortMapping()
          for (field, fieldValue) in mapping(item, "v1alpha4.PortMapping") ?? [:] {
            switch field.scalar?.string ?? "" {
            case "containerPort": port.containerPort = int(fieldValue)
            case "hostPort": port.hostPort = int(fieldValue)
            case "listenAddress": port.listenAddress = string(fieldValue)
            case "protocol": port.protocol = string(fieldValue)
            default: unknown(field, in: "PortMapping")
            }
          }
          node.extraPortMappings.append(port)
        }
      case "extraMounts":
        for item in sequence(value, "[]v1alpha4.Mount") ?? [] {
          for (field, fieldValue) in mapping(item, "v1alpha4.Mount") ?? [:] {
            switch field.scalar?.string ?? "" {
            case "containerPath", "hostPath", "propagation": _ = string(fieldValue)
            case "readOnly", "selinuxRelabel": _ = bool(fieldValue)
            default: unknown(field, in: "Mount")
            }
          }
        }
      case "kubeadmConfigPatches":
        for item in sequence(value, "[]string") ?? [] { _ = string(item) }
      case "kubeadmConfigPatchesJSON6902":
        decodePatches(value)
      default: unknown(key, in: "Node")
      }
    }
  }

  mutating func decodeNetworking(_ fields: Node.Mapping, into config: inout ClusterConfig) {
    for (key, value) in fields {
      switch key.scalar?.string ?? "" {
      case "ipFamily": config.networking.ipFamily = string(value)
      case "apiServerPort": config.networking.apiServerPort = int(value)
      case "apiServerAddress": config.networking.apiServerAddress = string(value)
      case "podSubnet": config.networking.podSubnet = string(value)
      case "serviceSubnet": config.networking.serviceSubnet = string(value)
      case "disableDefaultCNI": config.networking.disableDefaultCNI = bool(value)
      case "kubeProxyMode": config.networking.kubeProxyMode = string(value)
      case "dnsSearch":
        for item in sequence(value, "[]string") ?? [] { _ = string(item) }
      default: unknown(key, in: "Networking")
      }
    }
  }
}

/// An IPv4 or IPv6 network in CIDR notation.
struct CIDR: Sendable {
  var address: [UInt8]
  var prefix: Int

  init?(_ text: String) {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.count == 2, let prefix = Int(parts[1]), let address = IPAddress.parse(String(parts[0])) else {
      return nil
    }
    guard prefix >= 0, prefix <= address.count * 8 else { return nil }
    self.address = address
    self.prefix = prefix
  }

  var isIPv4: Bool { address.count == 4 }

  /// The address `offset` past the network address (`10.96.0.0/16` + 1 = `10.96.0.1`).
  func address(plus offset: Int) -> [UInt8] {
    var bytes = address
    var carry = offset
    var index = bytes.count - 1
    while carry > 0 && index >= 0 {
      let sum = Int(bytes[index]) + (carry & 0xff)
      bytes[index] = UInt8(sum & 0xff)
      carry = (carry >> 8) + (sum >> 8)
      index -= 1
    }
    return bytes
  }
}

enum IPAddress {
  static func parse(_ text: String) -> [UInt8]? {
    var v4 = in_addr()
    if inet_pton(AF_INET, text, &v4) == 1 {
      return withUnsafeBytes(of: &v4) { Array($0) }
    }
    var v6 = in6_addr()
    if inet_pton(AF_INET6, text, &v6) == 1 {
      return withUnsafeBytes(of: &v6) { Array($0) }
    }
    return nil
  }

  static func format(_ bytes: [UInt8]) -> String {
    var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
    let family = bytes.count == 4 ? AF_INET : AF_INET6
    _ = bytes.withUnsafeBytes { raw in
      inet_ntop(family, raw.baseAddress, &buffer, socklen_t(buffer.count))
    }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// `host:port` with IPv6 literals bracketed, as Go's `net.JoinHostPort`.
  static func joinHostPort(_ host: String, _ port: Int) -> String {
    host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
  }
}
