import TerraformPluginProtocol
import TerraformValues

extension ProviderService {
  func validateProviderConfig(_ request: Tfplugin6_ValidateProviderConfig.Request)
    -> Tfplugin6_ValidateProviderConfig.Response
  {
    var response = Tfplugin6_ValidateProviderConfig.Response()
    response.diagnostics = validate(request.config, against: provider.schema) { _ in [] }
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

  func validateResourceConfig(_ request: Tfplugin6_ValidateResourceConfig.Request)
    -> Tfplugin6_ValidateResourceConfig.Response
  {
    var response = Tfplugin6_ValidateResourceConfig.Response()
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    response.diagnostics = validate(request.config, against: resource.schema, resource.validate(config:))
    return response
  }

  func validateDataResourceConfig(_ request: Tfplugin6_ValidateDataResourceConfig.Request)
    -> Tfplugin6_ValidateDataResourceConfig.Response
  {
    var response = Tfplugin6_ValidateDataResourceConfig.Response()
    guard let dataSource = dataSources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "data source").protocolDiagnostics
      return response
    }
    response.diagnostics = validate(request.config, against: dataSource.schema, dataSource.validate(config:))
    return response
  }

  /// Decodes a configuration, runs the schema's attribute validators, then the type's own checks.
  private func validate(
    _ config: Tfplugin6_DynamicValue, against schema: Schema, _ check: (Value) -> Diagnostics
  ) -> [Tfplugin6_Diagnostic] {
    do {
      let value = try config.decoded(as: schema.valueType)
      var diagnostics = schema.validatorDiagnostics(for: value)
      diagnostics.append(contentsOf: check(value))
      return diagnostics.protocolDiagnostics
    } catch {
      return [error.diagnostic("configuration").protocolDiagnostic]
    }
  }
}
