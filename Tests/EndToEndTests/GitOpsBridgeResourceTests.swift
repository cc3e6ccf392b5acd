import DokaSeca
import Foundation
import KubernetesClient
import ProviderTesting
import Testing

/// `dokaseca_gitops_bridge` through the real terraform binary, against real API servers: each
/// cluster is a control plane of the kind test tool, with ArgoCD v3.5.1's published install
/// manifest from `../shared/fixtures`. There is no kubelet; the tool's kubelet stand-in reports
/// ArgoCD's Pods running and ready, and the real controllers make the Deployments available.
/// ArgoCD itself never runs, so tests play the ApplicationSet controller's part where they need
/// generated Applications.
@Suite(.serialized, .enabled(if: KindTestTool.isUsable, "needs scripts/install-kube-control-plane.sh"))
struct GitOpsBridgeResourceTests {
  /// The newest terraform; PlatformEnvironmentTests runs the bridge through every one.
  static let terraform = TerraformBinary.available.first

  static let manifestURL =
    "file://"
    + URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("shared/fixtures/argocd-v3.5.1/install.yaml").standardizedFileURL.path

  static let repositories = """
    repositories = {
        addons    = { url = "https://github.com/thatmlopsguy/dokaseca-addons", revision = "main", basepath = "argocd", path = "appsets" }
        workloads = { url = "https://github.com/thatmlopsguy/dokaseca-workloads", revision = "main", basepath = "argocd", path = "workloads" }
      }
    """

  /// A hub cluster, its addons and its bridge, in one configuration.
  static func hub(addons: String = "enable_kyverno = true", bridge extra: String = "", argocd: String = "") -> String {
    """
    provider "dokaseca" {
      kind_path = "\(KindTestTool.path)"
    }

    resource "dokaseca_cluster" "hub" {
      name = "hub-dev"
    }

    resource "dokaseca_addons" "hub" {
      environment = "dev"
      addons      = { \(addons) }
    }

    resource "dokaseca_gitops_bridge" "hub" {
      cluster = dokaseca_cluster.hub.connection
      argocd  = { manifest_url = "\(manifestURL)" \(argocd) }
      cluster_secret = {
        name        = "hub-dev"
        environment = "dev"
        labels      = dokaseca_addons.hub.labels
        annotations = { team = "platform" }
      }
      \(repositories)
      \(extra)
    }
    """
  }

  static func workspace(_ kind: KindTestTool, _ configuration: String) throws -> TerraformWorkspace {
    let terraform = try #require(Self.terraform)
    let workspace = try TerraformWorkspace(
      terraform: terraform, configuration: configuration, environment: kind.environment)
    try #require(try workspace.initialize().exitCode == 0)
    return workspace
  }

  /// A cluster made with `kind` outside Terraform, and a bridge that only writes a cluster Secret
  /// (named like the cluster, in `default`) through the kubeconfig kind wrote for it.
  static func secretOnlyBridge(named name: String, on kind: KindTestTool) throws -> (
    kubeconfig: String, configuration: String
  ) {
    let kubeconfig = kind.home.appendingPathComponent("\(name).kubeconfig").path
    try #require(try kind.run("create", "cluster", "--name", name, "--kubeconfig", kubeconfig).exitCode == 0)
    let configuration = """
      resource "dokaseca_gitops_bridge" "\(name)" {
        cluster        = { kubeconfig = file("\(kubeconfig)") }
        argocd         = { install = false }
        cluster_secret = { name = "\(name)", namespace = "default", environment = "dev" }
      }
      """
    return (kubeconfig, configuration)
  }

  @Test func freshInstallThenNoOpPlanThenAnAddonChangeOnlyRelabelsTheSecret() async throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let workspace = try Self.workspace(kind, Self.hub())
    defer { workspace.remove() }

    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let state = try #require(try workspace.attributes(of: "dokaseca_gitops_bridge.hub"))
    #expect(state["id"] as? String == "argocd/hub-dev")
    #expect(state["argocd_version"] as? String == "v3.5.1")
    #expect(state["bootstrap_applicationsets"] as? [String] == ["hub-dev-addons", "hub-dev-workloads"])
    let status = try #require(state["status"] as? [String: Any])
    #expect((status["argocd_objects"] as? [String])?.count == 60, "the namespace and the 59 objects of install.yaml")
    #expect(status["cluster_secret"] as? String == "in sync")
    #expect(!applied.combinedOutput.contains("BEGIN"), "no certificate or key in the output")

