import JSONSyntax

/// Reads a `Value` of a given type from parsed JSON, following cty's `json.Unmarshal`.
///
/// Each kind has its own small function so that recursion passes through small stack frames,
/// which matters for deep input in debug builds on threads with small stacks.
enum JSONValueDecoder {
  /// `node` read as a value of `type`; `depth` counts the enclosing containers and dynamic
  /// wrappers, which may be at most `CodecLimits.maximumNestingDepth`, as in msgpack.
  static func decode(_ node: JSONNode, as type: CtyType, at path: AttributePath, depth: Int) throws(ValueError) -> Value
  {
    guard depth <= CodecLimits.maximumNestingDepth else { throw tooDeep(at: path) }
    if case .null = node { return .null }
    switch type {
    case .dynamic: return try decodeDynamic(node, at: path, depth: depth)
    case .string: return try decodeString(node, at: path)
    case .number: return try decodeNumber(node, at: path)
    case .bool: return try decodeBool(node, at: path)
    case .list(let elementType):
      return .list(try decodeElements(node, of: elementType, kind: "a list", at: path, depth: depth))
    case .set(let elementType):
      return .set(try decodeElements(node, of: elementType, kind: "a set", at: path, depth: depth))
    case .tuple(let elementTypes): return try decodeTuple(node, of: elementTypes, at: path, depth: depth)
    case .map(let elementType): return try decodeMap(node, of: elementType, at: path, depth: depth)
    case .object(let attributeTypes, _): return try decodeObject(node, of: attributeTypes, at: path, depth: depth)
    }
  }

  private static func tooDeep(at path: AttributePath) -> ValueError {
    ValueError("JSON value nests deeper than \(CodecLimits.maximumNestingDepth) levels", at: path)
  }

  private static func mismatch(_ expected: String, _ node: JSONNode, at path: AttributePath) -> ValueError {
    ValueError("expected \(expected), found \(node.kindName)", at: path)
  }

  private static func decodeDynamic(_ node: JSONNode, at path: AttributePath, depth: Int) throws(ValueError) -> Value {
    guard case .object(let members) = node else {
      throw mismatch("a dynamic value ({\"value\": …, \"type\": …})", node, at: path)
    }
    var typeNode: JSONNode?
    var valueNode: JSONNode?
    for (key, member) in members {
      switch key {
      case "type": typeNode = member
      case "value": valueNode = member
      default: throw ValueError("unexpected key \"\(key)\" in a dynamic value", at: path)
      }
    }
    guard let typeNode else { throw ValueError("dynamic value has no \"type\"", at: path) }
    guard let valueNode else { throw ValueError("dynamic value has no \"value\"", at: path) }
    let innerType: CtyType
    do {
      innerType = try CtyType(jsonNode: typeNode)
    } catch {
      throw ValueError(error.message, at: path)
    }
    return .dynamic(innerType, try decode(valueNode, as: innerType, at: path, depth: depth + 1))
  }

  private static func decodeString(_ node: JSONNode, at path: AttributePath) throws(ValueError) -> Value {
    switch node {
    case .string(let string): .string(string)
    case .number(let text): .string(text)
    case .bool(let bool): .string(bool ? "true" : "false")
    default: throw mismatch("a string", node, at: path)
    }
  }

  private static func decodeNumber(_ node: JSONNode, at path: AttributePath) throws(ValueError) -> Value {
    let text: String
    switch node {
    case .number(let number): text = number
    case .string(let string): text = string
    default: throw mismatch("a number", node, at: path)
    }
    guard let number = Number(numberText: Array(text.utf8)) else {
      throw ValueError("\"\(text.prefix(64))\" is not a number Terraform can hold", at: path)
    }
    return .number(number)
  }

  private static func decodeBool(_ node: JSONNode, at path: AttributePath) throws(ValueError) -> Value {
    switch node {
    case .bool(let bool): .bool(bool)
    case .string("true"), .string("1"): .bool(true)
    case .string("false"), .string("0"): .bool(false)
    default: throw mismatch("a bool", node, at: path)
    }
  }

  private static func decodeElements(
    _ node: JSONNode, of elementType: CtyType, kind: String, at path: AttributePath, depth: Int
  ) throws(ValueError) -> [Value] {
    guard case .array(let nodes) = node else { throw mismatch(kind, node, at: path) }
    var elements: [Value] = []
    elements.reserveCapacity(nodes.count)
    for (index, element) in nodes.enumerated() {
      elements.append(try decode(element, as: elementType, at: path.index(index), depth: depth + 1))
    }
    return elements
  }

  private static func decodeTuple(_ node: JSONNode, of elementTypes: [CtyType], at path: AttributePath, depth: Int)
    throws(ValueError) -> Value
  {
    guard case .array(let nodes) = node else { throw mismatch("a tuple", node, at: path) }
    guard nodes.count == elementTypes.count else {
      throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(nodes.count)", at: path)
    }
    var elements: [Value] = []
    elements.reserveCapacity(nodes.count)
    for (index, (element, elementType)) in zip(nodes, elementTypes).enumerated() {
      elements.append(try decode(element, as: elementType, at: path.index(index), depth: depth + 1))
    }
    return .tuple(elements)
  }

  private static func decodeMap(_ node: JSONNode, of elementType: CtyType, at path: AttributePath, depth: Int)
    throws(ValueError) -> Value
  {
    guard case .object(let members) = node else { throw mismatch("a map", node, at: path) }
    var elements: [String: Value] = [:]
    for (key, member) in members {
      elements[key] = try decode(member, as: elementType, at: path.key(key), depth: depth + 1)
    }
    return .map(elements)
  }

  private static func decodeObject(
    _ node: JSONNode, of attributeTypes: [String: CtyType], at path: AttributePath, depth: Int
  ) throws(ValueError) -> Value {
    guard case .object(let members) = node else { throw mismatch("an object", node, at: path) }
    var attributes = attributeTypes.mapValues { _ in Value.null }
    for (name, member) in members {
      guard let attributeType = attributeTypes[name] else {
        throw ValueError("unsupported attribute \"\(name)\"", at: path.attribute(name))
      }
      attributes[name] = try decode(member, as: attributeType, at: path.attribute(name), depth: depth + 1)
    }
    return .object(attributes)
  }
}
