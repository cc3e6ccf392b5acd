public import TerraformProviderFramework
import TerraformValues

/// The DoKa Seca provider: addon flags today; Kind clusters and the GitOps Bridge build on it.
public struct DokaSecaProvider: Provider {
  /// Where Terraform finds the provider when it is installed from a mirror.
  public static let registryAddress = "registry.terraform.io/dokaseca/dokaseca"

  public init() {}

  public var typeName: String { "dokaseca" }

  public var schema: Schema {
    Schema(
      description: "DoKa Seca: local Kind platforms with ArgoCD through the GitOps Bridge, in one apply.",
      attributes: [])
  }

  public var resources: [any Resource] { [AddonsResource()] }
  public var dataSources: [any DataSource] { [AddonCatalogDataSource()] }

  public func configure(_ request: ConfigureProviderRequest, _ response: inout ConfigureProviderResponse) async {}
}
