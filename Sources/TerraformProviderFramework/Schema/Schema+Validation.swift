/// Terraform's own rules for schemas (`configschema.Block.InternalValidate`), checked here so a
/// broken schema fails our tests instead of every user's `terraform init`.
extension Schema {
  /// Meta-arguments Terraform reserves in resource and data-source blocks.
  static let reservedNames: Set<String> = [
    "count", "depends_on", "for_each", "lifecycle", "provider", "provisioner", "connection",
  ]

  /// Every rule this schema breaks, each as a sentence naming the attribute or block; empty when
  /// the schema is valid. `isResource` adds the meta-argument names to the forbidden ones.
  public func validationErrors(isResource: Bool = true) -> [String] {
    var errors: [String] = []
    if isResource {
      for name in attributes.map(\.name) + blocks.map(\.name) where Self.reservedNames.contains(name) {
        errors.append("\(name): is a reserved meta-argument name")
      }
    }
    Self.validate(attributes: attributes, blocks: blocks, prefix: "", into: &errors)
    return errors
  }

  private static func validate(attributes: [Attribute], blocks: [Block], prefix: String, into errors: inout [String]) {
    var seen: Set<String> = []
    for attribute in attributes {
      let path = prefix + attribute.name
      if !seen.insert(attribute.name).inserted { errors.append("\(path): declared twice") }
      if !isValidName(attribute.name) { errors.append("\(path): name must match ^[a-z0-9_]+$") }
      if attribute.description.isEmpty { errors.append("\(path): has no description") }
      if attribute.defaultValue != nil && attribute.usage != .optionalComputed {
        errors.append("\(path): a default needs an optional and computed attribute")
      }
      if attribute.isWriteOnly && attribute.usage.isComputed {
        errors.append("\(path): a write-only attribute cannot be computed")
      }
      if attribute.planModifiers.contains(.useStateForUnknown) && !attribute.usage.isComputed {
        errors.append("\(path): useStateForUnknown only applies to computed attributes")
      }
      if case .nested(let nested) = attribute.kind {
        validate(attributes: nested.attributes, blocks: [], prefix: path + ".", into: &errors)
      }
    }
    for block in blocks {
      let path = prefix + block.name
      if !seen.insert(block.name).inserted { errors.append("\(path): declared twice") }
      if !isValidName(block.name) { errors.append("\(path): name must match ^[a-z0-9_]+$") }
      if block.minItems < 0 || block.maxItems < 0 { errors.append("\(path): min/max items must not be negative") }
      if block.maxItems > 0 && block.minItems > block.maxItems {
        errors.append("\(path): min items exceeds max items")
      }
      switch block.nesting {
      case .single, .group:
        if block.minItems > 1 || block.maxItems > 1 {
          errors.append("\(path): a single block has at most one item")
        }
      case .map:
        if block.minItems != 0 || block.maxItems != 0 {
          errors.append("\(path): a map block takes no min/max items")
        }
      case .list, .set:
        break
      }
      validate(attributes: block.attributes, blocks: block.blocks, prefix: path + ".", into: &errors)
    }
  }

  static func isValidName(_ name: String) -> Bool {
    !name.isEmpty
      && name.utf8.allSatisfy {
        ($0 >= UInt8(ascii: "a") && $0 <= UInt8(ascii: "z")) || ($0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9"))
          || $0 == UInt8(ascii: "_")
      }
  }
}
