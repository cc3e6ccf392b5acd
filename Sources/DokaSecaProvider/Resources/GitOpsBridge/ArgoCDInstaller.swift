import DokaSeca
import KubernetesClient
import Logging

/// Installs and removes ArgoCD with server-side apply: the namespace first, then the
/// CustomResourceDefinitions and every other object together, several at a time, then objects
/// of the new kinds once their CRDs are established; then, when asked, waits for the
/// Deployments and StatefulSets.
struct ArgoCDInstaller: Sendable {
  /// Applies in flight at once: enough to hide the round trips, few enough not to be throttled.
  static let concurrentApplies = 8

  let client: KubernetesClient
  let logger: Logger
  let force: Bool

  /// Applies `manifest` and returns what was applied, in order.
  func install(_ manifest: ArgoCDManifest, wait: Bool, timeout: Duration) async throws -> [ObjectReference] {
    let started = ContinuousClock.now
    let namespace = manifest.objects.filter { $0["kind"] == "Namespace" }
    // Establishing a CRD takes the API server seconds (ArgoCD's ApplicationSet CRD is 1.4 MB);
    // only objects of its kind need to wait for that.
    let custom = manifest.objects.filter(manifest.isCustomResource)
    let others = manifest.objects.filter { $0["kind"] != "Namespace" && !manifest.isCustomResource($0) }
    logger.info("Installing ArgoCD into namespace \(manifest.namespace): \(manifest.objects.count) objects")
    var applied = try await apply(namespace, namespace: manifest.namespace)
    applied += try await apply(others, namespace: manifest.namespace)
    logger.info("Applied \(applied.count) ArgoCD objects", metadata: ["elapsed": "\(ContinuousClock.now - started)"])
    // The workloads start while the CRDs are being established: wait for both at once.
    let remaining = timeout - (ContinuousClock.now - started)
    async let workloads: Void = wait ? waitForWorkloads(manifest.workloads, timeout: remaining) : ()
    for name in manifest.customResourceDefinitions {
      try await client.waitForCRDEstablished(name: name, timeout: remaining)
    }
    applied += try await apply(custom, namespace: manifest.namespace)
    try await workloads
    return applied
  }

  /// Deletes what `install` applied: the namespace (which takes every namespaced object with
  /// it) and then the cluster-scoped objects, and waits until the namespace is gone.
  func uninstall(_ objects: [ObjectReference], namespace: String, timeout: Duration) async throws {
    logger.info("Removing ArgoCD from namespace \(namespace)")
    let namespaceReference = ObjectReference(apiVersion: "v1", kind: "Namespace", name: namespace)
    _ = try await client.delete(namespaceReference)
    for object in objects.reversed() where object.namespace == nil && object != namespaceReference {
      _ = try await client.delete(object)
    }
    let logger = self.logger
    try await client.waitUntilGone(namespaceReference, timeout: timeout) { logger.info("\($0)") }
  }

  private func apply(_ objects: [JSON], namespace: String) async throws -> [ObjectReference] {
    var references = [ObjectReference?](repeating: nil, count: objects.count)
    try await withThrowingTaskGroup(of: (Int, ObjectReference).self) { group in
      var pending = objects.enumerated().makeIterator()
      func startNext() {
        guard let (index, object) = pending.next() else { return }
        group.addTask { (index, try await applyOne(object, namespace: namespace)) }
      }
      for _ in 0..<Self.concurrentApplies { startNext() }
      while let (index, reference) = try await group.next() {
        references[index] = reference
        startNext()
      }
    }
    // In manifest order whatever the completion order: state and logs stay stable.
    return references.compactMap { $0 }
  }

  private func applyOne(_ object: JSON, namespace: String) async throws -> ObjectReference {
    var object = object
    let resource = try await client.resource(
      apiVersion: object["apiVersion"].stringValue ?? "", kind: object["kind"].stringValue ?? "")
    if resource.namespaced { object["metadata"]["namespace"] = .string(namespace) }
    _ = try await client.apply(object, force: force)
    let reference = ObjectReference(from: object)
    logger.debug("Applied \(reference)")
    return reference
  }

  private func waitForWorkloads(_ workloads: [ObjectReference], timeout: Duration) async throws {
    logger.info("Waiting for ArgoCD: \(workloads.map(\.name).joined(separator: ", "))")
    let logger = self.logger
    try await withThrowingTaskGroup(of: Void.self) { group in
      for workload in workloads {
        group.addTask {
          let progress: @Sendable (String) -> Void = { logger.info("\($0)") }
          if workload.kind == "StatefulSet" {
            try await client.waitForStatefulSetReady(
              namespace: workload.namespace ?? "", name: workload.name, timeout: timeout, progress: progress)
          } else {
            try await client.waitForDeploymentAvailable(
              namespace: workload.namespace ?? "", name: workload.name, timeout: timeout, progress: progress)
          }
          logger.debug("\(workload) is available")
        }
      }
      try await group.waitForAll()
    }
    logger.info("ArgoCD is available")
  }
}
