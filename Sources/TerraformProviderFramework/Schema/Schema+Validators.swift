public import TerraformValues

extension Schema {
  /// Runs every attribute validator on the known values of a configuration, nested ones
  /// included, each reporting at its own attribute path.
  public func validatorDiagnostics(for config: Value) -> Diagnostics {
    var diagnostics = Diagnostics()
    Self.runValidators(attributes, on: config, at: .root, into: &diagnostics)
    return diagnostics
  }

  private static func runValidators(
    _ attributes: [Attribute], on object: Value, at path: AttributePath, into diagnostics: inout Diagnostics
  ) {
    guard case .object = object else { return }
    for attribute in attributes {
      let value = object[attribute: attribute.name]
      let here = path.attribute(attribute.name)
      guard value.isKnown, !value.isNull else { continue }
      for validator in attribute.validators { diagnostics.append(contentsOf: validator.check(value, here)) }
      guard case .nested(let nested) = attribute.kind else { continue }
      switch value {
      case .object: runValidators(nested.attributes, on: value, at: here, into: &diagnostics)
      case .list(let elements), .set(let elements):
        for (index, element) in elements.enumerated() {
          runValidators(nested.attributes, on: element, at: here.index(index), into: &diagnostics)
        }
      case .map(let elements):
        for (key, element) in elements {
          runValidators(nested.attributes, on: element, at: here.key(key), into: &diagnostics)
        }
      default: break
      }
    }
  }
}
