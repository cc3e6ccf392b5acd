import Foundation
import TerraformPluginProtocol
import TerraformValues

extension ProviderService {
  func upgradeResourceState(_ request: Tfplugin6_UpgradeResourceState.Request) async
    -> Tfplugin6_UpgradeResourceState.Response
  {
    var response = Tfplugin6_UpgradeResourceState.Response()
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    let type = resource.schema.valueType
    guard !request.rawState.json.isEmpty else {
      response.diagnostics = [
        Diagnostic.error(
          "Unsupported state format",
          detail:
            "\(request.typeName) state is stored in the legacy flatmap format, which this provider never wrote. Remove the resource from state and import it again."
        ).protocolDiagnostic
      ]
      return response
    }
    let rawState: Value
    do {
      rawState = try Value(json: request.rawState.json, as: type)
    } catch {
      response.diagnostics = [error.diagnostic("stored state").protocolDiagnostic]
      return response
    }
    var upgraded = UpgradeStateResponse(state: .null, diagnostics: [])
    await resource.upgradeState(
      UpgradeStateRequest(version: request.version, rawState: rawState, context: context), &upgraded)
    response.diagnostics = upgraded.diagnostics.protocolDiagnostics
    if !upgraded.diagnostics.hasErrors {
      response.upgradedState = encode(upgraded.state, as: type, into: &response.diagnostics)
    }
    return response
  }

  func readResource(_ request: Tfplugin6_ReadResource.Request) async -> Tfplugin6_ReadResource.Response {
    var response = Tfplugin6_ReadResource.Response()
    response.`private` = request.`private`
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    let type = resource.schema.valueType
    let state: Value
    do {
      state = try request.currentState.decoded(as: type)
    } catch {
      response.diagnostics = [error.diagnostic("state").protocolDiagnostic]
      return response
    }
    var read = ReadResponse(state: state, diagnostics: [])
    await resource.read(ReadRequest(state: state, context: context), &read)
    if read.diagnostics.hasErrors {
      // A failed refresh keeps the prior state: losing track of a real object is worse than a
      // stale attribute.
      read.state = state
    }
    for path in read.state.unknownPaths() {
      read.diagnostics.append(
        .error(
          "Provider bug: \(path) unknown after refresh", detail: "A refreshed state must be wholly known.",
          attribute: path))
      read.state = read.state.replacingUnknownsWithNull()
    }
    response.diagnostics = read.diagnostics.protocolDiagnostics
    response.newState = encode(read.state, as: type, into: &response.diagnostics)
    return response
  }

  func planResourceChange(_ request: Tfplugin6_PlanResourceChange.Request) async
    -> Tfplugin6_PlanResourceChange.Response
  {
    var response = Tfplugin6_PlanResourceChange.Response()
    response.plannedPrivate = request.priorPrivate
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    let schema = resource.schema
    let type = schema.valueType
    let prior: Value, proposed: Value, config: Value
    do {
      prior = try request.priorState.decoded(as: type)
      proposed = try request.proposedNewState.decoded(as: type)
      config = try request.config.decoded(as: type)
    } catch {
      response.diagnostics = [error.diagnostic("plan request").protocolDiagnostic]
      return response
    }
    // Destroy: without the plan_destroy capability Terraform plans it itself, but answer
    // correctly should it ask.
    guard !proposed.isNull else {
      response.plannedState = encode(.null, as: type, into: &response.diagnostics)
      return response
    }
    let planner = ResourcePlanner(schema: schema)
    var modified = ModifyPlanResponse(
      plannedState: planner.plan(proposed: proposed, config: config, prior: prior), requiresReplace: [], diagnostics: []
    )
    await resource.modifyPlan(ModifyPlanRequest(config: config, priorState: prior, context: context), &modified)
    var diagnostics = modified.diagnostics
    if !diagnostics.hasErrors {
      diagnostics.append(
        contentsOf: ConsistencyRules.planErrors(schema: schema, config: config, planned: modified.plannedState))
    }
    response.diagnostics = diagnostics.protocolDiagnostics
    guard !diagnostics.hasErrors else { return response }
    response.plannedState = encode(modified.plannedState, as: type, into: &response.diagnostics)
    let replacements = Array(
      Set(planner.replacementPaths(planned: modified.plannedState, prior: prior) + modified.requiresReplace)
    )
    .sorted { $0.description < $1.description }
    response.requiresReplace = replacements.map(\.protocolPath)
    // Names only: values may be sensitive.
    let changed = schema.attributes.map(\.name).filter { modified.plannedState[attribute: $0] != prior[attribute: $0] }
    logger.debug(
      "Planned \(request.typeName)",
      metadata: [
        "changed": "\(prior.isNull ? ["(create)"] : changed)", "requires_replace": "\(replacements.map(\.description))",
      ])
    return response
  }

