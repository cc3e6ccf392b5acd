extension Value {
  /// The type a value carries into a `dynamic` slot when it is not wrapped in `.dynamic`,
  /// following cty's own inference: lists and tuples become tuples of their elements' types,
  /// maps and objects become objects, and a set takes the one type its elements share. Null
  /// and unknown values (which carry no type) are `dynamic`. `nil` when no type fits: a set
  /// whose elements disagree.
  public var impliedType: CtyType? {
    try? impliedType(at: .root)
  }

  /// The value rebuilt to fit its implied type: lists become tuples and maps objects, at every
  /// depth, so it can be encoded with that type.
  var fittingImpliedType: Value {
    switch self {
    case .null, .unknown, .string, .number, .bool, .dynamic: self
    case .list(let elements), .tuple(let elements): .tuple(elements.map(\.fittingImpliedType))
    case .set(let elements): .set(elements.map(\.fittingImpliedType))
    case .map(let elements), .object(let elements): .object(elements.mapValues(\.fittingImpliedType))
    }
  }

  func impliedType(at path: AttributePath) throws(ValueError) -> CtyType {
    switch self {
    case .null, .unknown: return .dynamic
    case .string: return .string
    case .number: return .number
    case .bool: return .bool
    case .dynamic(let type, _): return type
    case .list(let elements), .tuple(let elements):
      var types: [CtyType] = []
      types.reserveCapacity(elements.count)
      for (index, element) in elements.enumerated() {
        types.append(try element.impliedType(at: path.index(index)))
      }
      return .tuple(types)
    case .map(let elements), .object(let elements):
      var types: [String: CtyType] = [:]
      for (key, element) in elements {
        types[key] = try element.impliedType(at: path.attribute(key))
      }
      return .object(types)
    case .set(let elements):
      // Nulls and unknowns fit any element type, so only the others decide it.
      var elementType: CtyType?
      for (index, element) in elements.enumerated() {
        switch element {
        case .null, .unknown: continue
        default: break
        }
        let type = try element.impliedType(at: path.index(index))
        if let chosen = elementType, chosen != type {
          throw ValueError(
            "set elements have different types (\(chosen.friendlyName) and \(type.friendlyName)), so no set type fits them",
            at: path)
        }
        elementType = type
      }
      return .set(elementType ?? .dynamic)
    }
  }
}
