import DokaSeca
import Foundation
import KubernetesClient
import ProviderTesting
import Testing

/// The environments under `terraform/environments` applied as a user applies them, with the
/// kind test tool as `kind` and ArgoCD's install manifest from `../shared/fixtures`: one apply
/// from nothing to a bootstrapped platform, and one destroy back to nothing.
@Suite(.serialized, .enabled(if: KindTestTool.isUsable, "needs scripts/install-kube-control-plane.sh"))
struct PlatformEnvironmentTests {
  /// One root of a copy of `terraform/`, initialized, with what the test machine changes in
  /// it: its own kind, the local ArgoCD manifest, free host ports instead of 80 and 443, and a
  /// kubeconfig file of its own.
  struct EnvironmentRun {
    let kind: KindTestTool
    let workspace: TerraformWorkspace
    let root: String
    let kubeconfig: String
    let variables: [String]

    init(_ environment: String, terraform: TerraformBinary) throws {
      kind = try KindTestTool()
      workspace = try TerraformConfigurationsTests.workspace(terraform)
      root = "-chdir=terraform/environments/\(environment)"
      kubeconfig = kind.home.appendingPathComponent("kube/config").path
      variables = [
        "-var", "kind_path=\(KindTestTool.path)", "-var",
        "argocd_manifest_url=\(GitOpsBridgeResourceTests.manifestURL)",
        "-var", "ingress_ports=[\(freePort()),\(freePort())]", "-var", "kubeconfig_path=\(kubeconfig)",
      ]
      try #require(try workspace.run([root, "init", "-no-color"], environment: kind.environment).exitCode == 0)
    }

    /// `terraform -chdir=<root> <command> -no-color <arguments> <the variables>`.
    func callAsFunction(_ command: String, _ arguments: String...) throws -> ProcessResult {
      try workspace.run([root, command, "-no-color"] + arguments + variables, environment: kind.environment)
    }

    func remove() {
      workspace.remove()
      kind.removeAll()
    }
  }

  @Test(arguments: TerraformBinary.available)
  func devBootstrapsInOneApplyRelabelsOnAnAddonChangeAndDestroysToNothing(terraform: TerraformBinary) async throws {
    let dev = try EnvironmentRun("dev", terraform: terraform)
    defer { dev.remove() }
    let (kind, kubeconfig) = (dev.kind, dev.kubeconfig)
    let applied = try dev("apply", "-auto-approve")
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    #expect(applied.standardOutput.contains("Apply complete! Resources: 3 added"), "\(applied.standardOutput)")
    #expect(try kind.run("get", "clusters").standardOutput == "hub-dev\n")
    let live = try LiveCluster(kubeconfig: String(contentsOfFile: kubeconfig, encoding: .utf8))
    defer { Task { await live.shutdown() } }
    let server = try #require(try await live.get("apps/v1", "Deployment", "argocd", "argocd-server"))
    #expect(server["status"]["availableReplicas"].intValue == 1)
    let secret = try #require(try await live.secret("argocd", "hub-dev"))
    let labels = LiveCluster.labels(of: secret)
    #expect(labels["enable_kargo"] == "true" && labels["enable_cert_manager"] == "true")
    #expect(labels["environment"] == "dev" && labels["distro"] == "kind")
    #expect(LiveCluster.annotations(of: secret)["addons_repo_url"] == "https://github.com/thatmlopsguy/dokaseca-addons")
    for name in ["hub-dev-addons", "hub-dev-workloads", "hub-dev-clusters"] {
      #expect(try await live.get("argoproj.io/v1alpha1", "ApplicationSet", "argocd", name) != nil, "\(name) is applied")
    }

    let settled = try dev("plan", "-detailed-exitcode")
    #expect(settled.exitCode == 0, "a second plan must be empty:\n\(settled.combinedOutput)")

    // A user turns addons off in their tfvars: only the labels change.
    let argocdVersion = server["metadata"]["resourceVersion"]
    try "addons = { enable_argo_cd = true, enable_kyverno = true }\n".write(
      to: dev.workspace.directory.appendingPathComponent("terraform/environments/dev/fewer.auto.tfvars"),
      atomically: true,
      encoding: .utf8)
    let relabel = try dev("apply", "-auto-approve")
    try #require(relabel.exitCode == 0, "\(relabel.combinedOutput)")
    #expect(relabel.standardOutput.contains("Resources: 0 added, 2 changed, 0 destroyed"), "\(relabel.standardOutput)")
    let relabeled = LiveCluster.labels(of: try #require(try await live.secret("argocd", "hub-dev")))
    #expect(relabeled["enable_kyverno"] == "true" && relabeled["enable_kargo"] == nil)
    let after = try await live.get("apps/v1", "Deployment", "argocd", "argocd-server")
    #expect(after?["metadata"]["resourceVersion"] == argocdVersion, "ArgoCD is untouched by an addon change")

    let destroyed = try dev("destroy", "-auto-approve")
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty)
    #expect(!(try String(contentsOfFile: kubeconfig, encoding: .utf8)).contains("kind-hub-dev"))
  }

  @Test(arguments: TerraformBinary.available.prefix(1))
  func hubAndTwoSpokesInOneApplyAndOneDestroy(terraform: TerraformBinary) async throws {
    let hubSpoke = try EnvironmentRun("hub-spoke", terraform: terraform)
    defer { hubSpoke.remove() }
    let (kind, kubeconfig) = (hubSpoke.kind, hubSpoke.kubeconfig)
    let applied = try hubSpoke("apply", "-auto-approve")
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    #expect(try kind.run("get", "clusters").standardOutput == "hub-dev\nspoke-dev\nspoke-stg\n")

    let hub = try LiveCluster(kubeconfig: String(contentsOfFile: kubeconfig, encoding: .utf8), context: "kind-hub-dev")
    defer { Task { await hub.shutdown() } }
    let secrets = try await hub.client.list(
      apiVersion: "v1", kind: "Secret", namespace: "argocd", labelSelector: "argocd.argoproj.io/secret-type=cluster")
    #expect(Set(secrets.compactMap { $0["metadata"]["name"].stringValue }) == ["hub-dev", "spoke-dev", "spoke-stg"])
    for spoke in ["spoke-dev", "spoke-stg"] {
      let secret = try #require(secrets.first { $0["metadata"]["name"] == .string(spoke) })
      let data = ClusterSecret.decodedData(of: secret)
      #expect(data["server"] == "https://\(spoke)-control-plane:6443", "the spoke's internal endpoint")
      let tls = try JSON(jsonText: try #require(data["config"]))["tlsClientConfig"]
      #expect(
        tls["caData"].stringValue != nil && tls["certData"].stringValue != nil && tls["keyData"].stringValue != nil)
      #expect(LiveCluster.labels(of: secret)["enable_argocd"] == nil, "ArgoCD runs in the hub only")
    }
    #expect(try hubSpoke("plan", "-detailed-exitcode").exitCode == 0)

    let destroyed = try hubSpoke("destroy", "-auto-approve")
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty)
  }
}
