extension Value {
  /// Every way in which the value does not fit `type`, each with the path of the element at
  /// fault; empty when it fits.
  ///
  /// Null and unknown fit any type, at any depth. Objects must have exactly the type's
  /// attributes (optional ones included: a conforming object spells absent attributes as null),
  /// and tuples exactly its element count. A `dynamic` slot takes `.dynamic(t, v)` when `v` fits
  /// `t`, or any other value. A `.dynamic(t, v)` in a slot of a concrete type fits when `t` is
  /// that very type and `v` fits it.
  public func conformanceErrors(to type: CtyType, at path: AttributePath = .root) -> [ValueError] {
    var errors: [ValueError] = []
    collectConformanceErrors(to: type, at: path, into: &errors)
    return errors
  }

  private func collectConformanceErrors(to type: CtyType, at path: AttributePath, into errors: inout [ValueError]) {
    switch self {
    case .null, .unknown:
      return
    case .dynamic(let innerType, let inner):
      guard type == .dynamic || type == innerType else {
        errors.append(
          ValueError(
            "expected \(type.kindName) of type \(type.friendlyName), found a dynamic value of type \(innerType.friendlyName)",
            at: path))
        return
      }
      inner.collectConformanceErrors(to: innerType, at: path, into: &errors)
      return
    default:
      break
    }
    // Each kind has its own function, keeping recursive stack frames small.
    switch (self, type) {
    case (_, .dynamic), (.string, .string), (.number, .number), (.bool, .bool):
      return
    case (.list(let elements), .list(let elementType)), (.set(let elements), .set(let elementType)):
      Self.collectElementErrors(elements, to: elementType, at: path, into: &errors)
    case (.map(let elements), .map(let elementType)):
      Self.collectMapErrors(elements, to: elementType, at: path, into: &errors)
    case (.object(let attributes), .object(let attributeTypes, _)):
      Self.collectObjectErrors(attributes, to: attributeTypes, at: path, into: &errors)
    case (.tuple(let elements), .tuple(let elementTypes)):
      Self.collectTupleErrors(elements, to: elementTypes, at: path, into: &errors)
    default:
      errors.append(ValueError("expected \(type.kindName), found \(kindName)", at: path))
    }
  }

  private static func collectElementErrors(
    _ elements: [Value], to elementType: CtyType, at path: AttributePath, into errors: inout [ValueError]
  ) {
    for (index, element) in elements.enumerated() {
      element.collectConformanceErrors(to: elementType, at: path.index(index), into: &errors)
    }
  }

  private static func collectMapErrors(
    _ elements: [String: Value], to elementType: CtyType, at path: AttributePath, into errors: inout [ValueError]
  ) {
    for key in elements.keys.sorted() {
      elements[key]!.collectConformanceErrors(to: elementType, at: path.key(key), into: &errors)
    }
  }

  private static func collectObjectErrors(
    _ attributes: [String: Value], to attributeTypes: [String: CtyType], at path: AttributePath,
    into errors: inout [ValueError]
  ) {
    for name in attributes.keys.sorted() where attributeTypes[name] == nil {
      errors.append(ValueError("unsupported attribute \"\(name)\"", at: path.attribute(name)))
    }
    for name in attributeTypes.keys.sorted() {
      if let attribute = attributes[name] {
        attribute.collectConformanceErrors(to: attributeTypes[name]!, at: path.attribute(name), into: &errors)
      } else {
        errors.append(ValueError("attribute \"\(name)\" is required", at: path.attribute(name)))
      }
    }
  }

  private static func collectTupleErrors(
    _ elements: [Value], to elementTypes: [CtyType], at path: AttributePath, into errors: inout [ValueError]
  ) {
    guard elements.count == elementTypes.count else {
      errors.append(ValueError("expected a tuple of \(elementTypes.count) elements, found \(elements.count)", at: path))
      return
    }
    for (index, (element, elementType)) in zip(elements, elementTypes).enumerated() {
      element.collectConformanceErrors(to: elementType, at: path.index(index), into: &errors)
    }
  }
}
