/// Names one Kubernetes object: `apps/v1` `Deployment` `argocd/argocd-server`.
public struct ObjectReference: Sendable, Hashable, CustomStringConvertible {
  public var apiVersion: String
  public var kind: String
  /// `nil` for cluster-scoped kinds, and for namespaced ones meaning "default".
  public var namespace: String?
  public var name: String

  /// A reference from its parts: `ObjectReference(apiVersion: "v1", kind: "Secret", namespace: "argocd", name: "x")`.
  public init(apiVersion: String, kind: String, namespace: String? = nil, name: String) {
    self.apiVersion = apiVersion
    self.kind = kind
    self.namespace = namespace
    self.name = name
  }

  /// The reference to `object` from its `apiVersion`, `kind` and `metadata`. Missing fields
  /// read as empty strings, which the server then rejects by name.
  public init(from object: JSON) {
    let namespace = object["metadata"]["namespace"].stringValue
    self.init(
      apiVersion: object["apiVersion"].stringValue ?? "",
      kind: object["kind"].stringValue ?? "",
      namespace: namespace?.isEmpty == true ? nil : namespace,
      name: object["metadata"]["name"].stringValue ?? "")
  }

  /// `Deployment argocd/argocd-server (apps/v1)`.
  public var description: String {
    "\(kind) \(namespace.map { "\($0)/" } ?? "")\(name) (\(apiVersion))"
  }
}
