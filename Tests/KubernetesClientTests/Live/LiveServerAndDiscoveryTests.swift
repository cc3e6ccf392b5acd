import Foundation
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  @Suite("Server and discovery")
  struct ServerAndDiscovery {
    @Test("readyz, and the server's version")
    func readyzAndVersion() async throws {
      try await withAdminClient { client in
        try await client.readyz()
        #expect(try await client.serverVersion() == "v1.20.2")
        #expect(client.requestCount == 2)
        #expect(client.writeCount == 0)
      }
    }

    @Test("discovery of core, apps, RBAC and CRD kinds, answered from the cache the second time")
    func discovery() async throws {
      try await withAdminClient { client in
        #expect(
          try await client.resource(apiVersion: "v1", kind: "ConfigMap")
            == APIResource(name: "configmaps", kind: "ConfigMap", namespaced: true, group: "", version: "v1"))
        #expect(
          try await client.resource(apiVersion: "apps/v1", kind: "Deployment")
            == APIResource(name: "deployments", kind: "Deployment", namespaced: true, group: "apps", version: "v1"))
        let clusterRole = try await client.resource(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole")
        #expect(clusterRole.name == "clusterroles" && !clusterRole.namespaced)
        let crd = try await client.resource(apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition")
        #expect(crd.name == "customresourcedefinitions" && !crd.namespaced)
        let requests = client.requestCount
        _ = try await client.resource(apiVersion: "apps/v1", kind: "Deployment")
        _ = try await client.resource(apiVersion: "v1", kind: "Secret")
        #expect(client.requestCount == requests)
      }
    }

    @Test("unknown kinds and group versions are .unknownKind")
    func unknownKinds() async throws {
      try await withAdminClient { client in
        await #expect(throws: KubernetesError.unknownKind(apiVersion: "apps/v1", kind: "Gadget")) {
          _ = try await client.resource(apiVersion: "apps/v1", kind: "Gadget")
        }
        await #expect(throws: KubernetesError.unknownKind(apiVersion: "nowhere.example/v9", kind: "Thing")) {
          _ = try await client.get(ObjectReference(apiVersion: "nowhere.example/v9", kind: "Thing", name: "x"))
        }
      }
    }
  }
}
