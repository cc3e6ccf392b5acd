public import TerraformValues

/// Small edits of values used while planning and checking results, and by providers.
extension Value {
  /// This object with one attribute replaced; a null or unknown object is returned unchanged.
  public func settingAttribute(_ name: String, to value: Value) -> Value {
    guard case .object(var attributes) = self else { return self }
    attributes[name] = value
    return .object(attributes)
  }

  /// The value with every unknown, at any depth, turned into null: what Terraform itself
  /// stores when a provider leaves values unknown after apply.
  func replacingUnknownsWithNull() -> Value {
    switch self {
    case .unknown: .null
    case .list(let elements): .list(elements.map { $0.replacingUnknownsWithNull() })
    case .set(let elements): .set(elements.map { $0.replacingUnknownsWithNull() })
    case .tuple(let elements): .tuple(elements.map { $0.replacingUnknownsWithNull() })
    case .map(let elements): .map(elements.mapValues { $0.replacingUnknownsWithNull() })
    case .object(let attributes): .object(attributes.mapValues { $0.replacingUnknownsWithNull() })
    case .dynamic(let type, let value): .dynamic(type, value.replacingUnknownsWithNull())
    case .null, .string, .number, .bool: self
    }
  }

  /// Paths below `path` at which the value is unknown.
  func unknownPaths(at path: AttributePath = .root) -> [AttributePath] {
    switch self {
    case .unknown: [path]
    case .list(let elements), .tuple(let elements), .set(let elements):
      elements.enumerated().flatMap { $1.unknownPaths(at: path.index($0)) }
    case .map(let elements):
      elements.sorted { $0.key < $1.key }.flatMap { $1.unknownPaths(at: path.key($0)) }
    case .object(let attributes):
      attributes.sorted { $0.key < $1.key }.flatMap { $1.unknownPaths(at: path.attribute($0)) }
    case .dynamic(_, let value): value.unknownPaths(at: path)
    case .null, .string, .number, .bool: []
    }
  }
}
