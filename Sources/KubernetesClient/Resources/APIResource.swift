/// What discovery says about one kind: where its objects live in the API.
public struct APIResource: Sendable, Hashable {
  /// The plural resource name in URLs: `deployments`.
  public var name: String
  public var kind: String
  /// Whether objects live in a namespace (Deployment) or in the cluster (ClusterRole).
  public var namespaced: Bool
  /// The API group, empty for the core group (`v1`).
  public var group: String
  public var version: String

  /// A resource as discovery describes it.
  public init(name: String, kind: String, namespaced: Bool, group: String, version: String) {
    self.name = name
    self.kind = kind
    self.namespaced = namespaced
    self.group = group
    self.version = version
  }

  /// `/api/v1` for the core group, `/apis/apps/v1` for the others.
  var groupVersionPath: String { GroupVersion(group: group, version: version).path }

  /// The URL path of the collection, in `namespace` or across all namespaces when `nil`.
  func collectionPath(namespace: String?) -> String {
    if namespaced, let namespace {
      return "\(groupVersionPath)/namespaces/\(PercentEncoding.escaped(namespace))/\(name)"
    }
    return "\(groupVersionPath)/\(name)"
  }

  /// The URL path of one object. `namespace` is ignored for cluster-scoped kinds and
  /// defaults to "default" for namespaced ones, as with kubectl.
  func objectPath(namespace: String?, name objectName: String) -> String {
    "\(collectionPath(namespace: namespace ?? "default"))/\(PercentEncoding.escaped(objectName))"
  }
}
