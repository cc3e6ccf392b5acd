import Foundation

/// The kind-compatible test tool (`dokaseca-kind`) built with the provider: real Kubernetes
/// control planes on loopback in place of Docker containers. Each instance keeps its clusters
/// in its own home directory so tests do not see each other's clusters.
public struct KindTestTool: Sendable {
  public let home: URL

  /// With `TF_ACC=1` the acceptance run drives the real `kind` (and Docker) on PATH.
  public static let isAcceptance = ProcessInfo.processInfo.environment["TF_ACC"] == "1"

  /// The executable: the test tool next to the provider binary, or the real `kind` on PATH
  /// in acceptance runs.
  public static var path: String {
    if isAcceptance {
      return SearchPath.executables(named: "kind").first ?? "kind"
    }
    return URL(fileURLWithPath: ProviderBinary.path).deletingLastPathComponent().appendingPathComponent("dokaseca-kind")
      .path
  }

  /// Whether the control-plane binaries the tool starts are installed
  /// (`scripts/install-kube-control-plane.sh`).
  public static var isUsable: Bool {
    if isAcceptance { return FileManager.default.isExecutableFile(atPath: path) }
    return ["etcd", "kube-apiserver"].allSatisfy {
      FileManager.default.isExecutableFile(atPath: kubeBinaries + "/" + $0)
    }
      && FileManager.default.isExecutableFile(atPath: path)
  }

  /// Where the control-plane binaries are, resolved once: Terraform workspaces get a HOME of
  /// their own, so the tool must not look under HOME itself.
  public static let kubeBinaries: String = {
    let environment = ProcessInfo.processInfo.environment
    return environment["DOKASECA_KUBE_BIN"] ?? environment["KUBEBUILDER_ASSETS"]
      ?? FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/dokaseca/kube/1.20.2/bin").path
  }()

  public init() throws {
    home = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-kind-\(UUID().uuidString.prefix(8))")
    try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
  }

  /// What a Terraform run needs to drive this tool as `kind`.
  public var environment: [String: String] {
    ["DOKASECA_KIND_HOME": home.path, "DOKASECA_KUBE_BIN": Self.kubeBinaries]
  }

  /// Runs the tool as a person runs `kind`.
  @discardableResult
  public func run(_ arguments: String...) throws -> ProcessResult {
    var environment = ProcessInfo.processInfo.environment
    environment.merge(self.environment) { $1 }
    return try ProcessRunner.run(Self.path, arguments, environment: environment)
  }

  /// Deletes every cluster left behind and the home directory.
  public func removeAll() {
    if let clusters = try? run("get", "clusters").standardOutput {
      for name in clusters.split(separator: "\n") { _ = try? run("delete", "cluster", "--name", String(name)) }
    }
    try? FileManager.default.removeItem(at: home)
  }
}
