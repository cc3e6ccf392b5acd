/// `dokaseca-kind`: a fake of the `kind` CLI (kubernetes-sigs/kind v0.2x) for machines without
/// Docker, so that the provider's tests can drive "kind" on CI machines that have no container
/// engine. Install it as `kind` on `PATH` (or point the provider at it) and it answers the
/// subcommands the provider runs, backed by a REAL Kubernetes control plane on loopback:
/// etcd, kube-apiserver and kube-controller-manager processes (1.20.2, built by
/// `scripts/install-kube-control-plane.sh`), started detached and left running until
/// `delete cluster`.
///
/// What it reproduces from kind:
/// - the CLI surface: `version`, `create cluster` (`--name/-n --config --image --kubeconfig
///   --wait --retain`, `--config -` for stdin), `delete cluster` (`--name --kubeconfig`),
///   `delete clusters` (`--all` or names), `get clusters`, `get nodes` (`--name -A`),
///   `get kubeconfig` (`--name --internal`), `export kubeconfig`; the global `-q/--quiet` and
///   `-v/--verbosity`; `KIND_CLUSTER_NAME`;
/// - output and exit codes: progress lines on stderr as kind prints them without a terminal
///   (` • Step  ...` / ` ✓ Step`), results on stdout, `ERROR: …` on stderr and exit 1 for every
///   failure, the same wording for the errors callers match on (a cluster that already exists,
///   a host port that is taken, in Docker's words, an unknown cluster for `get kubeconfig`);
/// - the v1alpha4 `Cluster` config (YAML or JSON), decoded strictly and validated as kind does,
///   with kind's defaults (`127.0.0.1`, random API server port, `10.96.0.0/16`, `10.244.0.0/16`);
///   `networking.apiServerAddress/apiServerPort/serviceSubnet`, `featureGates`, `runtimeConfig`,
///   node `labels` and `extraPortMappings` take effect; host ports of `extraPortMappings` are
///   held (bound) for the cluster's lifetime, so a second cluster on the same port fails as
///   it would with Docker;
/// - kubeconfig handling: `--kubeconfig`, else `$KUBECONFIG` (kubectl's merge rules), else
///   `~/.kube/config`; entries named `kind-NAME`, the current context set, the file created
///   with mode 0600 and a `.lock` file while writing, entries removed on delete;
/// - client-certificate auth: a cluster CA, an API server serving certificate, and a client
///   certificate for `kubernetes-admin` in group `system:masters`, embedded as `*-data`;
///   RBAC authorization;
/// - node names (`NAME-control-plane`, `NAME-worker`, `NAME-worker2`, …,
///   `NAME-external-load-balancer` for several control planes) and Node objects for them, with
///   kind's labels and taints, status Ready and an InternalIP in 172.18.0.0/16;
/// - Pods scheduled and reported running by a stand-in for kube-scheduler and the kubelets (a
///   detached `__kubelet` process per cluster, stopped on delete): a Pod is bound to a node
///   (round robin over the workers, else the control planes; only a pin to one node is
///   honoured), then reported Running with every container started and ready at once (pod IP
///   from the node's pod CIDR, host IP the node's, conditions True); a deleted Pod's
///   termination is confirmed at once. The real ReplicaSet, Deployment, StatefulSet and
///   DaemonSet controllers then count the replicas available and finish rollouts and namespace
///   deletions.
///
/// What it does not reproduce:
/// - no containers, images or Docker network: `--image` and node images are only recorded, and
///   `extraMounts`, `kubeadmConfigPatches`, `containerdConfigPatches` are accepted and ignored;
///   the `--internal` endpoint (`https://NAME-control-plane:6443`) does not resolve on the host;
/// - no kubelet and no scheduler: the stand-in runs no container, pulls no image (image IDs
///   and container IDs are made up), runs no probe (readiness is reported at once, readiness
///   gates ignored), mounts no volume (PersistentVolumeClaims stay Pending), and never restarts
///   or completes a container: Job Pods stay Running. Scheduling ignores resources, taints,
///   affinities and node selectors other than a pin to one node. This tool also plays the
///   kubelet's part by registering the Node objects itself, and they stay Ready because the
///   node lifecycle controller is not running;
/// - no CNI, kube-proxy, CoreDNS or local-path provisioner (only the `standard` StorageClass
///   object is created); no traffic reaches the held host ports' "containers" or the Pods'
///   reported IPs;
/// - the control plane is Kubernetes 1.20.2 whatever the image says; 1.20 prunes unknown fields
///   instead of rejecting them, and server-side apply of a Service port without `protocol`
///   fails.
///
/// Environment: `DOKASECA_KIND_HOME` (state, default `~/.cache/dokaseca/kind`),
/// `DOKASECA_KUBE_BIN` (folder with etcd, kube-apiserver, kube-controller-manager; default
/// `~/.cache/dokaseca/kube/1.20.2/bin`, else `KUBEBUILDER_ASSETS`),
/// `DOKASECA_KIND_CONTROLLERS` (kube-controller-manager's `--controllers`),
/// `DOKASECA_KIND_KUBELET=0` (no kubelet and scheduler stand-in: Pods stay Pending).
import ArgumentParser
import Foundation

