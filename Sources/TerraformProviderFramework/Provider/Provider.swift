public import TerraformValues

/// A provider: its configuration schema and the resource and data-source types it serves.
public protocol Provider: Sendable {
  /// The provider's local name, the prefix of its type names (`dokaseca`).
  var typeName: String { get }
  var schema: Schema { get }
  var resources: [any Resource] { get }
  var dataSources: [any DataSource] { get }

  /// Reads the provider block; the response's `providerData` reaches every later operation.
  func configure(_ request: ConfigureProviderRequest, _ response: inout ConfigureProviderResponse) async
}

public struct ConfigureProviderRequest: Sendable {
  public var config: Value
  /// The Terraform (or OpenTofu) version, e.g. `1.11.4`.
  public var terraformVersion: String
}

public struct ConfigureProviderResponse: Sendable {
  public var providerData: (any Sendable)?
  public var diagnostics: Diagnostics
}
