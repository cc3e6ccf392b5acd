import Kind
import TerraformProviderFramework
import TerraformValues

/// What the `provider "dokaseca"` block configures, handed to every operation.
struct ProviderSettings: Sendable {
  /// The `kind` executable; `nil` means search PATH.
  var kindPath: String?
  /// The environment commands run with (PATH, HOME, DOCKER_HOST, KUBECONFIG…).
  var environment: [String: String]

  static let attributes = [
    Attribute(
      "kind_path", type: .string, .optional,
      description: "Path to the kind executable. Defaults to the first kind on PATH. `~` is expanded.")
  ]

  init(config: Value, environment: [String: String]) {
    kindPath = config[attribute: "kind_path"].stringValue
    self.environment = environment
  }

  /// The settings of an operation, or the defaults when the provider was not configured (as
  /// during `terraform import` in Terraform versions that skip configuration).
  static func of(_ context: OperationContext) -> ProviderSettings {
    context.providerData as? ProviderSettings
      ?? ProviderSettings(config: .null, environment: ProcessEnvironment.current)
  }

  /// The `kind` CLI these settings name.
  func kind() throws(KindError) -> KindCLI {
    try KindCLI(path: kindPath, environment: environment)
  }
}
