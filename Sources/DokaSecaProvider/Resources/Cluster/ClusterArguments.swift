import Kind
import TerraformProviderFramework
import TerraformValues

/// The arguments of `dokaseca_cluster` once they are all known, as Swift values.
struct ClusterArguments: Sendable {
  var name: String
  var kubernetesVersion: String?
  var environment: String?
  var clusterType: String?
  var region: String?
  /// The image of nodes without one of their own, after defaulting.
  var nodeImage: String?
  var kubeconfigPath: String?
  var waitForReady: Bool
  var createTimeout: Duration
  var deleteTimeout: Duration
  var configuration: KindClusterConfiguration

  static let defaultCreateTimeout = Duration.seconds(600)
  static let defaultDeleteTimeout = Duration.seconds(300)

  /// Reads a configuration (which holds no computed values); `nil` while any argument is unknown.
  init?(config object: Value) {
    guard object.isWhollyKnown, let name = object[attribute: "name"].stringValue else { return nil }
    self.name = name
    kubernetesVersion = object[attribute: "kubernetes_version"].stringValue
    environment = object[attribute: "environment"].stringValue
    clusterType = object[attribute: "cluster_type"].stringValue
    region = object[attribute: "region"].stringValue
    nodeImage =
      object[attribute: "node_image"].stringValue
      ?? kubernetesVersion.map { Self.defaultImage(forKubernetesVersion: $0) }
    kubeconfigPath = object[attribute: "kubeconfig_path"].stringValue
    waitForReady = object[attribute: "wait_for_ready"].boolValue ?? true
    let timeouts = object[attribute: "timeouts"]
    createTimeout = timeouts[attribute: "create"].stringValue.flatMap(GoDuration.parse) ?? Self.defaultCreateTimeout
    deleteTimeout = timeouts[attribute: "delete"].stringValue.flatMap(GoDuration.parse) ?? Self.defaultDeleteTimeout
    let nodes = (object[attribute: "nodes"].elements ?? []).map(Self.node)
    let networking = object[attribute: "networking"]
    configuration = KindClusterConfiguration(
      name: name,
      nodes: nodes.isEmpty ? [KindNode(role: .controlPlane)] : nodes,
      networking: KindNetworking(
        apiServerAddress: networking[attribute: "api_server_address"].stringValue,
        apiServerPort: networking[attribute: "api_server_port"].numberValue?.intValue,
        podSubnet: networking[attribute: "pod_subnet"].stringValue,
        serviceSubnet: networking[attribute: "service_subnet"].stringValue,
        disableDefaultCNI: networking[attribute: "disable_default_cni"].boolValue,
        kubeProxyMode: networking[attribute: "kube_proxy_mode"].stringValue,
        ipFamily: networking[attribute: "ip_family"].stringValue,
        dnsSearch: networking[attribute: "dns_search"].elements?.compactMap(\.stringValue)),
      featureGates: object[attribute: "feature_gates"].mapElements?.compactMapValues(\.boolValue) ?? [:],
      runtimeConfig: object[attribute: "runtime_config"].stringMap ?? [:],
      containerdConfigPatches: object[attribute: "containerd_config_patches"].elements?.compactMap(\.stringValue) ?? [],
      registryMirrors: object[attribute: "registry_mirrors"].stringMap ?? [:])
    if let nodeImage {
      for index in configuration.nodes.indices where configuration.nodes[index].image == nil {
        configuration.nodes[index].image = nodeImage
      }
    }
  }

  /// Kind publishes one node image per Kubernetes release under this name.
  static func defaultImage(forKubernetesVersion version: String) -> String {
    "kindest/node:" + (version.hasPrefix("v") ? version : "v" + version)
  }

  private static func node(_ value: Value) -> KindNode {
    KindNode(
      role: KindNode.Role(rawValue: value[attribute: "role"].stringValue ?? "") ?? .worker,
      image: value[attribute: "image"].stringValue,
      labels: value[attribute: "labels"].stringMap ?? [:],
      taints: (value[attribute: "taints"].elements ?? []).map {
        KindTaint(
          key: $0[attribute: "key"].stringValue ?? "", value: $0[attribute: "value"].stringValue,
          effect: $0[attribute: "effect"].stringValue ?? "NoSchedule")
      },
      portMappings: (value[attribute: "port_mappings"].elements ?? []).map {
        KindPortMapping(
          containerPort: $0[attribute: "container_port"].numberValue?.intValue ?? 0,
          hostPort: $0[attribute: "host_port"].numberValue?.intValue,
          listenAddress: $0[attribute: "listen_address"].stringValue,
          protocol: $0[attribute: "protocol"].stringValue)
      },
      mounts: (value[attribute: "mounts"].elements ?? []).map {
        KindMount(
          hostPath: $0[attribute: "host_path"].stringValue ?? "",
          containerPath: $0[attribute: "container_path"].stringValue ?? "",
          readOnly: $0[attribute: "read_only"].boolValue, propagation: $0[attribute: "propagation"].stringValue,
          selinuxRelabel: $0[attribute: "selinux_relabel"].boolValue)
      },
      kubeadmConfigPatches: value[attribute: "kubeadm_config_patches"].elements?.compactMap(\.stringValue) ?? [])
  }

  /// The names Kind gives the nodes: `<name>-control-plane`, `<name>-control-plane2`, …,
  /// `<name>-worker`, `<name>-worker2`, …, counted per role in configuration order.
  var nodeNames: [String] {
    var counts: [KindNode.Role: Int] = [:]
    return configuration.nodes.map { node in
      let count = (counts[node.role] ?? 0) + 1
      counts[node.role] = count
      return "\(name)-\(node.role.rawValue)\(count == 1 ? "" : String(count))"
    }
  }
}
