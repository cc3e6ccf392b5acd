extension KubernetesClient {
  /// Deletes the object; `true` when this call deleted it (or marked it for deletion, for an
  /// object with finalizers), `false` when it was already gone. Use `waitUntilGone` to wait for
  /// finalizers to finish.
  public func delete(_ reference: ObjectReference, propagation: DeletePropagation = .background)
    async throws(KubernetesError) -> Bool
  {
    let resource = try await resource(apiVersion: reference.apiVersion, kind: reference.kind)
    let response = try await send(
      KubernetesRequest(
        .DELETE, resource.objectPath(namespace: reference.namespace, name: reference.name),
        query: [("propagationPolicy", propagation.rawValue)]))
    if response.status == 404 {
      // After a retry, a 404 most likely means an earlier attempt deleted it but its answer was
      // lost: this call did delete it.
      return response.attempts > 1
    }
    guard response.isSuccess else { throw KubernetesError(response: response) }
    return true
  }
}
