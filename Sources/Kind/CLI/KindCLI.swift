import Foundation

/// The `kind` command line, driven exactly as a person would run it.
public struct KindCLI: Sendable {
  /// The resolved executable.
  public let executable: String
  let environment: [String: String]

  /// Finds `kind` at `path` (the provider's `kind_path`) or on PATH.
  public init(path: String?, environment: [String: String]) throws(KindError) {
    self.environment = environment
    if let path, !path.isEmpty {
      let expanded = Self.expandingTilde(path, environment: environment)
      guard FileManager.default.isExecutableFile(atPath: expanded) else { throw .notInstalled(searched: expanded) }
      executable = expanded
      return
    }
    let directories = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    guard
      let found = directories.map({ $0 + "/kind" }).first(where: { FileManager.default.isExecutableFile(atPath: $0) })
    else {
      throw .notInstalled(searched: "PATH: \(directories.joined(separator: ":"))")
    }
    executable = found
  }

  /// `kind version`, refusing a kind older than the provider supports.
  public func checkedVersion() async throws -> KindVersion {
    let output = try await run(["version"])
    guard let version = KindVersion(parsing: output.standardOutput) else {
      throw KindError.commandFailed(command: "kind version", exitCode: 0, output: "unrecognised output: \(output.text)")
    }
    guard version >= .minimum else { throw KindError.tooOld(found: version) }
    return version
  }

  /// `kind create cluster`. The kubeconfig goes to `kubeconfigPath`: kind merges the
  /// `kind-<name>` context into that file.
  public func createCluster(name: String, configuration: String, kubeconfigPath: String) async throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-kind-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    let file = directory.appendingPathComponent("cluster.yaml")
    try configuration.write(to: file, atomically: true, encoding: .utf8)
    _ = try await run(["create", "cluster", "--name", name, "--config", file.path, "--kubeconfig", kubeconfigPath])
  }

  /// `kind delete cluster`, which also removes the cluster's context from the kubeconfig.
  public func deleteCluster(name: String, kubeconfigPath: String?) async throws {
    var arguments = ["delete", "cluster", "--name", name]
    if let kubeconfigPath { arguments += ["--kubeconfig", kubeconfigPath] }
    _ = try await run(arguments)
  }

  /// `kind get clusters`.
  public func clusters() async throws -> [String] {
    try await run(["get", "clusters"]).standardOutput.split(separator: "\n").map {
      $0.trimmingCharacters(in: .whitespaces)
    }
    .filter { !$0.isEmpty }
  }

  /// `kind get kubeconfig`; `internal` gives the endpoint containers on the kind network use.
  public func kubeconfig(name: String, internal isInternal: Bool) async throws -> String {
    try await run(["get", "kubeconfig", "--name", name] + (isInternal ? ["--internal"] : [])).standardOutput
  }

  /// `kind get nodes`.
  public func nodes(name: String) async throws -> [String] {
    try await run(["get", "nodes", "--name", name]).standardOutput.split(separator: "\n").map(String.init)
      .filter { !$0.isEmpty }
  }

  private func run(_ arguments: [String]) async throws -> CommandOutput {
    let output = try await ProcessExecution.run(executable, arguments, environment: environment)
    guard output.exitCode == 0 else {
      throw KindError.classify(command: "kind " + arguments.joined(separator: " "), output: output)
    }
    return output
  }

  /// `~/x` as a shell expands it: users write kubeconfig paths that way.
  public static func expandingTilde(_ path: String, environment: [String: String]) -> String {
    guard path == "~" || path.hasPrefix("~/") else { return path }
    return (environment["HOME"] ?? NSHomeDirectory()) + path.dropFirst()
  }
}
