extension KubernetesClient {
  /// Objects per page of a list: large lists come in several answers rather than one huge one.
  private static let listPageSize = 500

  /// The object, or `nil` when it does not exist. A namespaced reference without a namespace
  /// means "default".
  public func get(_ reference: ObjectReference) async throws(KubernetesError) -> JSON? {
    let resource = try await resource(apiVersion: reference.apiVersion, kind: reference.kind)
    let response = try await send(
      KubernetesRequest(.GET, resource.objectPath(namespace: reference.namespace, name: reference.name)))
    if response.status == 404 { return nil }
    guard response.isSuccess else { throw KubernetesError(response: response) }
    return try response.json()
  }

  /// The objects of a kind, in `namespace` (every namespace when `nil`), matching
  /// `labelSelector` (`app.kubernetes.io/part-of=argocd,tier!=cache`) when given. Each item
  /// carries `apiVersion` and `kind`, which list answers leave out, so that
  /// `ObjectReference(from:)` works on it.
  public func list(apiVersion: String, kind: String, namespace: String? = nil, labelSelector: String? = nil)
    async throws(KubernetesError) -> [JSON]
  {
    let resource = try await resource(apiVersion: apiVersion, kind: kind)
    let path = resource.collectionPath(namespace: namespace)
    var items: [JSON] = []
    var continueToken: String?
    repeat {
      var query: [(name: String, value: String)] = [("limit", String(Self.listPageSize))]
      if let labelSelector, !labelSelector.isEmpty { query.append(("labelSelector", labelSelector)) }
      if let continueToken { query.append(("continue", continueToken)) }
      let response = try await send(KubernetesRequest(.GET, path, query: query))
      guard response.isSuccess else { throw KubernetesError(response: response) }
      let page = try response.json()
      for var item in page["items"].arrayValue ?? [] {
        item["apiVersion"] = .string(apiVersion)
        item["kind"] = .string(kind)
        items.append(item)
      }
      continueToken = page["metadata"]["continue"].stringValue.flatMap { $0.isEmpty ? nil : $0 }
    } while continueToken != nil
    return items
  }
}
