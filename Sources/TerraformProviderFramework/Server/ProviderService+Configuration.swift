import TerraformPluginProtocol
import TerraformValues

extension ProviderService {
  func validateProviderConfig(_ request: Tfplugin6_ValidateProviderConfig.Request) -> Tfplugin6_ValidateProviderConfig.Response {
    var response = Tfplugin6_ValidateProviderConfig.Response()
    do {
      let config = try request.config.decoded(as: provider.schema.valueType)
      response.diagnostics = provider.schema.validatorDiagnostics(for: config).protocolDiagnostics
    } catch {
      response.diagnostics = [error.diagnostic("provider configuration").protocolDiagnostic]
    }
    return response
  }

  func configureProvider(_ request: Tfplugin6_ConfigureProvider.Request) async -> Tfplugin6_ConfigureProvider.Response {
    var response = Tfplugin6_ConfigureProvider.Response()
    let config: Value
    do {
      config = try request.config.decoded(as: provider.schema.valueType)
    } catch {
      response.diagnostics = [error.diagnostic("provider configuration").protocolDiagnostic]
      return response
    }
    var configured = ConfigureProviderResponse(providerData: nil, diagnostics: [])
    await provider.configure(
      ConfigureProviderRequest(config: config, terraformVersion: request.terraformVersion), &configured)
    setProviderData(configured.providerData)
    logger.debug("Provider configured", metadata: ["terraform_version": "\(request.terraformVersion)"])
    response.diagnostics = configured.diagnostics.protocolDiagnostics
    return response
  }

  func validateResourceConfig(_ request: Tfplugin6_ValidateResourceConfig.Request) -> Tfplugin6_ValidateResourceConfig.Response {
    var response = Tfplugin6_ValidateResourceConfig.Response()
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    do {
      let config = try request.config.decoded(as: resource.schema.valueType)
      var diagnostics = resource.schema.validatorDiagnostics(for: config)
      diagnostics.append(contentsOf: resource.validate(config: config))
      response.diagnostics = diagnostics.protocolDiagnostics
    } catch {
      response.diagnostics = [error.diagnostic("configuration").protocolDiagnostic]
    }
    return response
  }

  func validateDataResourceConfig(_ request: Tfplugin6_ValidateDataResourceConfig.Request) -> Tfplugin6_ValidateDataResourceConfig.Response {
    var response = Tfplugin6_ValidateDataResourceConfig.Response()
    guard let dataSource = dataSources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "data source").protocolDiagnostics
      return response
    }
    do {
      let config = try request.config.decoded(as: dataSource.schema.valueType)
      var diagnostics = dataSource.schema.validatorDiagnostics(for: config)
      diagnostics.append(contentsOf: dataSource.validate(config: config))
      response.diagnostics = diagnostics.protocolDiagnostics
    } catch {
      response.diagnostics = [error.diagnostic("configuration").protocolDiagnostic]
    }
    return response
  }
}
