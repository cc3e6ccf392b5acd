import Testing

@testable import KubernetesClient

@Suite("Readiness of workloads")
struct WorkloadReadinessTests {
  static func deployment(generation: Int64 = 2, replicas: Int64 = 2, status: JSON) -> JSON {
    ["metadata": ["generation": .integer(generation)], "spec": ["replicas": .integer(replicas)], "status": status]
  }

  @Test("a Deployment is available when the latest generation is fully rolled out and available")
  func deploymentAvailable() {
    let ready = Self.deployment(
      status: ["observedGeneration": 2, "replicas": 2, "updatedReplicas": 2, "availableReplicas": 2])
    #expect(WorkloadReadiness.deployment(ready) == .done)
  }

  @Test(
    "a Deployment is not available yet",
    arguments: [
      (["observedGeneration": 1, "replicas": 2, "updatedReplicas": 2, "availableReplicas": 2], "generation 2"),
      (
        ["observedGeneration": 2, "replicas": 2, "updatedReplicas": 1, "availableReplicas": 2],
        "1 of 2 replicas updated"
      ),
      (["observedGeneration": 2, "replicas": 3, "updatedReplicas": 2, "availableReplicas": 2], "1 old replicas"),
      (
        ["observedGeneration": 2, "replicas": 2, "updatedReplicas": 2, "availableReplicas": 1],
        "1 of 2 replicas available"
      ),
      (
        [
          "observedGeneration": 2,
          "conditions": [["type": "Progressing", "reason": "ProgressDeadlineExceeded", "message": "too slow"]],
        ], "progress deadline exceeded: too slow"
      ),
    ] as [(JSON, String)])
  func deploymentWaiting(status: JSON, expected: String) {
    guard case .waiting(let state) = WorkloadReadiness.deployment(Self.deployment(status: status)) else {
      Issue.record("expected waiting")
      return
    }
    #expect(state.contains(expected), "\(state)")
  }

  @Test("replicas default to one")
  func defaultReplicas() {
    let deployment: JSON = [
      "metadata": ["generation": 1],
      "status": ["observedGeneration": 1, "replicas": 1, "updatedReplicas": 1, "availableReplicas": 1],
    ]
    #expect(WorkloadReadiness.deployment(deployment) == .done)
  }

  @Test("a StatefulSet is ready when its pods are ready at the update revision")
  func statefulSet() {
    var statefulSet: JSON = [
      "metadata": ["generation": 1], "spec": ["replicas": 1],
      "status": [
        "observedGeneration": 1, "readyReplicas": 1, "updatedReplicas": 1, "currentRevision": "r1",
        "updateRevision": "r1",
      ],
    ]
    #expect(WorkloadReadiness.statefulSet(statefulSet) == .done)
    statefulSet["status"]["updateRevision"] = "r2"
    #expect(WorkloadReadiness.statefulSet(statefulSet) != .done)
    statefulSet["spec"]["updateStrategy"] = ["type": "OnDelete"]
    #expect(WorkloadReadiness.statefulSet(statefulSet) == .done)
    statefulSet["status"]["readyReplicas"] = 0
    #expect(WorkloadReadiness.statefulSet(statefulSet) == .waiting("0 of 1 replicas ready"))
  }

  @Test("a CRD is established by its Established condition")
  func crd() {
    let established: JSON = ["status": ["conditions": [["type": "Established", "status": "True"]]]]
    #expect(WorkloadReadiness.customResourceDefinition(established) == .done)
    let refused: JSON = [
      "status": ["conditions": [["type": "NamesAccepted", "status": "False", "message": "plural taken"]]]
    ]
    #expect(WorkloadReadiness.customResourceDefinition(refused) == .waiting("names not accepted: plural taken"))
  }
}
