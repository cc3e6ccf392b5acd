import TerraformValues

/// Turns Terraform's proposed new state into the plan a framework resource starts from, the way
/// terraform-plugin-framework does: defaults for unset attributes, prior values for unset
/// computed ones, and, when the object changes, unknown for every computed attribute the
/// configuration leaves unset unless it keeps its prior value by `useStateForUnknown`.
struct ResourcePlanner: Sendable {
  let schema: Schema

  func plan(proposed: Value, config: Value, prior: Value) -> Value {
    let shape = ObjectShape(attributes: schema.attributes, blocks: schema.blocks)
    let settled = Self.settle(shape, config: config, planned: proposed, prior: prior)
    // An unchanged configuration yields exactly the prior state: an empty plan, no unknowns.
    if !prior.isNull && settled == prior { return settled }
    return Self.markComputedUnknown(shape, config: config, planned: settled, prior: prior)
  }

  /// Top-level attributes marked `requiresReplace` whose planned value differs from the prior one.
  func replacementPaths(planned: Value, prior: Value) -> [AttributePath] {
    guard !prior.isNull else { return [] }
    return schema.attributes.filter { $0.planModifiers.contains(.requiresReplace) }.compactMap { attribute in
      planned[attribute: attribute.name] == prior[attribute: attribute.name] ? nil : AttributePath(attribute.name)
    }
  }

  /// Defaults for unset attributes, and the prior value for unset computed ones. Terraform
  /// proposes prior values itself for plain attributes but not inside nested attributes, so
  /// doing it here keeps both alike.
  private static func settle(_ shape: ObjectShape, config: Value, planned: Value, prior: Value) -> Value {
    guard case .object = planned else { return planned }
    var result = planned
    for attribute in shape.attributes {
      let configured = config[attribute: attribute.name]
      let priorValue = prior[attribute: attribute.name]
      if configured.isNull, let defaultValue = attribute.defaultValue {
        result = result.settingAttribute(attribute.name, to: defaultValue)
      } else if configured.isNull && attribute.usage.isComputed {
        if !prior.isNull { result = result.settingAttribute(attribute.name, to: priorValue) }
      } else if case .nested(let nested) = attribute.kind {
        let inner = ObjectShape(attributes: nested.attributes, blocks: [])
        var proposed = result[attribute: attribute.name]
        // Terraform 1.0 to 1.2 propose null for an empty nested map or list the configuration
        // sets (`repositories = {}`); the plan must keep what is configured.
        if proposed.isNull && !configured.isNull { proposed = configured }
        result = result.settingAttribute(
          attribute.name,
          to: eachNestedObject(nested.nesting, config: configured, planned: proposed, prior: priorValue) {
            settle(inner, config: $0, planned: $1, prior: $2)
          })
      }
    }
    return result
  }

  private static func markComputedUnknown(_ shape: ObjectShape, config: Value, planned: Value, prior: Value) -> Value {
    guard case .object = planned else { return planned }
    var result = planned
    for attribute in shape.attributes {
      let configured = config[attribute: attribute.name]
      if attribute.usage.isComputed && configured.isNull && attribute.defaultValue == nil {
        // useStateForUnknown keeps a value the object already had; a new object (or a new
        // element of a nested list) has none to keep.
        let keepsPrior = attribute.planModifiers.contains(.useStateForUnknown) && !prior.isNull
        if !keepsPrior { result = result.settingAttribute(attribute.name, to: .unknownValue) }
      } else if case .nested(let nested) = attribute.kind {
        let inner = ObjectShape(attributes: nested.attributes, blocks: [])
        result = result.settingAttribute(
          attribute.name,
          to: eachNestedObject(
            nested.nesting, config: configured, planned: result[attribute: attribute.name],
            prior: prior[attribute: attribute.name]
          ) {
            markComputedUnknown(inner, config: $0, planned: $1, prior: $2)
          })
      }
    }
    return result
  }

  /// Applies `transform` to each nested object of a nested attribute, pairing configuration,
  /// plan and prior state by position or key. Sets are left alone: their elements have no
  /// identity to pair by.
  private static func eachNestedObject(
    _ nesting: NestedAttributes.Nesting, config: Value, planned: Value, prior: Value,
    _ transform: (Value, Value, Value) -> Value
  ) -> Value {
    switch (nesting, config, planned) {
    case (.single, _, .object): return transform(config, planned, prior)
    case (.list, .list(let configured), .list(let elements)) where configured.count == elements.count:
      let priorElements = prior.elements ?? []
      return .list(
        elements.indices.map {
          transform(configured[$0], elements[$0], $0 < priorElements.count ? priorElements[$0] : .null)
        })
    case (.map, .map(let configured), .map(let elements)):
      let priorElements = prior.mapElements ?? [:]
      return .map(
        elements.reduce(into: [:]) {
          $0[$1.key] = transform(configured[$1.key] ?? .null, $1.value, priorElements[$1.key] ?? .null)
        })
    default: return planned
    }
  }
}