@main
enum DokasecaKind {
  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    Log.configure(stripping: &arguments)
    arguments = normalizeBooleanFlags(arguments)
    if arguments == ["--version"] {
      print("kind version \(KindVersion.version)")
      return
    }
    do {
      var command = try KindCommand.parseAsRoot(arguments)
      try command.run()
    } catch let error as KindError {
      Log.failure(error)
      exit(1)
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      let code = KindCommand.exitCode(for: error)
      if code == .success {
        // --help and friends: ArgumentParser's text on stdout, like cobra.
        print(KindCommand.fullMessage(for: error))
        exit(0)
      }
      Log.failure(KindError(KindCommand.message(for: error)))
      exit(1)
    }
  }

  /// cobra accepts `--flag=true|false` for booleans; ArgumentParser takes only `--flag`.
  static func normalizeBooleanFlags(_ arguments: [String]) -> [String] {
    let booleans = ["--retain", "--internal", "--all-clusters", "--all", "-A"]
    var result: [String] = []
    for argument in arguments {
      if let equals = argument.firstIndex(of: "="), booleans.contains(String(argument[..<equals])) {
        let value = argument[argument.index(after: equals)...].lowercased()
        if ["true", "t", "1"].contains(value) { result.append(String(argument[..<equals])) }
        continue
      }
      result.append(argument)
    }
    return result
  }
}

enum KindVersion {
  /// kind's version core with a pre-release tag that says this is the fake.
  static let version = "0.27.0-dokaseca-test"

  /// `kind v0.27.0 go1.23.4 linux/amd64` in kind; the toolchain field names Swift here.
  static var display: String {
    #if arch(x86_64)
      let arch = "amd64"
    #elseif arch(arm64)
      let arch = "arm64"
    #else
      let arch = "unknown"
    #endif
    #if os(Linux)
      let os = "linux"
    #else
      let os = "darwin"
    #endif
    return "kind v\(version) swift6 \(os)/\(arch)"
  }
}

struct KindCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kind",
    abstract: "kind is a tool for managing local Kubernetes clusters",
    discussion: """
      This is dokaseca-kind, a fake of kind for machines without Docker: clusters are a real \
      Kubernetes control plane (etcd, kube-apiserver, kube-controller-manager) on loopback, \
      with no containers or CNI; a stand-in for the scheduler and kubelets reports Pods running.
      Global flags: -q/--quiet (silence all stderr output), -v/--verbosity N.
      """,
    subcommands: [
      CreateCommand.self, DeleteCommand.self, ExportCommand.self, GetCommand.self, VersionCommand.self,
      HoldPortsCommand.self, KubeletCommand.self,
    ])
}

struct VersionCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "version", abstract: "Prints the kind CLI version")

  func run() throws {
    // kind prints the bare version when its logger is silenced (-q).
    print(Log.quiet ? KindVersion.version : KindVersion.display)
  }
}

struct CreateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "create", abstract: "Creates one of [cluster]", subcommands: [CreateClusterCommand.self])
}

struct DeleteCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "delete", abstract: "Deletes one of [cluster, clusters]",
    subcommands: [DeleteClusterCommand.self, DeleteClustersCommand.self])
}

struct GetCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "get", abstract: "Gets one of [clusters, nodes, kubeconfig]",
    subcommands: [GetClustersCommand.self, GetNodesCommand.self, GetKubeconfigCommand.self])
}

struct ExportCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "export", abstract: "Exports one of [kubeconfig]", subcommands: [ExportKubeconfigCommand.self])
}

/// `--name` with kind's precedence: the flag, else `KIND_CLUSTER_NAME`, else the default.
func resolveClusterName(_ flag: String?, fallback: String? = "kind") -> String? {
  if let flag, !flag.isEmpty { return flag }
  if let environment = ProcessInfo.processInfo.environment["KIND_CLUSTER_NAME"], !environment.isEmpty {
    return environment
  }
  return fallback
}

struct CreateClusterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "cluster", abstract: "Creates a local Kubernetes cluster")

  @Option(name: [.short, .long], help: "cluster name, overrides KIND_CLUSTER_NAME, config (default kind)")
  var name: String?
  @Option(help: "path to a kind config file") var config: String?
  @Option(help: "node docker image to use for booting the cluster") var image: String?
  @Flag(help: "retain nodes for debugging when cluster creation fails") var retain = false
  @Option(help: "The length of time to wait for control plane node to be ready")
  var wait: String = "0s"
  @Option(help: "sets kubeconfig path instead of $KUBECONFIG or $HOME/.kube/config") var kubeconfig: String?

  func run() throws {
    guard let waitSeconds = GoDuration.parse(wait) else {
      throw KindError("invalid argument \"\(wait)\" for \"--wait\" flag: time: invalid duration \"\(wait)\"")
    }
    try ClusterCreator(
      nameFlag: resolveClusterName(name, fallback: nil), configPath: config, image: image, retain: retain,
      wait: waitSeconds, kubeconfigPath: kubeconfig ?? ""
    ).create()
  }
}

