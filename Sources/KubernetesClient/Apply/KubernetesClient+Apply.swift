extension KubernetesClient {
  /// Server-side apply: creates the object or updates the fields `fieldManager` owns, and
  /// returns the object as stored. Applying the same object again changes nothing.
  ///
  /// The object is normalised first (see `ApplyNormalization`). A namespaced object without
  /// `metadata.namespace` goes to "default"; a cluster-scoped one loses any namespace it
  /// carries, as with kubectl.
  ///
  /// Throws `.conflict` when another field manager owns a field this apply sets to a different
  /// value; `force: true` takes such fields over.
  public func apply(_ object: JSON, fieldManager: String = "dokaseca", force: Bool = false)
    async throws(KubernetesError) -> JSON
  {
    var body = ApplyNormalization.normalized(object)
    let reference = ObjectReference(from: body)
    guard !reference.name.isEmpty else {
      throw .invalidConfiguration("cannot apply a \(reference.kind) without metadata.name")
    }
    let resource = try await resource(apiVersion: reference.apiVersion, kind: reference.kind)
    if resource.namespaced {
      body["metadata"]["namespace"] = .string(reference.namespace ?? "default")
    } else {
      body["metadata"].removeValue(forKey: "namespace")
    }
    var query: [(name: String, value: String)] = [("fieldManager", fieldManager)]
    if force { query.append(("force", "true")) }
    // Apply patches are YAML, and JSON text is YAML.
    let response = try await send(
      KubernetesRequest(
        .PATCH, resource.objectPath(namespace: reference.namespace, name: reference.name), query: query, json: body,
        contentType: "application/apply-patch+yaml"))
    guard response.isSuccess else { throw KubernetesError(response: response) }
    return try response.json()
  }
}
