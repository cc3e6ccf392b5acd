/// Whether an object has reached the state a wait waits for, judged from its status the way
/// `kubectl rollout status` and `kubectl wait` judge it.
enum WorkloadReadiness {
  /// Available: the controller has seen the latest spec, every replica runs the latest
  /// template, no old replica is left, and `spec.replicas` of them are available.
  static func deployment(_ deployment: JSON) -> PollState {
    let desired = deployment["spec"]["replicas"].int64Value ?? 1
    let status = deployment["status"]
    if case .waiting(let state) = observedCurrentGeneration(deployment) { return .waiting(state) }
    for condition in status["conditions"].arrayValue ?? []
    where condition["type"] == "Progressing" && condition["reason"] == "ProgressDeadlineExceeded" {
      return .waiting("progress deadline exceeded: \(condition["message"].stringValue ?? "")")
    }
    let updated = status["updatedReplicas"].int64Value ?? 0
    let total = status["replicas"].int64Value ?? 0
    let available = status["availableReplicas"].int64Value ?? 0
    if updated < desired { return .waiting("\(updated) of \(desired) replicas updated") }
    if total > updated { return .waiting("\(total - updated) old replicas still running") }
    if available < desired { return .waiting("\(available) of \(desired) replicas available") }
    return .done
  }

  /// Ready: the controller has seen the latest spec, `spec.replicas` pods are ready, and a
  /// rolling update has finished (every pod at the update revision, or those above the
  /// partition).
  static func statefulSet(_ statefulSet: JSON) -> PollState {
    let desired = statefulSet["spec"]["replicas"].int64Value ?? 1
    let status = statefulSet["status"]
    if case .waiting(let state) = observedCurrentGeneration(statefulSet) { return .waiting(state) }
    let ready = status["readyReplicas"].int64Value ?? 0
    if ready < desired { return .waiting("\(ready) of \(desired) replicas ready") }
    let strategy = statefulSet["spec"]["updateStrategy"]
    // OnDelete: pods change only when deleted, so there is no rollout to wait for.
    guard (strategy["type"].stringValue ?? "RollingUpdate") == "RollingUpdate" else { return .done }
    let partition = strategy["rollingUpdate"]["partition"].int64Value ?? 0
    if partition > 0 {
      let updated = status["updatedReplicas"].int64Value ?? 0
      return updated >= desired - partition
        ? .done : .waiting("\(updated) of \(desired - partition) replicas above the partition updated")
    }
    let current = status["currentRevision"].stringValue
    let update = status["updateRevision"].stringValue
    if current != update {
      return .waiting(
        "rolling update to revision \(update ?? "?") in progress (\(status["updatedReplicas"].int64Value ?? 0) of \(desired) updated)"
      )
    }
    return .done
  }

  /// Established: the server serves the CRD's kinds.
  static func customResourceDefinition(_ definition: JSON) -> PollState {
    let conditions = definition["status"]["conditions"].arrayValue ?? []
    if conditions.contains(where: { $0["type"] == "Established" && $0["status"] == "True" }) { return .done }
    if let names = conditions.first(where: { $0["type"] == "NamesAccepted" && $0["status"] == "False" }) {
      return .waiting("names not accepted: \(names["message"].stringValue ?? "")")
    }
    return .waiting("not established yet")
  }

  private static func observedCurrentGeneration(_ object: JSON) -> PollState {
    let generation = object["metadata"]["generation"].int64Value ?? 0
    let observed = object["status"]["observedGeneration"].int64Value ?? 0
    return observed >= generation
      ? .done : .waiting("the controller has not seen generation \(generation) yet (it has seen \(observed))")
  }
}
