import KubernetesClient
import Testing

/// `ObjectReference(parsing:)` reads back what `description` writes, so references can be kept
/// as readable text (in Terraform state) and acted on later.
@Suite("Object reference parsing")
struct ObjectReferenceParsingTests {
  static let namespaced: [ObjectReference] = [
    ObjectReference(apiVersion: "apps/v1", kind: "Deployment", namespace: "argocd", name: "argocd-server"),
    ObjectReference(
      apiVersion: "apps/v1", kind: "StatefulSet", namespace: "argocd", name: "argocd-application-controller"),
    ObjectReference(apiVersion: "v1", kind: "Secret", namespace: "argocd", name: "hub-dev"),
    ObjectReference(
      apiVersion: "argoproj.io/v1alpha1", kind: "ApplicationSet", namespace: "gitops", name: "hub-dev-addons-extras"),
    ObjectReference(
      apiVersion: "rbac.authorization.k8s.io/v1", kind: "RoleBinding", namespace: "kube-system", name: "a.b-c"),
  ]

  static let clusterScoped: [ObjectReference] = [
    ObjectReference(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: "argocd-server"),
    ObjectReference(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", name: "argocd-server"),
    ObjectReference(
      apiVersion: "apiextensions.k8s.io/v1", kind: "CustomResourceDefinition", name: "applications.argoproj.io"),
    ObjectReference(apiVersion: "v1", kind: "Namespace", name: "argocd"),
  ]

  @Test("namespaced references round trip", arguments: namespaced)
  func namespacedRoundTrip(reference: ObjectReference) throws {
    let parsed = try #require(ObjectReference(parsing: reference.description))
    #expect(parsed == reference)
    #expect(parsed.namespace != nil)
    #expect(parsed.description == reference.description)
  }

  @Test("cluster-scoped references round trip", arguments: clusterScoped)
  func clusterScopedRoundTrip(reference: ObjectReference) throws {
    #expect(!reference.description.contains(" /"))
    let parsed = try #require(ObjectReference(parsing: reference.description))
    #expect(parsed == reference)
    #expect(parsed.namespace == nil)
  }

  @Test("the documented forms parse into their parts")
  func documentedForms() throws {
    let deployment = try #require(ObjectReference(parsing: "Deployment argocd/argocd-server (apps/v1)"))
    #expect(deployment.kind == "Deployment")
    #expect(deployment.namespace == "argocd")
    #expect(deployment.name == "argocd-server")
    #expect(deployment.apiVersion == "apps/v1")

    let role = try #require(ObjectReference(parsing: "ClusterRole argocd-server (rbac.authorization.k8s.io/v1)"))
    #expect(
      role == ObjectReference(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", name: "argocd-server"))
  }

  @Test(
    "malformed text is rejected",
    arguments: [
      "",
      " ",
      "Deployment",
      "Deployment argocd/argocd-server",
      "Deployment argocd/argocd-server apps/v1",
      "Deployment argocd/argocd-server (apps/v1",
      "Deployment argocd/argocd-server apps/v1)",
      "Deployment argocd/argocd-server ()",
      "Deployment argocd/argocd-server (apps/v1) extra",
      "Deployment argocd/argocd-server (apps v1)",
      "Deployment argocd/ (apps/v1)",
      "Deployment /argocd-server (apps/v1)",
      "Deployment / (apps/v1)",
      "Deployment a/b/c (apps/v1)",
      "(apps/v1)",
      "argocd/argocd-server (apps/v1)",
    ])
  func rejectsMalformed(text: String) {
    #expect(ObjectReference(parsing: text) == nil, "\(text)")
  }
}
