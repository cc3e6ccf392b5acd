extension CtyType {
  /// The kind of type with its article, for messages: `a string`, `an object`.
  var kindName: String {
    switch self {
    case .string: "a string"
    case .number: "a number"
    case .bool: "a bool"
    case .dynamic: "a dynamic value"
    case .list: "a list"
    case .set: "a set"
    case .map: "a map"
    case .object: "an object"
    case .tuple: "a tuple"
    }
  }

  /// The type as Terraform's configuration language writes it: `list(object({a=string}))`.
  public var friendlyName: String {
    switch self {
    case .string: "string"
    case .number: "number"
    case .bool: "bool"
    case .dynamic: "dynamic"
    case .list(let element): "list(\(element.friendlyName))"
    case .set(let element): "set(\(element.friendlyName))"
    case .map(let element): "map(\(element.friendlyName))"
    case .object(let attributes, let optional):
      "object({"
        + attributes.keys.sorted().map { name in
          let type = attributes[name]!.friendlyName
          return optional.contains(name) ? "\(name)=optional(\(type))" : "\(name)=\(type)"
        }.joined(separator: ",") + "})"
    case .tuple(let elements): "tuple([\(elements.map(\.friendlyName).joined(separator: ","))])"
    }
  }
}

extension Value {
  /// The kind of value with its article, for messages: `a string`, `null`.
  var kindName: String {
    switch self {
    case .null: "null"
    case .unknown: "an unknown value"
    case .string: "a string"
    case .number: "a number"
    case .bool: "a bool"
    case .list: "a list"
    case .set: "a set"
    case .map: "a map"
    case .object: "an object"
    case .tuple: "a tuple"
    case .dynamic: "a dynamic value"
    }
  }
}
