import DokaSeca
import Foundation
import KubernetesClient
import Testing

/// The ArgoCD install manifest arranged for applying: the real v3.5.1 `install.yaml`, and small
/// manifests for the edge cases.
@Suite struct ArgoCDManifestTests {
  /// `install.yaml` of the release whose CRDs the validator checks against.
  static let installYAML: Result<String, any Error> = Result {
    let url = try SharedFolder.locate("\(CRDSchemaValidator.argocdFixtureFolder)/install.yaml")
    return try String(contentsOf: url, encoding: .utf8)
  }

  /// The upstream documents, in file order, parsed without `ArgoCDManifest`.
  static let upstreamDocuments: Result<[JSON], any Error> = Result {
    try JSON.documents(fromYAML: try installYAML.get())
  }

  /// The manifest for the upstream namespace, parsed once (the CRDs make it 2 MB of YAML).
  static let upstream: Result<ArgoCDManifest, any Error> = Result {
    try ArgoCDManifest(yaml: try installYAML.get(), namespace: "argocd")
  }

  static let crdNames = ["applications.argoproj.io", "applicationsets.argoproj.io", "appprojects.argoproj.io"]

  static let workloadNames: Set<String> = [
    "Deployment argocd-applicationset-controller", "Deployment argocd-dex-server",
    "Deployment argocd-notifications-controller", "Deployment argocd-redis", "Deployment argocd-repo-server",
    "Deployment argocd-server", "StatefulSet argocd-application-controller",
  ]

  // MARK: The v3.5.1 install.yaml

  @Test func upstreamManifestHas59Objects() throws {
    let documents = try Self.upstreamDocuments.get()
    #expect(documents.count == 59)
    // The upstream manifest has no Namespace: `kubectl apply -n argocd` expects one to exist.
    #expect(!documents.contains { $0["kind"] == "Namespace" })
  }

  @Test func namespaceComesFirst() throws {
    let manifest = try Self.upstream.get()
    #expect(manifest.namespace == "argocd")
    #expect(manifest.objects.count == 60)
    let namespace = try #require(manifest.objects.first)
    #expect(namespace["apiVersion"] == "v1")
    #expect(namespace["kind"] == "Namespace")
    #expect(namespace["metadata"]["name"] == "argocd")
    #expect(manifest.objects.dropFirst().allSatisfy { $0["kind"] != "Namespace" })
  }

