import Foundation
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  @Suite("Custom resource definitions")
  struct CustomResourceDefinitions {
    static func definition(group: String, kind: String) -> JSON {
      let plural = kind.lowercased() + "s"
      return [
        "apiVersion": "apiextensions.k8s.io/v1", "kind": "CustomResourceDefinition",
        "metadata": ["name": .string("\(plural).\(group)")],
        "spec": [
          "group": .string(group), "scope": "Namespaced",
          "names": ["kind": .string(kind), "plural": .string(plural), "singular": .string(kind.lowercased())],
          "versions": [
            [
              "name": "v1", "served": true, "storage": true,
              "schema": ["openAPIV3Schema": ["type": "object", "x-kubernetes-preserve-unknown-fields": true]],
            ]
          ],
        ],
      ]
    }

    @Test("a kind added to a group version already in the discovery cache is found after one refetch")
    func newKindInCachedGroupVersion() async throws {
      try await withAdminClient { client in
        let group = "\(uniqueName("g")).dokaseca.test"
        _ = try await client.apply(Self.definition(group: group, kind: "Widget"))
        try await client.waitForCRDEstablished(name: "widgets.\(group)", timeout: .seconds(30))
        #expect(try await client.resource(apiVersion: "\(group)/v1", kind: "Widget").name == "widgets")
        await #expect(throws: KubernetesError.unknownKind(apiVersion: "\(group)/v1", kind: "Gadget")) {
          _ = try await client.resource(apiVersion: "\(group)/v1", kind: "Gadget")
        }
        _ = try await client.apply(Self.definition(group: group, kind: "Gadget"))
        try await client.waitForCRDEstablished(name: "gadgets.\(group)", timeout: .seconds(30))
        #expect(try await client.resource(apiVersion: "\(group)/v1", kind: "Gadget").name == "gadgets")
        let gadget = try await client.apply(
          ["apiVersion": .string("\(group)/v1"), "kind": "Gadget", "metadata": ["name": "g1"], "spec": ["size": 3]])
        #expect(gadget["spec"]["size"] == 3)
      }
    }

    @Test(
      "the 1.4 MB ApplicationSet CRD applies, becomes established, and discovery finds its kind",
      .enabled(if: ArgoCDFixtures.available, "the shared Argo CD fixtures are not next to the repository"))
    func applicationSetCRD() async throws {
      try await withAdminClient { client in
        let crd = try JSON(yaml: try ArgoCDFixtures.text(ArgoCDFixtures.applicationSetCRD))
        let applied = try await client.apply(crd)
        #expect(applied["metadata"]["name"] == "applicationsets.argoproj.io")
        try await client.waitForCRDEstablished(name: "applicationsets.argoproj.io", timeout: .seconds(30))
        let resource = try await client.resource(apiVersion: "argoproj.io/v1alpha1", kind: "ApplicationSet")
        #expect(resource.name == "applicationsets" && resource.namespaced)
        #expect(try await client.list(apiVersion: "argoproj.io/v1alpha1", kind: "ApplicationSet").isEmpty)
        // Applying the same 1.4 MB again is a no-op for the server. (The CRD controllers have
        // changed the status since the first apply: compare with the object as it is now.)
        let current = try #require(try await client.get(ObjectReference(from: applied)))
        let again = try await client.apply(crd)
        #expect(again["metadata"]["resourceVersion"] == current["metadata"]["resourceVersion"])
      }
    }

    @Test(
      "all 59 objects of Argo CD's install.yaml apply (CRDs first), and a second apply changes nothing",
      .enabled(if: ArgoCDFixtures.available, "the shared Argo CD fixtures are not next to the repository"))
    func argoCDInstallManifest() async throws {
      try await withAdminClient { client in
        let objects = try JSON.documents(fromYAML: try ArgoCDFixtures.text(ArgoCDFixtures.installManifest))
        let definitions = objects.filter { $0["kind"] == "CustomResourceDefinition" }
        for definition in definitions { _ = try await client.apply(definition) }
        for definition in definitions {
          try await client.waitForCRDEstablished(
            name: definition["metadata"]["name"].stringValue ?? "", timeout: .seconds(30))
        }
        var versions: [ObjectReference: JSON] = [:]
        for object in objects where object["kind"] != "CustomResourceDefinition" {
          let applied = try await client.apply(object)
          versions[ObjectReference(from: applied)] = applied["metadata"]["resourceVersion"]
        }
        #expect(versions.count == 56)
        let readsBefore = client.requestCount - client.writeCount
        for object in objects where object["kind"] != "CustomResourceDefinition" {
          let applied = try await client.apply(object)
          #expect(
            applied["metadata"]["resourceVersion"] == versions[ObjectReference(from: applied)],
            "\(ObjectReference(from: applied)) changed on a second apply")
        }
        // Discovery is cached: the second round sent writes only.
        #expect(client.requestCount - client.writeCount == readsBefore)
      }
    }
  }
}
