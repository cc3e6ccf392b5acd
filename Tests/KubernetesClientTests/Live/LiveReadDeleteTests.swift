import Foundation
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  @Suite("Reads and deletes")
  struct ReadsAndDeletes {
    @Test("get returns nil for a missing object; list filters by label selector and namespace")
    func getAndList() async throws {
      try await withAdminClient { client in
        let run = uniqueName("run")
        for (index, tier) in ["web", "web", "cache"].enumerated() {
          _ = try await client.apply(configMap("\(run)-\(index)", labels: ["run": run, "tier": tier]))
        }
        let reference = ObjectReference(apiVersion: "v1", kind: "ConfigMap", namespace: "default", name: "\(run)-0")
        #expect(try await client.get(reference)?["metadata"]["labels"]["tier"] == "web")
        #expect(try await client.get(ObjectReference(apiVersion: "v1", kind: "ConfigMap", name: "\(run)-none")) == nil)

        let web = try await client.list(
          apiVersion: "v1", kind: "ConfigMap", namespace: "default", labelSelector: "run=\(run),tier=web")
        #expect(web.map { ObjectReference(from: $0).name }.sorted() == ["\(run)-0", "\(run)-1"])
        #expect(web.allSatisfy { $0["kind"] == "ConfigMap" && $0["apiVersion"] == "v1" })
        let notWeb = try await client.list(
          apiVersion: "v1", kind: "ConfigMap", namespace: nil, labelSelector: "run=\(run),tier notin (web)")
        #expect(notWeb.map { ObjectReference(from: $0).name } == ["\(run)-2"])
        let elsewhere = try await client.list(
          apiVersion: "v1", kind: "ConfigMap", namespace: "kube-system", labelSelector: "run=\(run)")
        #expect(elsewhere.isEmpty)
      }
    }

    @Test("delete, a finalizer holding the object, waitUntilGone once a merge patch strips it")
    func deleteWithFinalizer() async throws {
      try await withAdminClient { client in
        var held = configMap(uniqueName("held"))
        held["metadata"]["finalizers"] = ["dokaseca.test/hold"]
        let reference = ObjectReference(from: try await client.apply(held))
        #expect(try await client.delete(reference))
        let marked = try #require(try await client.get(reference))
        #expect(!marked["metadata"]["deletionTimestamp"].isNull)

        await #expect(throws: KubernetesError.self) {
          try await client.waitUntilGone(reference, timeout: .milliseconds(300))
        }
        async let gone: Void = client.waitUntilGone(reference, timeout: .seconds(20))
        try await Task.sleep(for: .milliseconds(200))
        _ = try await client.patchMerge(reference, ["metadata": ["finalizers": nil]])
        try await gone
        #expect(try await client.get(reference) == nil)
        #expect(try await client.delete(reference) == false)
        await #expect(throws: KubernetesError.notFound(reference)) {
          _ = try await client.patchMerge(reference, ["metadata": ["labels": ["a": "b"]]])
        }
      }
    }
  }
}