struct DeleteClusterCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "cluster", abstract: "Deletes a cluster")

  @Option(name: [.short, .long], help: "the cluster name") var name: String?
  @Option(help: "sets kubeconfig path instead of $KUBECONFIG or $HOME/.kube/config") var kubeconfig: String?

  func run() throws {
    let cluster = resolveClusterName(name) ?? "kind"
    Log.info("Deleting cluster \"\(cluster)\" ...")
    do {
      try ClusterDeleter.delete(name: cluster, explicitKubeconfig: kubeconfig ?? "")
    } catch let error as KindError {
      throw KindError("failed to delete cluster \"\(cluster)\": \(error.message)")
    }
  }
}

struct DeleteClustersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "clusters", abstract: "Deletes one or more clusters")

  @Flag(name: [.short, .long], help: "delete all clusters") var all = false
  @Option(help: "sets kubeconfig path instead of $KUBECONFIG or $HOME/.kube/config") var kubeconfig: String?
  @Argument var names: [String] = []

  func run() throws {
    let targets = all ? try ClusterStore().list() : names
    var deleted: [String] = []
    for cluster in targets {
      do {
        try ClusterDeleter.delete(name: cluster, explicitKubeconfig: kubeconfig ?? "")
        deleted.append(cluster)
      } catch let error as KindError {
        Log.error("ERROR: failed to delete cluster \"\(cluster)\": \(error.message)")
      }
    }
    Log.info("Deleted clusters: \(goQuoted(deleted))")
    if deleted.count != targets.count { throw KindError("failed to delete some clusters") }
  }
}

struct GetClustersCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "clusters", abstract: "Lists existing kind clusters by their name")

  func run() throws {
    let clusters = try ClusterStore().list()
    if clusters.isEmpty {
      Log.info("No kind clusters found.")
      return
    }
    for cluster in clusters { print(cluster) }
  }
}

struct GetNodesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "nodes", abstract: "Lists existing kind nodes by their name")

  @Option(name: [.short, .long], help: "the cluster context name") var name: String?
  @Flag(name: [.customShort("A"), .long], help: "list the nodes of all clusters") var allClusters = false

  func run() throws {
    let store = ClusterStore()
    if allClusters {
      let nodes = try store.list().flatMap { store.nodeNames(cluster: $0) }
      if nodes.isEmpty {
        Log.info("No kind nodes for any cluster.")
        return
      }
      for node in nodes { print(node) }
      return
    }
    let cluster = resolveClusterName(name) ?? "kind"
    let nodes = store.nodeNames(cluster: cluster)
    if nodes.isEmpty {
      Log.info("No kind nodes found for cluster \"\(cluster)\".")
      return
    }
    for node in nodes { print(node) }
  }
}

struct GetKubeconfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(commandName: "kubeconfig", abstract: "Prints cluster kubeconfig")

  @Option(name: [.short, .long], help: "the cluster context name") var name: String?
  @Flag(name: .customLong("internal"), help: "use internal address instead of external") var internalAddress = false

  func run() throws {
    let cluster = resolveClusterName(name) ?? "kind"
    let config = try KubeconfigFiles.kindConfig(for: ClusterStore().requireState(cluster), internal: internalAddress)
    // kind prints the encoded kubeconfig with Println: the document, then an empty line.
    print(try KubeconfigFiles.encode(config))
  }
}

struct ExportKubeconfigCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "kubeconfig", abstract: "Exports cluster kubeconfig")

  @Option(name: [.short, .long], help: "the cluster context name") var name: String?
  @Option(help: "sets kubeconfig path instead of $KUBECONFIG or $HOME/.kube/config") var kubeconfig: String?
  @Flag(name: .customLong("internal"), help: "use internal address instead of external") var internalAddress = false

  func run() throws {
    let cluster = resolveClusterName(name) ?? "kind"
    let config = try KubeconfigFiles.kindConfig(for: ClusterStore().requireState(cluster), internal: internalAddress)
    try KubeconfigFiles.writeMerged(config, explicitPath: kubeconfig ?? "")
    Log.info("Set kubectl context to \"\(KubeconfigFiles.key(cluster))\"")
  }
}

/// Go's `%q` of a string slice: `["a" "b"]`.
func goQuoted(_ items: [String]) -> String {
  "[" + items.map { "\"\($0)\"" }.joined(separator: " ") + "]"
}
