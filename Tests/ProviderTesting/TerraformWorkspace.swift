import Foundation

/// A Terraform working directory for one end-to-end test: a configuration, a CLI configuration
/// that installs the provider from the test mirror only, and the commands a person would run.
public struct TerraformWorkspace: Sendable {
  public let terraform: TerraformBinary
  public let directory: URL
  public let cliConfiguration: URL
  /// Variables every command (and so the provider) gets, such as the kind test tool's home.
  public let environment: [String: String]

  public init(terraform: TerraformBinary, configuration: String, environment: [String: String] = [:]) throws {
    self.terraform = terraform
    self.environment = environment
    directory = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    cliConfiguration = directory.appendingPathComponent("terraform.rc")
    let mirror = ProviderBinary.mirror.path
    try """
    provider_installation {
      filesystem_mirror {
        path    = "\(mirror)"
        include = ["registry.terraform.io/dokaseca/*"]
      }
    }
    """.write(to: cliConfiguration, atomically: true, encoding: .utf8)
    try write(configuration)
  }

  /// Replaces the configuration (`main.tf`).
  public func write(_ configuration: String) throws {
    let header = """
      terraform {
        required_providers {
          dokaseca = { source = "registry.terraform.io/dokaseca/dokaseca" }
        }
      }

      """
    try (header + configuration).write(
      to: directory.appendingPathComponent("main.tf"), atomically: true, encoding: .utf8)
  }

  /// Runs `terraform <arguments>` in the workspace, non-interactively.
  @discardableResult
  public func run(_ arguments: String..., environment extra: [String: String] = [:]) throws -> ProcessResult {
    try run(arguments, environment: extra)
  }

  /// Runs `terraform <arguments>` in the workspace, non-interactively.
  @discardableResult
  public func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> ProcessResult {
    var environment = [
      "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
      "HOME": directory.path,
      "TF_CLI_CONFIG_FILE": cliConfiguration.path,
      "TF_IN_AUTOMATION": "1",
      "TF_INPUT": "0",
      "CHECKPOINT_DISABLE": "1",
      "NO_COLOR": "1",
    ]
    environment.merge(self.environment) { $1 }
    environment.merge(extra) { $1 }
    var arguments = arguments
    if ["init", "plan", "apply", "destroy", "import", "refresh"].contains(arguments.first ?? "") {
      arguments.insert("-no-color", at: 1)
    }
    return try ProcessRunner.run(terraform.path, arguments, environment: environment, directory: directory)
  }

  /// `terraform init`, `apply -auto-approve`, and so on, as shorthands.
  public func initialize() throws -> ProcessResult { try run("init") }
  public func apply() throws -> ProcessResult { try run("apply", "-auto-approve") }
  public func destroy() throws -> ProcessResult { try run("destroy", "-auto-approve") }
  /// Exit code 0: no changes; 2: changes; 1: error.
  public func planExitCode() throws -> ProcessResult { try run("plan", "-detailed-exitcode") }

  /// The state as `terraform show -json` prints it.
  public func state() throws -> [String: Any] {
    let result = try run("show", "-json")
    guard result.exitCode == 0 else { throw WorkspaceError.commandFailed(result.combinedOutput) }
    return (try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]) ?? [:]
  }

  /// The attribute values of resource `address` (e.g. `dokaseca_addons.hub`) in the state.
  public func attributes(of address: String) throws -> [String: Any]? {
    let values = try state()["values"] as? [String: Any]
    let resources = (values?["root_module"] as? [String: Any])?["resources"] as? [[String: Any]] ?? []
    return resources.first { $0["address"] as? String == address }?["values"] as? [String: Any]
  }

  public func remove() { try? FileManager.default.removeItem(at: directory) }
}

public enum WorkspaceError: Error {
  case commandFailed(String)
}
