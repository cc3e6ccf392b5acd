public import TerraformProviderFramework
import TerraformValues

/// The DoKa Seca provider: Kind clusters, addon flags, and the GitOps Bridge that joins them.
public struct DokaSecaProvider: Provider {
  /// Where Terraform finds the provider when it is installed from a mirror.
  public static let registryAddress = "registry.terraform.io/dokaseca/dokaseca"

  public init() {}

  public var typeName: String { "dokaseca" }

  public var schema: Schema {
    Schema(
      description: "DoKa Seca: local Kind platforms with ArgoCD through the GitOps Bridge, in one apply.",
      attributes: ProviderSettings.attributes)
  }

  public var resources: [any Resource] { [AddonsResource(), ClusterResource(), GitOpsBridgeResource()] }
  public var dataSources: [any DataSource] { [AddonCatalogDataSource()] }

  public func configure(_ request: ConfigureProviderRequest, _ response: inout ConfigureProviderResponse) async {
    response.providerData = ProviderSettings(config: request.config, environment: ProcessEnvironment.current)
  }
}
