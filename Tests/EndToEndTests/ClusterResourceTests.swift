import Foundation
import KubernetesClient
import Logging
import ProviderTesting
import Testing

/// `dokaseca_cluster` through the real terraform binary. There is no Docker engine here, so
/// `kind` is the project's kind-compatible test tool: the same CLI, with a real Kubernetes
/// control plane on loopback where Kind would start containers.
@Suite(.serialized, .enabled(if: KindTestTool.isUsable, "needs scripts/install-kube-control-plane.sh"))
struct ClusterResourceTests {
  /// Every terraform tested. Terraform 1.0 to 1.2 crash (in Terraform) decoding a plan whose
  /// list elements differ in which nested lists they set, as the multi-node test's nodes do, so
  /// those tests run on the newest only.
  static let binaries = TerraformBinary.available

  /// A workspace whose provider runs the kind test tool, with its own cluster home.
  static func workspace(_ terraform: TerraformBinary, _ kind: KindTestTool, _ resources: String) throws
    -> TerraformWorkspace
  {
    try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        provider "dokaseca" {
          kind_path = "\(KindTestTool.path)"
        }

        \(resources)
        """,
      environment: kind.environment)
  }

  @Test(arguments: binaries)
  func singleNodeLifecycleWithKubeconfigFileAndInPlaceUpdate(terraform: TerraformBinary) throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let kubeconfig = kind.home.appendingPathComponent("kube/config").path
    let cluster = { (environment: String) in
      """
      resource "dokaseca_cluster" "hub" {
        name               = "hub-dev"
        environment        = "\(environment)"
        cluster_type       = "hub"
        kubernetes_version = "1.33.1"
        kubeconfig_path    = "\(kubeconfig)"
      }
      """
    }
    let workspace = try Self.workspace(terraform, kind, cluster("dev"))
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)

    let plan = try workspace.run("plan")
    #expect(
      plan.standardOutput.contains("\"hub-dev-control-plane\""), "node names are known at plan:\n\(plan.standardOutput)"
    )
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let state = try #require(try workspace.attributes(of: "dokaseca_cluster.hub"))
    #expect((state["endpoint"] as? String)?.hasPrefix("https://127.0.0.1:") == true)
    #expect(state["endpoint_internal"] as? String == "https://hub-dev-control-plane:6443")
    #expect(state["context"] as? String == "kind-hub-dev")
    #expect(state["node_image"] as? String == "kindest/node:v1.33.1")
    #expect((state["cluster_ca_certificate"] as? String)?.contains("BEGIN CERTIFICATE") == true)
    let metadata = try #require(state["metadata"] as? [String: Any])
    #expect(metadata["distro"] as? String == "kind")
    #expect(metadata["environment"] as? String == "dev")
    #expect(metadata["control_plane_nodes"] as? Int == 1)
    #expect(metadata["worker_nodes"] as? Int == 0)
    let nodes = try #require(state["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["name"] as? String } == ["hub-dev-control-plane"])
    #expect(nodes.first?["internal_address"] as? String != nil)
    #expect(try kind.run("get", "clusters").standardOutput == "hub-dev\n")
    let permissions = try FileManager.default.attributesOfItem(atPath: kubeconfig)[.posixPermissions] as? Int
    #expect(permissions == 0o600)
    #expect(try String(contentsOfFile: kubeconfig, encoding: .utf8).contains("kind-hub-dev"))
    #expect(
      !applied.standardOutput.contains("BEGIN RSA PRIVATE KEY")
        && !applied.standardOutput.contains("BEGIN EC PRIVATE KEY"))

    #expect(try workspace.planExitCode().exitCode == 0, "a second plan must be empty")

    try workspace.write(
      """
      provider "dokaseca" {
        kind_path = "\(KindTestTool.path)"
      }

      \(cluster("stg"))
      """)
    let update = try workspace.planExitCode()
    #expect(update.exitCode == 2)
    #expect(update.standardOutput.contains("updated in-place"), "\(update.standardOutput)")
    #expect(!update.standardOutput.contains("must be replaced"))
    try #require(try workspace.apply().exitCode == 0)
    #expect(
      (try workspace.attributes(of: "dokaseca_cluster.hub")?["metadata"] as? [String: Any])?["environment"] as? String
        == "stg")

    let destroyed = try workspace.destroy()
    #expect(destroyed.exitCode == 0, "\(destroyed.combinedOutput)")
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty)
    #expect(!(try String(contentsOfFile: kubeconfig, encoding: .utf8).contains("kind-hub-dev")))
  }

  @Test(arguments: binaries.prefix(1))
  func multiNodeClusterWithLabelsPortsAndMountsThenReplacement(terraform: TerraformBinary) async throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let ports = (freePort(), freePort())
    let mount = kind.home.appendingPathComponent("data").path
    try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
    let cluster = { (workers: Int) in
      """
      resource "dokaseca_cluster" "hub" {
        name = "multi"
        nodes = concat([
          {
            role   = "control-plane"
            labels = { "ingress-ready" = "true", "node-role" = "it-infra" }
            port_mappings = [
              { container_port = 80, host_port = \(ports.0) },
              { container_port = 443, host_port = \(ports.1) },
            ]
            mounts = [{ host_path = "\(mount)", container_path = "/data", read_only = true }]
          }], [for i in range(\(workers)) : { role = "worker", labels = { "node-role" = "k8s-workloads" } }])
      }
      """
    }
    let workspace = try Self.workspace(terraform, kind, cluster(1))
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    try #require(applied.exitCode == 0, "\(applied.combinedOutput)")
    let state = try #require(try workspace.attributes(of: "dokaseca_cluster.hub"))
    let nodes = try #require(state["nodes"] as? [[String: Any]])
    #expect(nodes.compactMap { $0["name"] as? String } == ["multi-control-plane", "multi-worker"])
    #expect((state["metadata"] as? [String: Any])?["ingress_domain"] as? String == "127-0-0-1.sslip.io")

    // The labels reached the real Node objects.
    let connection = try KubernetesConnection(kubeconfig: try #require(state["kubeconfig"] as? String))
    let client = try KubernetesClient(connection: connection, logger: Logger(label: "test"))
    let apiNodes = try await client.list(
      apiVersion: "v1", kind: "Node", namespace: nil, labelSelector: "node-role=k8s-workloads")
    await client.shutdown()
    #expect(apiNodes.compactMap { $0["metadata"]["name"].stringValue } == ["multi-worker"])
    #expect(try workspace.planExitCode().exitCode == 0)

    try workspace.write(
      """
      provider "dokaseca" {
        kind_path = "\(KindTestTool.path)"
      }

      \(cluster(2))
      """)
    let replace = try workspace.run("plan")
    #expect(replace.standardOutput.contains("must be replaced"), "\(replace.standardOutput)")
    #expect(replace.standardOutput.contains("# forces replacement"))
    try #require(try workspace.apply().exitCode == 0)
    let replaced = try #require(try workspace.attributes(of: "dokaseca_cluster.hub")?["nodes"] as? [[String: Any]])
    #expect(replaced.count == 3)
    #expect(try workspace.destroy().exitCode == 0)
  }

  @Test(arguments: binaries.prefix(1))
  func clusterDeletedOutOfBandIsPlannedAgainAndImportAdoptsOne(terraform: TerraformBinary) throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let workspace = try Self.workspace(
      terraform, kind,
      """
      resource "dokaseca_cluster" "spoke" {
        name = "spoke-dev"
      }
      """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    try #require(try workspace.apply().exitCode == 0)
    try kind.run("delete", "cluster", "--name", "spoke-dev")
    let plan = try workspace.planExitCode()
    #expect(plan.exitCode == 2)
    #expect(plan.standardOutput.contains("will be created"), "\(plan.standardOutput)")

    // Adopt a cluster created by hand.
    try #require(
      try kind.run(
        "create", "cluster", "--name", "spoke-dev", "--kubeconfig", kind.home.appendingPathComponent("by-hand").path
      ).exitCode == 0)
    try workspace.run("state", "rm", "dokaseca_cluster.spoke")
    let imported = try workspace.run("import", "dokaseca_cluster.spoke", "spoke-dev")
    #expect(imported.exitCode == 0, "\(imported.combinedOutput)")
    let state = try #require(try workspace.attributes(of: "dokaseca_cluster.spoke"))
    #expect(state["context"] as? String == "kind-spoke-dev")
    #expect((state["nodes"] as? [[String: Any]])?.first?["name"] as? String == "spoke-dev-control-plane")
    #expect(try workspace.planExitCode().exitCode == 0)
    #expect(try workspace.destroy().exitCode == 0)
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty)
    let missing = try workspace.run("import", "dokaseca_cluster.spoke", "nope")
    #expect(missing.exitCode == 1)
    #expect(missing.standardError.contains("No Kind cluster named \"nope\""), "\(missing.standardError)")
  }

  @Test(arguments: binaries.prefix(1))
  func takenHostPortIsAnErrorOnItsPortMapping(terraform: TerraformBinary) throws {
    let kind = try KindTestTool()
    defer { kind.removeAll() }
    let listener = try PortListener()
    defer { listener.close() }
    let workspace = try Self.workspace(
      terraform, kind,
      """
      resource "dokaseca_cluster" "hub" {
        name  = "ports"
        nodes = [{ role = "control-plane", port_mappings = [{ container_port = 80, host_port = \(listener.port) }] }]
      }
      """)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    #expect(applied.exitCode == 1)
    #expect(applied.standardError.contains("Host port \(listener.port) is already in use"))
    #expect(applied.standardError.contains("nodes[0].port_mappings[0].host_port"), "\(applied.standardError)")
    #expect(try kind.run("get", "clusters").standardOutput.isEmpty, "nothing is left behind")
  }
}

/// Failures that need no control plane: kind missing, too old, Docker down, a bad name.
@Suite(.serialized) struct ClusterResourceErrorTests {
  static let newest = Array(TerraformBinary.available.prefix(1))

  func workspace(_ terraform: TerraformBinary, kindPath: String, name: String = "hub") throws -> TerraformWorkspace {
    try TerraformWorkspace(
      terraform: terraform,
      configuration: """
        provider "dokaseca" {
          kind_path = "\(kindPath)"
        }

        resource "dokaseca_cluster" "hub" {
          name = "\(name)"
        }
        """)
  }

  @Test(arguments: newest)
  func invalidNameIsAnErrorOnTheName(terraform: TerraformBinary) throws {
    let workspace = try workspace(terraform, kindPath: "/nonexistent/kind", name: "Hub_Dev")
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let validate = try workspace.run("validate", "-no-color")
    #expect(validate.exitCode == 1)
    #expect(validate.standardError.contains("Invalid Kind cluster name \"Hub_Dev\""))
    #expect(validate.standardError.contains("name = \"Hub_Dev\""))
  }

  @Test(arguments: newest)
  func missingKindSaysWhatToInstall(terraform: TerraformBinary) throws {
    let workspace = try workspace(terraform, kindPath: "/nonexistent/kind")
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    #expect(applied.exitCode == 1)
    #expect(applied.standardError.contains("Error: kind not found"))
    #expect(applied.standardError.contains("Install kind"))
  }

  @Test(arguments: newest)
  func oldKindIsRefused(terraform: TerraformBinary) throws {
    let script = try FakeKind.script(
      """
      [ "$1" = version ] && echo "kind v0.11.1 go1.16.4 linux/amd64" && exit 0
      echo "unexpected: $*" >&2; exit 1
      """)
    let workspace = try workspace(terraform, kindPath: script)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    #expect(applied.exitCode == 1)
    #expect(applied.standardError.contains("kind v0.11.1 is too old"))
  }

  @Test(arguments: newest)
  func dockerNotRunningIsReportedAsSuch(terraform: TerraformBinary) throws {
    // Real kind's words when the Docker daemon is down (kind v0.2x, `docker ps` failing).
    let script = try FakeKind.script(
      """
      [ "$1" = version ] && echo "kind v0.27.0 go1.23.4 linux/amd64" && exit 0
      echo 'ERROR: failed to create cluster: failed to list clusters: command "docker ps -a --filter label=io.x-k8s.kind.cluster --format '"'"'{{.Label "io.x-k8s.kind.cluster"}}'"'"'" failed with error: exit status 1' >&2
      echo 'Command Output: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?' >&2
      exit 1
      """)
    let workspace = try workspace(terraform, kindPath: script)
    defer { workspace.remove() }
    try #require(try workspace.initialize().exitCode == 0)
    let applied = try workspace.apply()
    #expect(applied.exitCode == 1)
    #expect(applied.standardError.contains("Error: Docker is not running"))
    #expect(applied.standardError.contains("Start") && applied.standardError.contains("DOCKER_HOST"))
  }
}

/// A stand-in `kind` script for failures this machine cannot produce for real.
enum FakeKind {
  static func script(_ body: String) throws -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("fake-kind-\(UUID().uuidString.prefix(8))")
      .path
    try ("#!/bin/sh\n" + body + "\n").write(toFile: path, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
    return path
  }
}
