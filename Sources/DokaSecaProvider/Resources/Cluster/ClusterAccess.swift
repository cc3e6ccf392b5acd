import Kind
import KubernetesClient
import TerraformValues

/// How to reach a created cluster, read from `kind get kubeconfig` (with and without
/// `--internal`): the attributes other resources connect with.
struct ClusterAccess: Sendable {
  var kubeconfig: String
  var connection: KubernetesConnection
  var internalEndpoint: String
  var context: String

  static func read(_ kind: KindCLI, name: String) async throws -> ClusterAccess {
    let kubeconfig = try await kind.kubeconfig(name: name, internal: false)
    let internalKubeconfig = try await kind.kubeconfig(name: name, internal: true)
    return ClusterAccess(
      kubeconfig: kubeconfig,
      connection: try KubernetesConnection(kubeconfig: kubeconfig),
      internalEndpoint: try KubernetesConnection(kubeconfig: internalKubeconfig).endpoint,
      context: "kind-\(name)")
  }

  /// The computed attributes that come from the kubeconfig.
  var attributes: [String: Value] {
    let certificateAuthority = Value.optionalString(connection.certificateAuthorityPEM)
    let clientCertificate = Value.optionalString(connection.clientCertificatePEM)
    let clientKey = Value.optionalString(connection.clientKeyPEM)
    return [
      "kubeconfig": .string(kubeconfig),
      "endpoint": .string(connection.endpoint),
      "endpoint_internal": .string(internalEndpoint),
      "cluster_ca_certificate": certificateAuthority,
      "client_certificate": clientCertificate,
      "client_key": clientKey,
      "context": .string(context),
      "connection": .object([
        "endpoint": .string(connection.endpoint), "cluster_ca_certificate": certificateAuthority,
        "client_certificate": clientCertificate, "client_key": clientKey,
      ]),
    ]
  }
}
