import Foundation
import Synchronization
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  /// There is no controller manager and no kubelet on this server: nothing would ever make a
  /// Deployment available. The tests play their part, writing the status a kubelet and the
  /// Deployment controller would report, through `updateStatus`.
  @Suite("Waits")
  struct Waits {
    static func deployment(_ name: String) -> JSON {
      [
        "apiVersion": "apps/v1", "kind": "Deployment", "metadata": ["name": .string(name)],
        "spec": [
          "replicas": 1, "selector": ["matchLabels": ["app": .string(name)]],
          "template": [
            "metadata": ["labels": ["app": .string(name)]],
            "spec": ["containers": [["name": "app", "image": "nginx:1.25", "ports": [["containerPort": 80]]]]],
          ],
        ],
      ]
    }

    @Test("a Deployment becoming available is noticed within a second")
    func deploymentAvailable() async throws {
      try await withAdminClient { client in
        let name = uniqueName("web")
        let deployment = try await client.apply(Self.deployment(name))
        async let waited: Void = client.waitForDeploymentAvailable(
          namespace: "default", name: name, timeout: .seconds(30), progress: { _ in })
        // Let the wait back off to its longest pause first.
        try await Task.sleep(for: .seconds(2))
        var available = deployment
        available["status"] = [
          "observedGeneration": deployment["metadata"]["generation"], "replicas": 1, "updatedReplicas": 1,
          "readyReplicas": 1, "availableReplicas": 1,
        ]
        _ = try await client.updateStatus(available)
        let written = ContinuousClock.now
        try await waited
        let noticed = ContinuousClock.now - written
        #expect(noticed < .seconds(1), "noticed after \(noticed)")
      }
    }

    @Test("a Deployment that never becomes available times out with its last state")
    func deploymentTimeout() async throws {
      try await withAdminClient { client in
        let name = uniqueName("stuck")
        _ = try await client.apply(Self.deployment(name))
        do throws(KubernetesError) {
          try await client.waitForDeploymentAvailable(
            namespace: "default", name: name, timeout: .milliseconds(800), progress: { _ in })
          Issue.record("expected a timeout")
        } catch {
          guard case .timedOut(let waitingFor, let lastState) = error else {
            Issue.record("expected .timedOut, got \(error)")
            return
          }
          #expect(waitingFor.contains("default/\(name)"))
          #expect(lastState.contains("generation 1"), "\(lastState)")
        }
      }
    }

    @Test("cancelling a wait ends it at once")
    func cancelWait() async throws {
      try await withAdminClient { client in
        let wait = Task {
          try await client.waitForDeploymentAvailable(
            namespace: "default", name: "never-created", timeout: .seconds(60), progress: { _ in })
        }
        try await Task.sleep(for: .milliseconds(700))
        let cancelled = ContinuousClock.now
        wait.cancel()
        let result = await wait.result
        #expect(ContinuousClock.now - cancelled < .seconds(1))
        guard case .failure(let error) = result, case .cancelled? = error as? KubernetesError else {
          Issue.record("expected .cancelled, got \(result)")
          return
        }
      }
    }

    @Test("a StatefulSet is ready once its pods are ready at the update revision")
    func statefulSetReady() async throws {
      try await withAdminClient { client in
        let name = uniqueName("db")
        let statefulSet = try await client.apply([
          "apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": ["name": .string(name)],
          "spec": [
            "serviceName": .string(name), "replicas": 1, "selector": ["matchLabels": ["app": .string(name)]],
            "template": [
              "metadata": ["labels": ["app": .string(name)]],
              "spec": ["containers": [["name": "redis", "image": "redis:7", "ports": [["containerPort": 6379]]]]],
            ],
          ],
        ])
        var ready = statefulSet
        ready["status"] = [
          "observedGeneration": statefulSet["metadata"]["generation"], "replicas": 1, "readyReplicas": 1,
          "currentReplicas": 1, "updatedReplicas": 1, "currentRevision": .string("\(name)-1"),
          "updateRevision": .string("\(name)-1"),
        ]
        _ = try await client.updateStatus(ready)
        try await client.waitForStatefulSetReady(
          namespace: "default", name: name, timeout: .seconds(10), progress: { _ in })
      }
    }
  }
}