  @Test func crdsComeRightAfterTheNamespace() throws {
    let manifest = try Self.upstream.get()
    let crds = manifest.objects[1...3]
    #expect(
      crds.allSatisfy { $0["kind"] == "CustomResourceDefinition" && $0["apiVersion"] == "apiextensions.k8s.io/v1" })
    #expect(crds.map { $0["metadata"]["name"].stringValue } == Self.crdNames)
    #expect(manifest.customResourceDefinitions == Self.crdNames)
    #expect(manifest.objects.dropFirst(4).allSatisfy { $0["kind"] != "CustomResourceDefinition" })
  }

  /// After the Namespace and the CRDs, every other upstream object, unchanged and in file order.
  @Test func restIsInManifestOrder() throws {
    let manifest = try Self.upstream.get()
    let expected = try Self.upstreamDocuments.get().filter { $0["kind"] != "CustomResourceDefinition" }
    #expect(expected.count == 56)
    let rest = Array(manifest.objects.dropFirst(4))
    #expect(rest.count == expected.count)
    #expect(rest.map(ObjectReference.init(from:)) == expected.map(ObjectReference.init(from:)))
    #expect(rest == expected)
    #expect(
      rest.first.map(ObjectReference.init(from:))?.description == "ServiceAccount argocd-application-controller (v1)")
    #expect(
      rest.last.map(ObjectReference.init(from:))?.description
        == "NetworkPolicy argocd-server-network-policy (networking.k8s.io/v1)")
  }

  @Test func workloadsAreTheDeploymentsAndTheStatefulSet() throws {
    let workloads = try Self.upstream.get().workloads
    #expect(workloads.count == 7)
    #expect(workloads.filter { $0.kind == "Deployment" }.count == 6)
    #expect(workloads.filter { $0.kind == "StatefulSet" }.count == 1)
    #expect(Set(workloads.map { "\($0.kind) \($0.name)" }) == Self.workloadNames)
    for workload in workloads {
      #expect(workload.apiVersion == "apps/v1")
      // The upstream objects name no namespace; the waits must look in the install's.
      #expect(workload.namespace == "argocd", "\(workload)")
    }
  }

  @Test func versionIsTheServerImageTag() throws {
    #expect(try Self.upstream.get().version == "v3.5.1")
  }

  @Test func upstreamURLOfAVersion() {
    #expect(
      ArgoCDManifest.upstreamURL(version: "v3.5.1")
        == "https://raw.githubusercontent.com/argoproj/argo-cd/v3.5.1/manifests/install.yaml")
  }

  // MARK: Another namespace

  /// The ClusterRoleBindings name their subjects' namespace `argocd`; installed elsewhere, the
  /// service accounts would lose their cluster permissions unless the subjects follow.
  @Test func customNamespaceRetargetsClusterRoleBindingSubjects() throws {
    let manifest = try ArgoCDManifest(yaml: try Self.installYAML.get(), namespace: "gitops")
    #expect(manifest.namespace == "gitops")
    #expect(manifest.objects.count == 60)
    #expect(manifest.objects[0]["kind"] == "Namespace")
    #expect(manifest.objects[0]["metadata"]["name"] == "gitops")

    let bindings = manifest.objects.filter { $0["kind"] == "ClusterRoleBinding" }
    #expect(bindings.count == 3)
    for binding in bindings {
      let subjects = try #require(binding["subjects"].arrayValue)
      #expect(!subjects.isEmpty)
      for subject in subjects {
        #expect(subject["namespace"] == "gitops", "\(binding["metadata"]["name"])")
        #expect(subject["kind"] == "ServiceAccount")
      }
    }
    #expect(!manifest.objects.hasClusterRoleBindingSubject("argocd"))
    for workload in manifest.workloads { #expect(workload.namespace == "gitops") }

    // Nothing else changes.
    let upstream = try Self.upstream.get()
    for (object, original) in zip(manifest.objects.dropFirst(), upstream.objects.dropFirst())
    where object["kind"] != "ClusterRoleBinding" {
      #expect(object == original, "\(ObjectReference(from: object))")
    }
    for (object, original) in zip(manifest.objects, upstream.objects) where object["kind"] == "ClusterRoleBinding" {
      var retargeted = original
      retargeted.removeValue(forKey: "subjects")
      var unchanged = object
      unchanged.removeValue(forKey: "subjects")
      #expect(unchanged == retargeted)
    }
  }

  @Test func upstreamNamespaceKeepsSubjects() throws {
    let bindings = try Self.upstream.get().objects.filter { $0["kind"] == "ClusterRoleBinding" }
    #expect(bindings.count == 3)
    for binding in bindings {
      for subject in binding["subjects"].arrayValue ?? [] { #expect(subject["namespace"] == "argocd") }
    }
  }

  /// Only subjects in `argocd` follow the install; others (and RoleBindings, whose subjects
  /// default to the binding's own namespace) are left alone.
  @Test func onlyArgoCDSubjectsAreRetargeted() throws {
    let yaml = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRoleBinding
      metadata: {name: mixed}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
      subjects:
        - {kind: ServiceAccount, name: argocd-server, namespace: argocd}
        - {kind: ServiceAccount, name: monitor, namespace: monitoring}
        - {kind: Group, apiGroup: rbac.authorization.k8s.io, name: "system:authenticated"}
      ---
      apiVersion: rbac.authorization.k8s.io/v1
      kind: RoleBinding
      metadata: {name: local}
      roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: local}
      subjects:
        - {kind: ServiceAccount, name: argocd-server, namespace: argocd}
      """
    let manifest = try ArgoCDManifest(yaml: yaml, namespace: "gitops")
    let binding = try #require(manifest.objects.first { $0["kind"] == "ClusterRoleBinding" })
    #expect(binding["subjects"][0]["namespace"] == "gitops")
    #expect(binding["subjects"][1]["namespace"] == "monitoring")
    #expect(binding["subjects"][2]["namespace"] == .null)
    let roleBinding = try #require(manifest.objects.first { $0["kind"] == "RoleBinding" })
    #expect(roleBinding["subjects"][0]["namespace"] == "argocd")
  }

  // MARK: Ordering of a customised manifest

  /// A manifest's own Namespace is replaced by the install's, and CRDs found late still go first.
  @Test func customisedManifestIsReordered() throws {
    let yaml = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: first}
      ---
      apiVersion: v1
      kind: Namespace
      metadata: {name: argocd}
      ---
      apiVersion: apiextensions.k8s.io/v1
      kind: CustomResourceDefinition
      metadata: {name: widgets.example.com}
      ---
      # only a comment
      ---
      apiVersion: v1
      kind: ConfigMap
      metadata: {name: second}
      """
    let manifest = try ArgoCDManifest(yaml: yaml, namespace: "gitops")
    #expect(
      manifest.objects.map { "\($0["kind"].stringValue ?? "") \($0["metadata"]["name"].stringValue ?? "")" } == [
        "Namespace gitops", "CustomResourceDefinition widgets.example.com", "ServiceAccount first", "ConfigMap second",
      ])
    #expect(manifest.customResourceDefinitions == ["widgets.example.com"])
    #expect(manifest.workloads == [])
    // No argocd-server, no version.
    #expect(manifest.version == nil)
  }

  // MARK: Image tags

  static let tagCases: [(image: String, tag: String?)] = [
    ("quay.io/argoproj/argocd:v3.5.1", "v3.5.1"),
    ("argocd:latest", "latest"),
    // The port of a registry is not a tag.
    ("localhost:5000/argocd:v1", "v1"),
    ("localhost:5000/argoproj/argocd", nil),
    // A digest pins content, not a version.
    ("quay.io/argoproj/argocd@sha256:3b1f9f4f0c1e8f5a5d6f9c2a0e7b1c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", nil),
    (
      "quay.io/argoproj/argocd:v3.5.1@sha256:3b1f9f4f0c1e8f5a5d6f9c2a0e7b1c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", "v3.5.1"
    ),
    ("quay.io/argoproj/argocd", nil),
    ("argocd", nil),
  ]

  @Test(arguments: tagCases)
  func tagOfImage(image: String, tag: String?) {
    #expect(ArgoCDManifest.tag(ofImage: image) == tag)
  }

  /// `argocd:` names no tag; an empty string is not one.
  @Test func emptyTagIsNoTag() {
    #expect(ArgoCDManifest.tag(ofImage: "quay.io/argoproj/argocd:") == nil)
  }

  // MARK: Errors

  @Test func documentWithoutKindIsRejected() {
    let yaml = """
      apiVersion: v1
      kind: ServiceAccount
      metadata: {name: fine}
      ---
      apiVersion: v1
      metadata: {name: kindless}
      """
    let error = #expect(throws: KubernetesError.self) { try ArgoCDManifest(yaml: yaml, namespace: "argocd") }
    guard case .invalidConfiguration(let message)? = error else {
      Issue.record("expected invalidConfiguration, got \(String(describing: error))")
      return
    }
    #expect(message.contains("document 2"), "\(message)")
  }

  @Test(arguments: [
    "kind: ServiceAccount\nmetadata: {name: no-api-version}\n",
    "apiVersion: v1\nkind: ServiceAccount\nmetadata: {}\n",
    "apiVersion: v1\nkind: ServiceAccount\n",
    "- not\n- an object\n",
    "just a scalar\n",
  ])
  func incompleteDocumentIsRejected(yaml: String) {
    #expect(throws: KubernetesError.self) { try ArgoCDManifest(yaml: yaml, namespace: "argocd") }
  }

  @Test(arguments: [
    "", "---\n", "# nothing here\n---\n# nor here\n", "apiVersion: v1\nkind: Namespace\nmetadata: {name: argocd}\n",
  ])
  func manifestWithoutObjectsIsRejected(yaml: String) {
    #expect(throws: KubernetesError.self) { try ArgoCDManifest(yaml: yaml, namespace: "argocd") }
  }

  @Test func invalidYAMLIsRejected() {
    #expect(throws: KubernetesError.self) { try ArgoCDManifest(yaml: "kind: [unclosed\n", namespace: "argocd") }
  }
}

extension [JSON] {
  /// Whether any ClusterRoleBinding subject names `namespace`.
  fileprivate func hasClusterRoleBindingSubject(_ namespace: String) -> Bool {
    contains { object in
      object["kind"] == "ClusterRoleBinding"
        && (object["subjects"].arrayValue ?? []).contains { $0["namespace"] == .string(namespace) }
    }
  }
}
