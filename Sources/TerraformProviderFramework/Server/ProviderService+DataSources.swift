import TerraformPluginProtocol
import TerraformValues

extension ProviderService {
  func readDataSource(_ request: Tfplugin6_ReadDataSource.Request) async -> Tfplugin6_ReadDataSource.Response {
    var response = Tfplugin6_ReadDataSource.Response()
    guard let dataSource = dataSources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "data source").protocolDiagnostics
      return response
    }
    let type = dataSource.schema.valueType
    let config: Value
    do {
      config = try request.config.decoded(as: type)
    } catch {
      response.diagnostics = [error.diagnostic("configuration").protocolDiagnostic]
      return response
    }
    var read = DataSourceReadResponse(state: config, diagnostics: [])
    await dataSource.read(DataSourceReadRequest(config: config, context: context), &read)
    if !read.diagnostics.hasErrors {
      if read.state.isNull {
        read.diagnostics.addError(
          "Provider bug: \(request.typeName) read no object", detail: "A data source must return an object.")
      }
      for path in read.state.unknownPaths() {
        read.diagnostics.append(
          .error(
            "Provider bug: \(path) unknown after read", detail: "A data source result must be wholly known.",
            attribute: path))
      }
    }
    response.diagnostics = read.diagnostics.protocolDiagnostics
    if !read.diagnostics.hasErrors {
      response.state = encode(read.state, as: type, into: &response.diagnostics)
    }
    return response
  }
}
