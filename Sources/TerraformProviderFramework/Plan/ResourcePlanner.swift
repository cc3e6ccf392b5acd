import TerraformValues

/// Turns Terraform's proposed new state into the plan a framework resource starts from, the way
/// terraform-plugin-framework does: defaults for unset attributes, and, when the object changes,
/// unknown for every computed attribute the configuration leaves unset (unless it keeps its
/// prior value by `useStateForUnknown`).
struct ResourcePlanner: Sendable {
  let schema: Schema

  func plan(proposed: Value, config: Value, prior: Value) -> Value {
    let shape = ObjectShape(attributes: schema.attributes, blocks: schema.blocks)
    let withDefaults = Self.applyDefaults(shape, config: config, planned: proposed)
    // Terraform proposes prior values for unset computed attributes, so an unchanged
    // configuration yields exactly the prior state: an empty plan, no unknowns.
    if !prior.isNull && withDefaults == prior { return withDefaults }
    return Self.markComputedUnknown(shape, config: config, planned: withDefaults, hasPrior: !prior.isNull)
  }

  /// Top-level attributes marked `requiresReplace` whose planned value differs from the prior one.
  func replacementPaths(planned: Value, prior: Value) -> [AttributePath] {
    guard !prior.isNull else { return [] }
    return schema.attributes.filter { $0.planModifiers.contains(.requiresReplace) }.compactMap { attribute in
      planned[attribute: attribute.name] == prior[attribute: attribute.name] ? nil : AttributePath(attribute.name)
    }
  }

  private static func applyDefaults(_ shape: ObjectShape, config: Value, planned: Value) -> Value {
    guard case .object = planned else { return planned }
    var result = planned
    for attribute in shape.attributes {
      let configured = config[attribute: attribute.name]
      if configured.isNull, let defaultValue = attribute.defaultValue {
        result = result.settingAttribute(attribute.name, to: defaultValue)
      } else if case .nested(let nested) = attribute.kind {
        let inner = ObjectShape(attributes: nested.attributes, blocks: [])
        result = result.settingAttribute(
          attribute.name,
          to: eachNestedObject(nested.nesting, config: configured, planned: result[attribute: attribute.name]) {
            applyDefaults(inner, config: $0, planned: $1)
          })
      }
    }
    return result
  }

  private static func markComputedUnknown(_ shape: ObjectShape, config: Value, planned: Value, hasPrior: Bool) -> Value {
    guard case .object = planned else { return planned }
    var result = planned
    for attribute in shape.attributes {
      let configured = config[attribute: attribute.name]
      if attribute.usage.isComputed && configured.isNull && attribute.defaultValue == nil {
        let keepsPrior = hasPrior && attribute.planModifiers.contains(.useStateForUnknown)
        if !keepsPrior { result = result.settingAttribute(attribute.name, to: .unknownValue) }
      } else if case .nested(let nested) = attribute.kind {
        let inner = ObjectShape(attributes: nested.attributes, blocks: [])
        result = result.settingAttribute(
          attribute.name,
          to: eachNestedObject(nested.nesting, config: configured, planned: result[attribute: attribute.name]) {
            markComputedUnknown(inner, config: $0, planned: $1, hasPrior: hasPrior)
          })
      }
    }
    return result
  }

  /// Applies `transform` to each nested object of a nested attribute, pairing configuration and
  /// plan by position or key. Sets are left alone: their elements have no identity to pair by.
  private static func eachNestedObject(
    _ nesting: NestedAttributes.Nesting, config: Value, planned: Value, _ transform: (Value, Value) -> Value
  ) -> Value {
    switch (nesting, config, planned) {
    case (.single, _, .object): return transform(config, planned)
    case (.list, .list(let configured), .list(let elements)) where configured.count == elements.count:
      return .list(zip(configured, elements).map(transform))
    case (.map, .map(let configured), .map(let elements)):
      return .map(elements.reduce(into: [:]) { $0[$1.key] = transform(configured[$1.key] ?? .null, $1.value) })
    default: return planned
    }
  }
}
