import DokaSeca
import KubernetesClient

/// What the cluster holds of one bridge, compared with what the bridge wants: the drift that a
/// refresh puts into state and the next plan repairs.
struct LiveBridgeObjects: Sendable {
  static let inSync = "in sync"
  static let drifted = "drifted"
  static let missing = "missing"

  /// The Secret's labels and annotations among the keys the bridge manages; `nil` when the
  /// Secret is gone. Keys other managers added are left out: the bridge would not remove them,
  /// so showing them would be a diff that no apply can settle.
  var secretLabels: [String: String]?
  var secretAnnotations: [String: String]?
  /// `in sync`, `drifted` (its data differ) or `missing`.
  var secretStatus: String
  /// Bootstrap object name to `in sync`, `drifted` or `missing`.
  var bootstrapStatus: [String: String]
  /// The tag of the running argocd-server image; `nil` when there is none.
  var argoCDVersion: String?

  /// Reads the Secret, the bootstrap objects and the argocd-server Deployment; one GET each.
  static func read(_ arguments: GitOpsBridgeArguments, client: KubernetesClient) async throws -> LiveBridgeObjects {
    let secret = arguments.secret
    let live = try await client.get(secret.reference)
    var observed = LiveBridgeObjects(secretStatus: missing, bootstrapStatus: [:])
    if let live {
      observed.secretLabels = managed(live["metadata"]["labels"], keys: secret.labels.keys)
      observed.secretAnnotations = managed(live["metadata"]["annotations"], keys: secret.annotations.keys)
      observed.secretStatus = ClusterSecret.decodedData(of: live) == secret.data ? inSync : drifted
    }
    for object in arguments.bootstrapObjects {
      let name = object["metadata"]["name"].stringValue ?? ""
      guard let live = try await client.get(ObjectReference(from: object)) else {
        observed.bootstrapStatus[name] = missing
        continue
      }
      observed.bootstrapStatus[name] = object.isContained(in: live) ? inSync : drifted
    }
    observed.argoCDVersion = try await runningArgoCDVersion(namespace: arguments.namespace, client: client)
    return observed
  }

  /// The version of the ArgoCD running in `namespace`, `nil` when there is none; one GET.
  static func runningArgoCDVersion(namespace: String, client: KubernetesClient) async throws -> String? {
    let server = try await client.get(
      ObjectReference(
        apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: ArgoCDManifest.serverDeployment))
    return server.flatMap(ArgoCDManifest.version(ofServer:))
  }

  private static func managed(_ members: JSON, keys: Dictionary<String, String>.Keys) -> [String: String] {
    var result: [String: String] = [:]
    for key in keys { if let value = members[key].stringValue { result[key] = value } }
    return result
  }
}