  func applyResourceChange(_ request: Tfplugin6_ApplyResourceChange.Request) async
    -> Tfplugin6_ApplyResourceChange.Response
  {
    var response = Tfplugin6_ApplyResourceChange.Response()
    response.`private` = request.plannedPrivate
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    let type = resource.schema.valueType
    let prior: Value, planned: Value, config: Value
    do {
      prior = try request.priorState.decoded(as: type)
      planned = try request.plannedState.decoded(as: type)
      config = try request.config.decoded(as: type)
    } catch {
      response.diagnostics = [error.diagnostic("apply request").protocolDiagnostic]
      return response
    }
    var newState: Value
    var diagnostics: Diagnostics
    if planned.isNull {
      var deleted = DeleteResponse(diagnostics: [])
      await resource.delete(DeleteRequest(priorState: prior, context: context), &deleted)
      diagnostics = deleted.diagnostics
      // A failed delete keeps the object in state so that a later destroy can finish it.
      newState = diagnostics.hasErrors ? prior : .null
    } else if prior.isNull {
      var created = CreateResponse(state: .null, diagnostics: [])
      await resource.create(CreateRequest(config: config, plannedState: planned, context: context), &created)
      (newState, diagnostics) = (created.state, created.diagnostics)
    } else {
      var updated = UpdateResponse(state: planned, diagnostics: [])
      await resource.update(
        UpdateRequest(config: config, plannedState: planned, priorState: prior, context: context), &updated)
      (newState, diagnostics) = (updated.state, updated.diagnostics)
      // An update that failed before changing anything must not lose the object.
      if diagnostics.hasErrors && newState.isNull { newState = prior }
    }
    if !planned.isNull && !newState.isNull {
      if !diagnostics.hasErrors {
        diagnostics.append(contentsOf: ConsistencyRules.applyErrors(planned: planned, newState: newState))
      }
      newState = newState.replacingUnknownsWithNull()
    }
    response.diagnostics = diagnostics.protocolDiagnostics
    response.newState = encode(newState, as: type, into: &response.diagnostics)
    return response
  }

  func importResourceState(_ request: Tfplugin6_ImportResourceState.Request) async
    -> Tfplugin6_ImportResourceState.Response
  {
    var response = Tfplugin6_ImportResourceState.Response()
    guard let resource = resources[request.typeName] else {
      response.diagnostics = unknownType(request.typeName, kind: "resource").protocolDiagnostics
      return response
    }
    var imported = ImportResponse(state: .null, diagnostics: [])
    await resource.importState(ImportRequest(id: request.id, context: context), &imported)
    response.diagnostics = imported.diagnostics.protocolDiagnostics
    guard !imported.diagnostics.hasErrors else { return response }
    var importedResource = Tfplugin6_ImportResourceState.ImportedResource()
    importedResource.typeName = request.typeName
    importedResource.state = encode(imported.state, as: resource.schema.valueType, into: &response.diagnostics)
    response.importedResources = [importedResource]
    return response
  }

  /// Encodes a value the provider produced; a value that does not fit its own schema is a
  /// provider bug reported as a diagnostic rather than a crash.
  func encode(_ value: Value, as type: CtyType, into diagnostics: inout [Tfplugin6_Diagnostic])
    -> Tfplugin6_DynamicValue
  {
    do {
      return try Tfplugin6_DynamicValue(value, as: type)
    } catch {
      diagnostics.append(
        Diagnostic.error(
          "Provider bug: invalid value at \(error.path)",
          detail: "The provider produced a value that does not fit its schema: \(error.message).",
          attribute: error.path.steps.isEmpty ? nil : error.path
        ).protocolDiagnostic)
      return Tfplugin6_DynamicValue()
    }
  }
}
