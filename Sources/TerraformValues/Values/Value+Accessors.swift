/// Reading values without a `switch`.
///
/// Every accessor looks through `.dynamic(type, value)` wrappers, so code reading a
/// dynamically-typed attribute sees the value inside.
extension Value {
  /// The value with any `.dynamic` wrappers removed.
  public var unwrappingDynamic: Value {
    var value = self
    while case .dynamic(_, let inner) = value { value = inner }
    return value
  }

  /// Whether the value is null.
  public var isNull: Bool {
    if case .null = unwrappingDynamic { true } else { false }
  }

  /// Whether the value as a whole is unknown (elements of a known collection may still be).
  public var isUnknown: Bool {
    if case .unknown = unwrappingDynamic { true } else { false }
  }

  /// Whether the value as a whole is known; its elements may still be unknown.
  public var isKnown: Bool { !isUnknown }

  /// Whether no part of the value, at any depth, is unknown.
  public var isWhollyKnown: Bool {
    switch self {
    case .unknown: false
    case .null, .string, .number, .bool: true
    case .list(let elements), .set(let elements), .tuple(let elements):
      elements.allSatisfy(\.isWhollyKnown)
    case .map(let elements), .object(let elements):
      elements.values.allSatisfy(\.isWhollyKnown)
    case .dynamic(_, let value): value.isWhollyKnown
    }
  }

  /// What Terraform promised about an unknown value; `nil` when the value is not unknown.
  public var refinements: Refinements? {
    if case .unknown(let refinements) = unwrappingDynamic { refinements } else { nil }
  }

  /// The string, if the value is a known string.
  public var stringValue: String? {
    if case .string(let string) = unwrappingDynamic { string } else { nil }
  }

  /// The bool, if the value is a known bool.
  public var boolValue: Bool? {
    if case .bool(let bool) = unwrappingDynamic { bool } else { nil }
  }

  /// The number, if the value is a known number.
  public var numberValue: Number? {
    if case .number(let number) = unwrappingDynamic { number } else { nil }
  }

  /// The elements of a known list, set or tuple.
  public var elements: [Value]? {
    switch unwrappingDynamic {
    case .list(let elements), .set(let elements), .tuple(let elements): elements
    default: nil
    }
  }

  /// The elements of a known map.
  public var mapElements: [String: Value]? {
    if case .map(let elements) = unwrappingDynamic { elements } else { nil }
  }

  /// The attributes of a known object.
  public var attributes: [String: Value]? {
    if case .object(let attributes) = unwrappingDynamic { attributes } else { nil }
  }

  /// An attribute of an object: `.null` when the object is null, is not an object or lacks
  /// the attribute, and `.unknownValue` when the object itself is unknown (every attribute of
  /// a value not yet known is not yet known either).
  public subscript(attribute name: String) -> Value {
    switch unwrappingDynamic {
    case .object(let attributes): attributes[name] ?? .null
    case .unknown: .unknownValue
    default: .null
    }
  }

  /// The value at `path`, or `nil` when the path does not lead anywhere in this value: an
  /// attribute the object lacks, a key the map lacks, an index out of range, a step into null
  /// or into the wrong kind of value. Steps into an unknown value lead to `.unknownValue`, as
  /// in cty, since whatever is there is not known yet.
  ///
  /// `.attribute` steps into objects, `.key` into maps, `.index` into lists and tuples; sets
  /// cannot be indexed.
  public func value(at path: AttributePath) -> Value? {
    var current = self
    for step in path.steps {
      switch (current.unwrappingDynamic, step) {
      case (.unknown, _):
        return .unknownValue
      case (.object(let attributes), .attribute(let name)):
        guard let next = attributes[name] else { return nil }
        current = next
      case (.map(let elements), .key(let key)):
        guard let next = elements[key] else { return nil }
        current = next
      case (.list(let elements), .index(let index)), (.tuple(let elements), .index(let index)):
        guard elements.indices.contains(index) else { return nil }
        current = elements[index]
      default:
        return nil
      }
    }
    return current
  }
}
