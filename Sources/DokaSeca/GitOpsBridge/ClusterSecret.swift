import Foundation
public import KubernetesClient

/// The ArgoCD cluster Secret exactly as the GitOps Bridge writes it: the one object that tells
/// ArgoCD about a cluster, with addon flags as labels and repository metadata as annotations.
///
/// ApplicationSets select clusters by these labels (`enable_kyverno: "true"`) and template their
/// sources from these annotations, so changing an addon only relabels this Secret.
public struct ClusterSecret: Sendable, Hashable {
  /// The label that makes ArgoCD read a Secret as a cluster.
  public static let secretTypeLabel = "argocd.argoproj.io/secret-type"
  /// The server of the cluster ArgoCD runs in.
  public static let inClusterServer = "https://kubernetes.default.svc"

  public var name: String
  public var namespace: String
  public var environment: String?
  public var server: String
  public var credentials: ClusterCredentials
  public var extraLabels: [String: String]
  public var extraAnnotations: [String: String]
  public var repositories: [GitOpsRepository]
  /// Whether ArgoCD runs in this cluster: a hub says `enable_argocd: "true"`, a spoke that a
  /// hub's ArgoCD manages does not.
  public var runsArgoCD: Bool

  public init(
    name: String, namespace: String, environment: String? = nil, server: String = ClusterSecret.inClusterServer,
    credentials: ClusterCredentials = ClusterCredentials(), extraLabels: [String: String] = [:],
    extraAnnotations: [String: String] = [:], repositories: [GitOpsRepository] = [], runsArgoCD: Bool = true
  ) {
    self.name = name
    self.namespace = namespace
    self.environment = environment
    self.server = server
    self.credentials = credentials
    self.extraLabels = extraLabels
    self.extraAnnotations = extraAnnotations
    self.repositories = repositories
    self.runsArgoCD = runsArgoCD
  }

  /// The labels the bridge itself sets; `extraLabels` may not change them.
  public var bridgeLabels: [String: String] {
    var labels = [Self.secretTypeLabel: "cluster", "cluster_name": name]
    if let environment { labels["environment"] = environment }
    return labels
  }

  /// The annotations the bridge itself sets; `extraAnnotations` may not change them.
  public var bridgeAnnotations: [String: String] {
    var annotations = ["cluster_name": name]
    if let environment { annotations["environment"] = environment }
    for repository in repositories { annotations.merge(repository.annotations) { $1 } }
    return annotations
  }

  /// Every label: `enable_argocd: "true"` where ArgoCD runs, the extra labels (addon flags),
  /// then the bridge's own.
  public var labels: [String: String] {
    (runsArgoCD ? ["enable_argocd": "true"] : [:]).merging(extraLabels) { $1 }.merging(bridgeLabels) { $1 }
  }

  /// Every annotation: the extra ones, then the bridge's own.
  public var annotations: [String: String] {
    extraAnnotations.merging(bridgeAnnotations) { $1 }
  }

  /// Extra labels and annotations that try to change what the bridge sets, as
  /// (`"labels"` or `"annotations"`, key).
  public var reservedKeyConflicts: [(attribute: String, key: String)] {
    func conflicts(_ extra: [String: String], _ own: [String: String]) -> [String] {
      extra.filter { key, value in own[key].map { $0 != value } ?? false }.keys.sorted()
    }
    return conflicts(extraLabels, bridgeLabels).map { ("labels", $0) }
      + conflicts(extraAnnotations, bridgeAnnotations).map { ("annotations", $0) }
  }

  /// ArgoCD's `config` field: TLS settings and credentials, as JSON text with sorted keys so
  /// that equal inputs always give equal Secrets.
  public var config: String {
    var tls: JSON = ["insecure": false]
    if let ca = credentials.certificateAuthorityPEM { tls["caData"] = .string(Self.base64(ca)) }
    if let certificate = credentials.clientCertificatePEM { tls["certData"] = .string(Self.base64(certificate)) }
    if let key = credentials.clientKeyPEM { tls["keyData"] = .string(Self.base64(key)) }
    var config: JSON = ["tlsClientConfig": tls]
    if let token = credentials.bearerToken { config["bearerToken"] = .string(token) }
    return config.jsonText
  }

  /// The Secret's `data`, decoded: `name`, `server`, `config`.
  public var data: [String: String] { ["name": name, "server": server, "config": config] }

  /// Where the Secret is.
  public var reference: ObjectReference {
    ObjectReference(apiVersion: "v1", kind: "Secret", namespace: namespace, name: name)
  }

  /// The Secret to apply.
  public var object: JSON {
    var secret: JSON = ["apiVersion": "v1", "kind": "Secret", "type": "Opaque"]
    secret["metadata"] = [
      "name": .string(name), "namespace": .string(namespace),
      "labels": .object(labels.mapValues { .string($0) }),
      "annotations": .object(annotations.mapValues { .string($0) }),
    ]
    secret["data"] = .object(data.mapValues { .string(Self.base64($0)) })
    return secret
  }

  /// A Secret's `data`, decoded from base64; entries that are not base64 UTF-8 are left out.
  public static func decodedData(of secret: JSON) -> [String: String] {
    var data: [String: String] = [:]
    for (key, value) in secret["data"].objectValue ?? [:] {
      if let encoded = value.stringValue, let bytes = Data(base64Encoded: encoded),
        let text = String(data: bytes, encoding: .utf8)
      {
        data[key] = text
      }
    }
    return data
  }

  private static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
}