    let live = try LiveCluster(workspace, address: "dokaseca_cluster.hub")
    defer { Task { await live.shutdown() } }
    let server = try #require(try await live.get("apps/v1", "Deployment", "argocd", "argocd-server"))
    #expect(server["status"]["availableReplicas"].intValue == 1, "apply waited for ArgoCD")
    let secret = try #require(try await live.secret("argocd", "hub-dev"))
    let labels = LiveCluster.labels(of: secret)
    #expect(labels["argocd.argoproj.io/secret-type"] == "cluster")
    #expect(labels["cluster_name"] == "hub-dev" && labels["environment"] == "dev" && labels["enable_argocd"] == "true")
    #expect(labels["enable_kyverno"] == "true")
    let annotations = LiveCluster.annotations(of: secret)
    #expect(annotations["addons_repo_url"] == "https://github.com/thatmlopsguy/dokaseca-addons")
    #expect(annotations["addons_repo_basepath"] == "argocd" && annotations["addons_repo_path"] == "appsets")
    #expect(annotations["workloads_repo_revision"] == "main" && annotations["team"] == "platform")
    let data = ClusterSecret.decodedData(of: secret)
    #expect(data["server"] == "https://kubernetes.default.svc" && data["name"] == "hub-dev")
    #expect(data["config"] == #"{"tlsClientConfig":{"insecure":false}}"#)
    let appSet = try #require(try await live.get("argoproj.io/v1alpha1", "ApplicationSet", "argocd", "hub-dev-addons"))
    #expect(appSet["spec"]["template"]["spec"]["source"]["repoURL"] == "{{metadata.annotations.addons_repo_url}}")

    #expect(try workspace.planExitCode().exitCode == 0, "a second plan must be empty")

