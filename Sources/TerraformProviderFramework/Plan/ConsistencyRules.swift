import TerraformValues

/// The plan and apply rules Terraform enforces on providers (`objchange.AssertPlanValid`,
/// `AssertObjectCompatible`), checked before a value leaves the provider so a resource bug is
/// reported as an error naming the attribute instead of Terraform's "Provider produced
/// inconsistent result".
enum ConsistencyRules {
  /// A planned value must keep every configured value and leave unset non-computed attributes null.
  static func planErrors(schema: Schema, config: Value, planned: Value) -> [Diagnostic] {
    guard !planned.isNull else { return [] }
    var errors: [Diagnostic] = []
    check(
      ObjectShape(attributes: schema.attributes, blocks: schema.blocks), config: config, planned: planned, path: .root,
      into: &errors)
    for failure in planned.conformanceErrors(to: schema.valueType) {
      errors.append(providerBug("planned a value of the wrong type: \(failure.message)", at: failure.path))
    }
    return errors
  }

  private static func check(
    _ shape: ObjectShape, config: Value, planned: Value, path: AttributePath, into errors: inout [Diagnostic]
  ) {
    for attribute in shape.attributes {
      let here = path.attribute(attribute.name)
      let configured = config[attribute: attribute.name]
      let plannedValue = planned[attribute: attribute.name]
      if configured.isNull {
        if !attribute.usage.isComputed && !plannedValue.isNull {
          errors.append(providerBug("planned a value for an attribute the configuration leaves unset", at: here))
        }
      } else if case .nested(let nested) = attribute.kind, configured.isKnown {
        let inner = ObjectShape(attributes: nested.attributes, blocks: [])
        switch (nested.nesting, configured, plannedValue) {
        case (.single, _, _):
          check(inner, config: configured, planned: plannedValue, path: here, into: &errors)
        case (.list, .list(let configuredElements), .list(let plannedElements))
        where configuredElements.count == plannedElements.count:
          for (index, pair) in zip(configuredElements, plannedElements).enumerated() {
            check(inner, config: pair.0, planned: pair.1, path: here.index(index), into: &errors)
          }
        case (.map, .map(let configuredElements), .map(let plannedElements))
        where Set(configuredElements.keys) == Set(plannedElements.keys):
          for (key, element) in configuredElements {
            check(inner, config: element, planned: plannedElements[key] ?? .null, path: here.key(key), into: &errors)
          }
        case (.set, _, _):
          // Set elements have no identity to pair configuration and plan by.
          break
        default:
          errors.append(providerBug("planned a different number of elements than configured", at: here))
        }
      } else if configured != plannedValue {
        errors.append(providerBug("planned a value other than the configured one", at: here))
      }
    }
  }

  /// The result of an apply must be wholly known and keep every value the plan knew.
  static func applyErrors(planned: Value, newState: Value) -> [Diagnostic] {
    var errors = newState.unknownPaths().map {
      providerBug("left a value unknown after apply", at: $0)
    }
    compare(planned: planned, actual: newState, path: .root, into: &errors)
    return errors
  }

  private static func compare(planned: Value, actual: Value, path: AttributePath, into errors: inout [Diagnostic]) {
    switch (planned, actual) {
    case (.unknown, _):
      return
    case (.object(let plannedAttributes), .object(let actualAttributes)):
      for (name, value) in plannedAttributes {
        compare(planned: value, actual: actualAttributes[name] ?? .null, path: path.attribute(name), into: &errors)
      }
    case (.list(let plannedElements), .list(let actualElements)) where plannedElements.count == actualElements.count,
      (.tuple(let plannedElements), .tuple(let actualElements)) where plannedElements.count == actualElements.count:
      for (index, pair) in zip(plannedElements, actualElements).enumerated() {
        compare(planned: pair.0, actual: pair.1, path: path.index(index), into: &errors)
      }
    case (.map(let plannedElements), .map(let actualElements))
    where Set(plannedElements.keys) == Set(actualElements.keys):
      for (key, value) in plannedElements {
        compare(planned: value, actual: actualElements[key] ?? .null, path: path.key(key), into: &errors)
      }
    case (.set, _) where !planned.isWhollyKnown:
      // Set elements with unknowns cannot be paired; Terraform checks only their count.
      if planned.elements?.count != actual.elements?.count {
        errors.append(providerBug("returned a different number of set elements than planned", at: path))
      }
    default:
      if planned != actual {
        errors.append(providerBug("returned a value other than the planned one", at: path))
      }
    }
  }

  private static func providerBug(_ what: String, at path: AttributePath) -> Diagnostic {
    .error(
      "Provider bug: \(path.steps.isEmpty ? "the object" : path.description) inconsistent",
      detail: "The provider \(what). This is a bug in the provider, not in your configuration; please report it.",
      attribute: path.steps.isEmpty ? nil : path)
  }
}
