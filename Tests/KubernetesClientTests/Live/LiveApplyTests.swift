import Foundation
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  @Suite("Server-side apply")
  struct Apply {
    @Test("apply creates in the default namespace; applying again changes nothing")
    func createThenNoOp() async throws {
      try await withAdminClient { client in
        let name = uniqueName("apply")
        let created = try await client.apply(configMap(name, data: ["key": "one"]))
        #expect(created["metadata"]["namespace"] == "default")
        #expect(created["data"]["key"] == "one")
        let managers = created["metadata"]["managedFields"].arrayValue?.compactMap { $0["manager"].stringValue }
        #expect(managers == ["dokaseca"])
        let again = try await client.apply(configMap(name, data: ["key": "one"]))
        #expect(again["metadata"]["resourceVersion"] == created["metadata"]["resourceVersion"])
        let changed = try await client.apply(configMap(name, data: ["key": "two"]))
        #expect(changed["metadata"]["resourceVersion"] != created["metadata"]["resourceVersion"])
        #expect(changed["data"]["key"] == "two")
      }
    }

    @Test("another field manager's field: .conflict naming it, then force takes it over")
    func conflictAndForce() async throws {
      try await withAdminClient { client in
        let name = uniqueName("conflict")
        _ = try await client.apply(configMap(name, data: ["key": "kubectl's"]), fieldManager: "kubectl")
        do throws(KubernetesError) {
          _ = try await client.apply(configMap(name, data: ["key": "ours"]))
          Issue.record("expected a conflict")
        } catch {
          guard case .conflict(let managers, let message) = error else {
            Issue.record("expected .conflict, got \(error)")
            return
          }
          #expect(managers == ["kubectl"])
          #expect(message.contains(".data.key"), "\(message)")
        }
        let forced = try await client.apply(configMap(name, data: ["key": "ours"]), force: true)
        #expect(forced["data"]["key"] == "ours")
        let stored = try #require(try await client.get(ObjectReference(from: forced)))
        let owners = stored["metadata"]["managedFields"].arrayValue?.compactMap { $0["manager"].stringValue } ?? []
        #expect(owners.contains("dokaseca"))
      }
    }

    @Test("cluster-scoped objects lose a stray namespace; objects without a name are refused")
    func scope() async throws {
      try await withAdminClient { client in
        let name = uniqueName("reader")
        let role: JSON = [
          "apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
          "metadata": ["name": .string(name), "namespace": "default"],
          "rules": [["apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]]],
        ]
        let applied = try await client.apply(role)
        #expect(applied["metadata"]["namespace"] == .null)
        #expect(try await client.delete(ObjectReference(from: applied)))
        await #expect(throws: KubernetesError.self) {
          _ = try await client.apply(["apiVersion": "v1", "kind": "ConfigMap"])
        }
      }
    }

    @Test("a Service without port protocols applies on 1.20 thanks to the normalisation")
    func serviceWithoutProtocol() async throws {
      try await withAdminClient { client in
        let service: JSON = [
          "apiVersion": "v1", "kind": "Service", "metadata": ["name": .string(uniqueName("svc"))],
          "spec": ["selector": ["app": "x"], "ports": [["name": "http", "port": 80, "targetPort": 8080]]],
        ]
        let applied = try await client.apply(service)
        #expect(applied["spec"]["ports"][0]["protocol"] == "TCP")
        #expect(
          try await client.apply(service)["metadata"]["resourceVersion"] == applied["metadata"]["resourceVersion"])
      }
    }
  }
}
