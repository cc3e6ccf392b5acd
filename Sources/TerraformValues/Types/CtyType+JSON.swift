import JSONSyntax

/// cty's JSON description of types (`cty/json.go`), which dynamic values carry in both msgpack
/// and JSON: `"string"`, `["list","string"]`, `["object",{"a":"number"},["a"]]`,
/// `["tuple",["bool"]]`.
extension CtyType {
  /// Parses a type description.
  ///
  /// An object type may have a third element listing its optional attributes, each of which
  /// must be one of its attributes. Errors name the byte or the part of the description at fault.
  public init(json bytes: some Collection<UInt8>) throws(ValueError) {
    self = try CtyType(jsonNode: JSONNode(codecInput: bytes))
  }

  /// A type from parsed JSON; `depth` counts the types enclosing this one, which may be at most
  /// `CodecLimits.maximumNestingDepth`.
  ///
  /// Messages are built in small helper functions and each compound kind has its own function,
  /// so that the recursion passes through small stack frames even in debug builds.
  init(jsonNode node: JSONNode, depth: Int = 0) throws(ValueError) {
    guard depth <= CodecLimits.maximumNestingDepth else { throw Self.invalid(.tooDeep) }
    guard case .array(let parts) = node else {
      self = try Self.primitive(node)
      return
    }
    guard case .string(let kind)? = parts.first else { throw Self.invalid(.noKind) }
    switch kind {
    case "list": self = .list(try Self.elementType(parts, kind: kind, depth: depth))
    case "set": self = .set(try Self.elementType(parts, kind: kind, depth: depth))
    case "map": self = .map(try Self.elementType(parts, kind: kind, depth: depth))
    case "object": self = try Self.object(parts, depth: depth)
    case "tuple": self = try Self.tuple(parts, depth: depth)
    default: throw Self.invalid(.unknownKind(kind))
    }
  }

  /// The ways a type description can be wrong.
  private enum Problem {
    case tooDeep
    case notATypeNode(String)
    case unknownPrimitive(String)
    case noKind
    case unknownKind(String)
    case elementTypeCount(String)
    case objectShape
    case optionalNotArray
    case optionalNotString
    case optionalNotAttribute(String)
    case tupleShape
  }

  private static func invalid(_ problem: Problem) -> ValueError {
    let why =
      switch problem {
      case .tooDeep: "types nest deeper than \(CodecLimits.maximumNestingDepth) levels"
      case .notATypeNode(let kind): "expected a string or an array, found \(kind)"
      case .unknownPrimitive(let name): "unknown primitive type \"\(name)\""
      case .noKind: "a type array must start with its kind as a string"
      case .unknownKind(let kind): "unknown type kind \"\(kind)\""
      case .elementTypeCount(let kind): "\"\(kind)\" takes exactly one element type"
      case .objectShape: "\"object\" takes an object of attribute types and optionally a list of optional attributes"
      case .optionalNotArray: "the optional attributes of an object must be an array of names"
      case .optionalNotString: "optional attribute names must be strings"
      case .optionalNotAttribute(let name): "optional attribute \"\(name)\" is not an attribute of the object"
      case .tupleShape: "\"tuple\" takes an array of element types"
      }
    return ValueError("invalid type description: \(why)")
  }

  private static func primitive(_ node: JSONNode) throws(ValueError) -> CtyType {
    guard case .string(let name) = node else { throw invalid(.notATypeNode(node.kindName)) }
    switch name {
    case "string": return .string
    case "number": return .number
    case "bool": return .bool
    case "dynamic": return .dynamic
    default: throw invalid(.unknownPrimitive(name))
    }
  }

  private static func elementType(_ parts: [JSONNode], kind: String, depth: Int) throws(ValueError) -> CtyType {
    guard parts.count == 2 else { throw invalid(.elementTypeCount(kind)) }
    return try CtyType(jsonNode: parts[1], depth: depth + 1)
  }

  private static func tuple(_ parts: [JSONNode], depth: Int) throws(ValueError) -> CtyType {
    guard parts.count == 2, case .array(let elementNodes) = parts[1] else { throw invalid(.tupleShape) }
    var elements: [CtyType] = []
    elements.reserveCapacity(elementNodes.count)
    for elementNode in elementNodes {
      elements.append(try CtyType(jsonNode: elementNode, depth: depth + 1))
    }
    return .tuple(elements)
  }

  private static func object(_ parts: [JSONNode], depth: Int) throws(ValueError) -> CtyType {
    guard parts.count == 2 || parts.count == 3, case .object(let members) = parts[1] else {
      throw invalid(.objectShape)
    }
    var attributes: [String: CtyType] = [:]
    for member in members {
      attributes[member.key] = try CtyType(jsonNode: member.value, depth: depth + 1)
    }
    let optional = parts.count == 3 ? try optionalNames(parts[2], of: attributes) : []
    return .object(attributes, optional: optional)
  }

  private static func optionalNames(_ node: JSONNode, of attributes: [String: CtyType]) throws(ValueError) -> Set<
    String
  > {
    guard case .array(let names) = node else { throw invalid(.optionalNotArray) }
    var optional: Set<String> = []
    for nameNode in names {
      guard case .string(let name) = nameNode else { throw invalid(.optionalNotString) }
      guard attributes[name] != nil else { throw invalid(.optionalNotAttribute(name)) }
      optional.insert(name)
    }
    return optional
  }

  /// The type description as compact JSON, with object attributes (and optional attribute
  /// names) sorted so the same type always gives the same bytes.
  public var json: [UInt8] {
    var writer = JSONWriter()
    write(to: &writer)
    return writer.bytes
  }

  func write(to writer: inout JSONWriter) {
    switch self {
    case .string: writer.writeRaw("\"string\"")
    case .number: writer.writeRaw("\"number\"")
    case .bool: writer.writeRaw("\"bool\"")
    case .dynamic: writer.writeRaw("\"dynamic\"")
    case .list(let element), .set(let element), .map(let element):
      let kind = if case .list = self { "list" } else if case .set = self { "set" } else { "map" }
      writer.writeRaw("[\"\(kind)\",")
      element.write(to: &writer)
      writer.writeRaw("]")
    case .object(let attributes, let optional):
      writer.writeRaw("[\"object\",{")
      for (index, name) in attributes.keys.sortedByUTF8().enumerated() {
        if index > 0 { writer.writeRaw(",") }
        writer.writeString(name)
        writer.writeRaw(":")
        attributes[name]!.write(to: &writer)
      }
      writer.writeRaw("}")
      // Optional names that are not attributes cannot be described, so they are left out.
      let optionalNames = optional.filter { attributes[$0] != nil }.sortedByUTF8()
      if !optionalNames.isEmpty {
        writer.writeRaw(",[")
        for (index, name) in optionalNames.enumerated() {
          if index > 0 { writer.writeRaw(",") }
          writer.writeString(name)
        }
        writer.writeRaw("]")
      }
      writer.writeRaw("]")
    case .tuple(let elements):
      writer.writeRaw("[\"tuple\",[")
      for (index, element) in elements.enumerated() {
        if index > 0 { writer.writeRaw(",") }
        element.write(to: &writer)
      }
      writer.writeRaw("]]")
    }
  }
}
