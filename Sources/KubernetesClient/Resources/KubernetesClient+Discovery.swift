extension KubernetesClient {
  /// Where objects of `kind` in `apiVersion` live: their plural name and whether they are
  /// namespaced. Answers from a cache; a kind the cache lacks is looked up again once, so a CRD
  /// applied a moment ago is found. Throws `.unknownKind` when the server has no such kind.
  public func resource(apiVersion: String, kind: String) async throws(KubernetesError) -> APIResource {
    let groupVersion = try GroupVersion(apiVersion: apiVersion)
    if let resource = discovery.resources(of: groupVersion)?[kind] { return resource }
    guard let resources = try await fetchResources(of: groupVersion) else {
      throw .unknownKind(apiVersion: apiVersion, kind: kind)
    }
    discovery.store(resources, for: groupVersion)
    guard let resource = resources[kind] else { throw .unknownKind(apiVersion: apiVersion, kind: kind) }
    return resource
  }

  /// The group version's resources by kind, `nil` when the server does not serve it.
  private func fetchResources(of groupVersion: GroupVersion) async throws(KubernetesError) -> [String: APIResource]? {
    let response = try await send(KubernetesRequest(.GET, groupVersion.path))
    if response.status == 404 { return nil }
    guard response.isSuccess else { throw KubernetesError(response: response) }
    var resources: [String: APIResource] = [:]
    for entry in try response.json()["resources"].arrayValue ?? [] {
      // Subresources (`deployments/status`, `pods/log`) share their parent's kind.
      guard let name = entry["name"].stringValue, !name.contains("/"), let kind = entry["kind"].stringValue else {
        continue
      }
      resources[kind] = APIResource(
        name: name, kind: kind, namespaced: entry["namespaced"].boolValue ?? false, group: groupVersion.group,
        version: groupVersion.version)
    }
    return resources
  }
}
