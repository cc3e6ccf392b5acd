extension KubernetesClient {
  /// Waits until the CustomResourceDefinition `name` (`applicationsets.argoproj.io`) is
  /// established, so that objects of its kinds can be applied.
  public func waitForCRDEstablished(name: String, timeout: Duration) async throws(KubernetesError) {
    let reference = ObjectReference(
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: name)
    try await poll(waitingFor: "CustomResourceDefinition \(name) to be established", timeout: timeout) {
      () async throws(KubernetesError) -> PollState in
      guard let definition = try await get(reference) else { return .waiting("not found") }
      return WorkloadReadiness.customResourceDefinition(definition)
    }
  }

  /// Waits until the Deployment is available: `status.availableReplicas` reaches
  /// `spec.replicas`, every replica runs the latest template and the controller has observed the
  /// latest generation. A Deployment that does not exist yet is waited for too. `progress` hears
  /// what is being waited for about every five seconds.
  public func waitForDeploymentAvailable(
    namespace: String, name: String, timeout: Duration, progress: @Sendable (String) -> Void
  ) async throws(KubernetesError) {
    let reference = ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: namespace, name: name)
    let subject = "Deployment \(namespace)/\(name) to be available"
    try await poll(waitingFor: subject, timeout: timeout, progress: progress) {
      () async throws(KubernetesError) -> PollState in
      guard let deployment = try await get(reference) else { return .waiting("not found") }
      return WorkloadReadiness.deployment(deployment)
    }
  }

  /// Waits until the StatefulSet's `spec.replicas` pods are ready at the latest revision.
  public func waitForStatefulSetReady(
    namespace: String, name: String, timeout: Duration, progress: @Sendable (String) -> Void
  ) async throws(KubernetesError) {
    let reference = ObjectReference(apiVersion: "apps/v1", kind: "StatefulSet", namespace: namespace, name: name)
    try await poll(waitingFor: "StatefulSet \(namespace)/\(name) to be ready", timeout: timeout, progress: progress) {
      () async throws(KubernetesError) -> PollState in
      guard let statefulSet = try await get(reference) else { return .waiting("not found") }
      return WorkloadReadiness.statefulSet(statefulSet)
    }
  }

  /// Waits until the object no longer exists: its finalizers have run and the server has
  /// removed it. `progress` hears what blocks it about every five seconds.
  public func waitUntilGone(
    _ reference: ObjectReference, timeout: Duration, progress: @Sendable (String) -> Void = { _ in }
  ) async throws(KubernetesError) {
    try await poll(waitingFor: "\(reference) to be deleted", timeout: timeout, progress: progress) {
      () async throws(KubernetesError) -> PollState in
      guard let object = try await get(reference) else { return .done }
      let finalizers = object["metadata"]["finalizers"].arrayValue?.compactMap(\.stringValue) ?? []
      if object["metadata"]["deletionTimestamp"].isNull { return .waiting("still present, not marked for deletion") }
      return .waiting("being deleted, finalizers: [\(finalizers.joined(separator: ", "))]")
    }
  }
}
