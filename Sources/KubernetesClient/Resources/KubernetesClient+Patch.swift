extension KubernetesClient {
  /// A JSON merge patch (RFC 7386): members set to `null` are removed, objects merge, arrays are
  /// replaced. `["metadata": ["finalizers": nil]]` strips an object's finalizers. Returns the
  /// patched object; throws `.notFound` when there is none. `fieldManager` names who made the
  /// change in `managedFields` (the server derives a name from the user agent otherwise).
  public func patchMerge(_ reference: ObjectReference, _ patch: JSON, fieldManager: String? = nil)
    async throws(KubernetesError) -> JSON
  {
    let resource = try await resource(apiVersion: reference.apiVersion, kind: reference.kind)
    let response = try await send(
      KubernetesRequest(
        .PATCH, resource.objectPath(namespace: reference.namespace, name: reference.name),
        query: fieldManager.map { [("fieldManager", $0)] } ?? [], json: patch,
        contentType: "application/merge-patch+json"))
    if response.status == 404 { throw .notFound(reference) }
    guard response.isSuccess else { throw KubernetesError(response: response) }
    return try response.json()
  }

  /// Replaces the object's `status` subresource with the one in `object` (a PUT to `…/status`),
  /// as a controller does. Tests use it to play the kubelet's and controllers' part on a server
  /// without them. Returns the stored object.
  public func updateStatus(_ object: JSON) async throws(KubernetesError) -> JSON {
    let reference = ObjectReference(from: object)
    let resource = try await resource(apiVersion: reference.apiVersion, kind: reference.kind)
    let response = try await send(
      KubernetesRequest(
        .PUT, resource.objectPath(namespace: reference.namespace, name: reference.name) + "/status", json: object))
    if response.status == 404 { throw .notFound(reference) }
    guard response.isSuccess else { throw KubernetesError(response: response) }
    return try response.json()
  }
}
