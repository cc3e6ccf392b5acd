import TerraformPluginProtocol

extension ProviderService {
  func providerSchema() -> Tfplugin6_GetProviderSchema.Response {
    var response = Tfplugin6_GetProviderSchema.Response()
    response.provider = provider.schema.protocolSchema
    response.resourceSchemas = resources.mapValues(\.schema.protocolSchema)
    response.dataSourceSchemas = dataSources.mapValues(\.schema.protocolSchema)
    // Schemas never change within a provider version, so Terraform may reuse a cached copy
    // instead of asking every one of the 3-4 processes it starts per command.
    response.serverCapabilities.getProviderSchemaOptional = true
    return response
  }

  func metadata() -> Tfplugin6_GetMetadata.Response {
    var response = Tfplugin6_GetMetadata.Response()
    response.resources = resources.keys.sorted().map {
      var metadata = Tfplugin6_GetMetadata.ResourceMetadata()
      metadata.typeName = $0
      return metadata
    }
    response.dataSources = dataSources.keys.sorted().map {
      var metadata = Tfplugin6_GetMetadata.DataSourceMetadata()
      metadata.typeName = $0
      return metadata
    }
    response.serverCapabilities.getProviderSchemaOptional = true
    return response
  }
}
