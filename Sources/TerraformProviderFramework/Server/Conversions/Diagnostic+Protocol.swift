import TerraformPluginProtocol
import TerraformValues

extension Diagnostics {
  var protocolDiagnostics: [Tfplugin6_Diagnostic] { items.map(\.protocolDiagnostic) }
}

extension Diagnostic {
  var protocolDiagnostic: Tfplugin6_Diagnostic {
    var diagnostic = Tfplugin6_Diagnostic()
    diagnostic.severity = severity == .error ? .error : .warning
    diagnostic.summary = summary
    diagnostic.detail = detail
    if let attribute, !attribute.steps.isEmpty { diagnostic.attribute = attribute.protocolPath }
    return diagnostic
  }
}

extension AttributePath {
  var protocolPath: Tfplugin6_AttributePath {
    var path = Tfplugin6_AttributePath()
    path.steps = steps.map { step in
      var protocolStep = Tfplugin6_AttributePath.Step()
      switch step {
      case .attribute(let name): protocolStep.attributeName = name
      case .key(let key): protocolStep.elementKeyString = key
      case .index(let index): protocolStep.elementKeyInt = Int64(index)
      }
      return protocolStep
    }
    return path
  }
}
