import Foundation
import Kind
import TerraformValues

/// The metadata of a cluster that the GitOps Bridge publishes on its ArgoCD cluster Secret,
/// computed from the arguments alone so that the plan already shows it.
struct ClusterMetadata: Sendable {
  var arguments: ClusterArguments

  /// An sslip.io domain resolving to the address ports 80/443 are mapped on, so ingresses get
  /// host names without DNS setup; `nil` without such a mapping.
  var ingressDomain: String? {
    let ingressMappings = arguments.configuration.nodes.flatMap(\.portMappings).filter {
      [80, 443].contains($0.containerPort) && $0.hostPort != nil
    }
    guard let mapping = ingressMappings.first else { return nil }
    let address = mapping.listenAddress.flatMap { $0 == "0.0.0.0" || $0.isEmpty ? nil : $0 } ?? "127.0.0.1"
    return address.replacingOccurrences(of: ".", with: "-").replacingOccurrences(of: ":", with: "-") + ".sslip.io"
  }

  var value: Value {
    let nodes = arguments.configuration.nodes
    let networking = arguments.configuration.networking
    return .object([
      "cluster_name": .string(arguments.name),
      "environment": .optionalString(arguments.environment),
      "cluster_type": .optionalString(arguments.clusterType),
      "region": .optionalString(arguments.region),
      "kubernetes_version": .optionalString(arguments.kubernetesVersion),
      "distro": "kind",
      "control_plane_nodes": .number(Number(nodes.filter { $0.role == .controlPlane }.count)),
      "worker_nodes": .number(Number(nodes.filter { $0.role == .worker }.count)),
      "pod_subnet": .string(networking.podSubnet ?? KindNetworking.defaultPodSubnet),
      "service_subnet": .string(networking.serviceSubnet ?? KindNetworking.defaultServiceSubnet),
      "ingress_domain": .optionalString(ingressDomain),
    ])
  }
}
