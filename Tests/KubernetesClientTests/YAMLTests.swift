import Foundation
import Testing

@testable import KubernetesClient

@Suite("YAML documents")
struct YAMLTests {
  @Test("scalars are typed as kubectl types them")
  func scalarTypes() throws {
    let value = try JSON(
      yaml: """
        replicas: 3
        ratio: 0.5
        defaultMode: 0644
        hex: 0x1F
        big: 1_000
        negative: -12
        enabled: yes
        off: off
        quoted: "3"
        single: 'true'
        empty:
        tilde: ~
        version: 1.20
        date: 2024-01-02
        text: hello world
        block: |
          line one
          line two
        after: end
        """)
    #expect(value["replicas"] == .integer(3))
    #expect(value["ratio"] == .double(0.5))
    #expect(value["defaultMode"] == .integer(420))
    #expect(value["hex"] == .integer(31))
    #expect(value["big"] == .integer(1000))
    #expect(value["negative"] == .integer(-12))
    #expect(value["enabled"] == .bool(true))
    #expect(value["off"] == .bool(false))
    #expect(value["quoted"] == .string("3"))
    #expect(value["single"] == .string("true"))
    #expect(value["empty"] == .null)
    #expect(value["tilde"] == .null)
    #expect(value["version"] == .double(1.2))
    #expect(value["date"] == .string("2024-01-02"))
    #expect(value["text"] == .string("hello world"))
    #expect(value["block"] == .string("line one\nline two\n"))
  }

  @Test("anchors, aliases and merge keys are expanded")
  func anchorsAndMerges() throws {
    let value = try JSON(
      yaml: """
        base: &base
          image: nginx
          port: 80
        copy: *base
        derived:
          <<: *base
          port: 8080
        """)
    #expect(value["copy"] == ["image": "nginx", "port": 80])
    #expect(value["derived"] == ["image": "nginx", "port": 8080])
  }

  @Test("multi-document streams skip empty documents and bare separators")
  func multipleDocuments() throws {
    let documents = try JSON.documents(
      fromYAML: """
        ---
        # only a comment
        ---
        kind: A
        ---
        ---
        kind: B
        ...
        ---
        """)
    #expect(documents.map(\.["kind"]) == ["A", "B"])
  }

  @Test("invalid YAML is an invalid configuration, not a crash")
  func invalidYAML() {
    #expect(throws: KubernetesError.self) { try JSON(yaml: "key: [unclosed") }
    #expect(throws: KubernetesError.self) { try JSON.documents(fromYAML: "a: b\n  c: d: e") }
  }

  @Test(
    "Argo CD's install.yaml: 59 objects of the expected kinds, surviving a JSON round trip",
    .enabled(if: ArgoCDFixtures.available, "the shared Argo CD fixtures are not next to the repository"))
  func argoCDInstallManifest() throws {
    let documents = try JSON.documents(fromYAML: try ArgoCDFixtures.text(ArgoCDFixtures.installManifest))
    #expect(documents.count == 59)
    var kinds: [String: Int] = [:]
    for document in documents { kinds[document["kind"].stringValue ?? "?", default: 0] += 1 }
    #expect(
      kinds == [
        "ClusterRole": 3, "ClusterRoleBinding": 3, "ConfigMap": 7, "CustomResourceDefinition": 3, "Deployment": 6,
        "NetworkPolicy": 7, "Role": 6, "RoleBinding": 6, "Secret": 2, "Service": 8, "ServiceAccount": 7,
        "StatefulSet": 1,
      ])
    for document in documents {
      #expect(try JSON(parsing: document.jsonBytes) == document)
      #expect(!ObjectReference(from: document).name.isEmpty)
    }
  }

  @Test(
    "the 1.4 MB ApplicationSet CRD parses as one document",
    .enabled(if: ArgoCDFixtures.available, "the shared Argo CD fixtures are not next to the repository"))
  func applicationSetCRD() throws {
    let crd = try JSON(yaml: try ArgoCDFixtures.text(ArgoCDFixtures.applicationSetCRD))
    #expect(crd["metadata"]["name"] == "applicationsets.argoproj.io")
    #expect(crd["spec"]["names"]["kind"] == "ApplicationSet")
    #expect(crd.jsonBytes.count > 300_000)
  }
}