    let before = try #require(try await live.get("apps/v1", "Deployment", "argocd", "argocd-server"))["metadata"][
      "resourceVersion"]
    let appSetBefore = appSet["metadata"]["resourceVersion"]
    try workspace.write(Self.hub(addons: "enable_kyverno = true, enable_cert_manager = true"))
    let plan = try workspace.planExitCode()
    #expect(plan.exitCode == 2)
    #expect(plan.standardOutput.contains("0 to add, 2 to change, 0 to destroy"), "\(plan.standardOutput)")
    let relabeled = try workspace.apply()
    try #require(relabeled.exitCode == 0, "\(relabeled.combinedOutput)")
    #expect(
      LiveCluster.labels(of: try #require(try await live.secret("argocd", "hub-dev")))["enable_cert_manager"] == "true")
    let after = try await live.get("apps/v1", "Deployment", "argocd", "argocd-server")?["metadata"]["resourceVersion"]
    #expect(after == before, "ArgoCD is not re-applied for a label change")
    let appSetAfter = try await live.get("argoproj.io/v1alpha1", "ApplicationSet", "argocd", "hub-dev-addons")
    #expect(appSetAfter?["metadata"]["resourceVersion"] == appSetBefore, "the App of Apps is untouched")
    #expect(try workspace.planExitCode().exitCode == 0)
  }

  @Test func outOfBandEditsAreDetectedConflictsNameTheManagerAndADeletedSecretComesBack() async throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let workspace = try Self.workspace(kind, Self.hub(argocd: ", wait = false"))
    defer { workspace.remove() }
    try #require(try workspace.apply().exitCode == 0)
    let live = try LiveCluster(workspace, address: "dokaseca_cluster.hub")
    defer { Task { await live.shutdown() } }
    let secretReference = ObjectReference(apiVersion: "v1", kind: "Secret", namespace: "argocd", name: "hub-dev")

    // Someone runs `kubectl edit` on a label the bridge manages.
    _ = try await live.client.patchMerge(
      secretReference, ["metadata": ["labels": ["enable_kyverno": "false"]]], fieldManager: "kubectl-edit")
    let drift = try workspace.planExitCode()
    #expect(drift.exitCode == 2, "\(drift.combinedOutput)")
    #expect(drift.standardOutput.contains("cluster_secret_labels"), "\(drift.standardOutput)")
    let conflict = try workspace.apply()
    #expect(conflict.exitCode == 1)
    #expect(conflict.standardError.contains("Field manager conflict"), "\(conflict.standardError)")
    #expect(conflict.standardError.contains("\"kubectl-edit\""))
    #expect(conflict.standardError.contains("force_conflicts"))
    #expect(conflict.standardError.contains("cluster_secret = {"), "the diagnostic points at cluster_secret")

    try workspace.write(Self.hub(bridge: "force_conflicts = true", argocd: ", wait = false"))
    let forced = try workspace.apply()
    #expect(forced.exitCode == 0, "\(forced.combinedOutput)")
    #expect(
      LiveCluster.labels(of: try #require(try await live.secret("argocd", "hub-dev")))["enable_kyverno"] == "true")
    #expect(try workspace.planExitCode().exitCode == 0)

    // Someone deletes the Secret: ArgoCD forgets the cluster until the next apply.
    #expect(try await live.client.delete(secretReference))
    let missing = try workspace.planExitCode()
    #expect(missing.exitCode == 2)
    #expect(missing.standardOutput.contains("\"missing\" -> \"in sync\""), "\(missing.standardOutput)")
    try #require(try workspace.apply().exitCode == 0)
    #expect(try await live.secret("argocd", "hub-dev") != nil)
    #expect(try workspace.planExitCode().exitCode == 0)
  }

  @Test func invalidBootstrapYAMLIsAnErrorOnItsAttribute() throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let workspace = try Self.workspace(kind, Self.hub(bridge: #"bootstrap = { manifests = "kind: [" }"#))
    defer { workspace.remove() }
    let validate = try workspace.run("validate")
    #expect(validate.exitCode == 1)
    #expect(validate.standardError.contains("Invalid bootstrap YAML"), "\(validate.standardError)")
    #expect(
      validate.standardError.contains("bootstrap.manifests is not valid YAML"), "the diagnostic names the attribute")

    try workspace.write(
      Self.hub(bridge: #"bootstrap = { manifests = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n" }"#))
    let wrongKind = try workspace.run("validate")
    #expect(wrongKind.exitCode == 1)
    #expect(wrongKind.standardError.contains("Invalid bootstrap document 1"))
    #expect(wrongKind.standardError.contains("a ConfigMap"))
  }

  @Test func anUnreachableAPIServerIsAnErrorNamingItAndKeepsTheState() throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let (kubeconfig, configuration) = try Self.secretOnlyBridge(named: "outside", on: kind)
    let workspace = try Self.workspace(kind, configuration)
    defer { workspace.remove() }
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let endpoint = try #require(
      try KubernetesConnection(kubeconfig: String(contentsOfFile: kubeconfig, encoding: .utf8)).endpoint)

    try #require(try kind.run("delete", "cluster", "--name", "outside").exitCode == 0)
    let plan = try workspace.run("plan")
    #expect(plan.exitCode == 1)
    #expect(plan.standardError.contains("Cannot reach the Kubernetes API server"), "\(plan.standardError)")
    #expect(plan.standardError.contains(endpoint))
    #expect(
      try workspace.run("state", "list").standardOutput.contains("dokaseca_gitops_bridge.outside"),
      "refresh errors never drop state")

    let unreachable = try TerraformWorkspace(
      terraform: try #require(Self.terraform),
      configuration: """
        resource "dokaseca_gitops_bridge" "nowhere" {
          cluster        = { endpoint = "https://127.0.0.1:\(freePort())" }
          argocd         = { install = false }
          cluster_secret = { name = "nowhere", namespace = "default" }
        }
        """)
    defer { unreachable.remove() }
    try #require(try unreachable.initialize().exitCode == 0)
    let failed = try unreachable.apply()
    #expect(failed.exitCode == 1)
    #expect(
      failed.standardError.contains("cannot reach the Kubernetes API server at https://127.0.0.1:"),
      "\(failed.standardError)")
    #expect(
      try unreachable.attributes(of: "dokaseca_gitops_bridge.nowhere") == nil,
      "nothing was created, nothing is in state")
  }

  @Test func importAdoptsAnExistingSecretAndTheNextApplySettles() throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let (_, configuration) = try Self.secretOnlyBridge(named: "adopt", on: kind)
    let first = try Self.workspace(kind, configuration)
    defer { first.remove() }
    try #require(try first.apply().exitCode == 0)
    try #require(try first.run("state", "rm", "dokaseca_gitops_bridge.adopt").exitCode == 0)

    let invalid = try first.run("import", "dokaseca_gitops_bridge.adopt", "adopt")
    #expect(invalid.exitCode == 1)
    #expect(invalid.standardError.contains("<namespace>/<cluster secret name>"), "\(invalid.standardError)")

    let imported = try first.run("import", "dokaseca_gitops_bridge.adopt", "default/adopt")
    #expect(imported.exitCode == 0, "\(imported.combinedOutput)")
    #expect(try first.attributes(of: "dokaseca_gitops_bridge.adopt")?["id"] as? String == "default/adopt")
    let adopt = try first.planExitCode()
    #expect(adopt.exitCode == 2)
    #expect(
      adopt.standardOutput.contains("updated in-place"), "import adopts, never replaces:\n\(adopt.standardOutput)")
    try #require(try first.apply().exitCode == 0)
    #expect(try first.planExitCode().exitCode == 0)
  }

  @Test func destroyRemovesBootstrapThenSecretThenArgoCDAndReportsBlockingFinalizers() async throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let deleteTimeout = #"timeouts { delete = "3s" }"#
    let workspace = try Self.workspace(kind, Self.hub(bridge: deleteTimeout, argocd: ", wait = false"))
    defer { workspace.remove() }
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let live = try LiveCluster(workspace, address: "dokaseca_cluster.hub")
    defer { Task { await live.shutdown() } }

    // Plays the ApplicationSet controller: an Application generated by hub-dev-addons, with the
    // resources-finalizer that only a running ArgoCD removes.
    let appSet = try #require(try await live.get("argoproj.io/v1alpha1", "ApplicationSet", "argocd", "hub-dev-addons"))
    var application: JSON = ["apiVersion": "argoproj.io/v1alpha1", "kind": "Application"]
    application["metadata"] = [
      "name": "addons-hub-dev", "namespace": "argocd", "finalizers": ["resources-finalizer.argocd.argoproj.io"],
      "ownerReferences": [
        [
          "apiVersion": "argoproj.io/v1alpha1", "kind": "ApplicationSet", "name": "hub-dev-addons",
          "uid": appSet["metadata"]["uid"], "controller": true, "blockOwnerDeletion": true,
        ]
      ],
    ]
    application["spec"] = [
      "project": "default", "destination": ["name": "hub-dev", "namespace": "argocd"],
      "source": ["repoURL": "https://github.com/thatmlopsguy/dokaseca-addons", "path": "argocd/appsets"],
    ]
    _ = try await live.client.apply(application, fieldManager: "argocd-applicationset-controller")

    let blocked = try workspace.destroy()
    #expect(blocked.exitCode == 1)
    #expect(blocked.standardError.contains("Bootstrap Applications are blocking destroy"), "\(blocked.standardError)")
    #expect(blocked.standardError.contains("argocd/addons-hub-dev"))
    #expect(blocked.standardError.contains("strip_finalizers_on_destroy"))
    #expect(
      try await live.get("argoproj.io/v1alpha1", "ApplicationSet", "argocd", "hub-dev-addons") == nil,
      "ApplicationSets go first")
    #expect(try await live.secret("argocd", "hub-dev") != nil, "the Secret waits for the Applications")
    #expect(try await live.get("apps/v1", "Deployment", "argocd", "argocd-server") != nil, "ArgoCD waits too")
    #expect(try workspace.attributes(of: "dokaseca_gitops_bridge.hub") != nil, "a failed destroy keeps the state")

    // Long enough for the namespace to finish deleting; the Application still blocks it all.
    let patient = #"timeouts { delete = "75s" }"# + "\nstrip_finalizers_on_destroy = true"
    try workspace.write(Self.hub(bridge: patient, argocd: ", wait = false"))
    try #require(try workspace.apply().exitCode == 0)
    let destroyed = try workspace.destroy()
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty)
  }

  @Test func aSpokeIsRegisteredInTheHubWithItsInternalEndpointAndCredentials() async throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let spoke = """
      resource "dokaseca_cluster" "spoke" {
        name = "spoke-dev"
      }

      resource "dokaseca_gitops_bridge" "spoke" {
        cluster = dokaseca_cluster.hub.connection
        argocd  = { install = false }
        cluster_secret = {
          name        = dokaseca_cluster.spoke.name
          environment = "dev"
          server      = dokaseca_cluster.spoke.endpoint_internal
          connection  = dokaseca_cluster.spoke.connection
          labels      = { enable_kyverno = "true" }
        }
        \(Self.repositories)
        depends_on = [dokaseca_gitops_bridge.hub]
      }
      """
    let workspace = try Self.workspace(kind, Self.hub(argocd: ", wait = false") + "\n" + spoke)
    defer { workspace.remove() }
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    #expect(try workspace.attributes(of: "dokaseca_gitops_bridge.spoke")?["argocd_version"] as? String == "v3.5.1")
    #expect(
      try workspace.attributes(of: "dokaseca_gitops_bridge.spoke")?["bootstrap_applicationsets"] as? [String] == [])

    let hub = try LiveCluster(workspace, address: "dokaseca_cluster.hub")
    defer { Task { await hub.shutdown() } }
    let secret = try #require(try await hub.secret("argocd", "spoke-dev"))
    #expect(LiveCluster.labels(of: secret)["enable_kyverno"] == "true")
    let data = ClusterSecret.decodedData(of: secret)
    #expect(data["server"] == "https://spoke-dev-control-plane:6443")
    let config = try JSON(jsonText: try #require(data["config"]))["tlsClientConfig"]
    let spokeState = try #require(try workspace.attributes(of: "dokaseca_cluster.spoke"))
    func decoded(_ field: String) -> String? {
      config[field].stringValue.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) }
    }
    #expect(decoded("caData") == spokeState["cluster_ca_certificate"] as? String)
    #expect(decoded("certData") == spokeState["client_certificate"] as? String)
    #expect(decoded("keyData") == spokeState["client_key"] as? String)
    #expect(config["insecure"] == false)
    #expect(try workspace.planExitCode().exitCode == 0)

    let destroyed = try workspace.destroy()
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
  }
}
