/// cty's JSON description of types (`cty/json.go`), which dynamic values carry in both msgpack
/// and JSON: `"string"`, `["list","string"]`, `["object",{"a":"number"},["a"]]`,
/// `["tuple",["bool"]]`.
extension CtyType {
  /// Parses a type description.
  ///
  /// An object type may have a third element listing its optional attributes, each of which
  /// must be one of its attributes. Errors name the byte or the part of the description at fault.
  public init(json bytes: some Collection<UInt8>) throws(ValueError) {
    self = try CtyType(jsonNode: JSONParser.parse(bytes))
  }

  init(jsonNode node: JSONNode) throws(ValueError) {
    func invalid(_ why: String) -> ValueError { ValueError("invalid type description: \(why)") }
    switch node {
    case .string("string"): self = .string
    case .string("number"): self = .number
    case .string("bool"): self = .bool
    case .string("dynamic"): self = .dynamic
    case .string(let name): throw invalid("unknown primitive type \"\(name)\"")
    case .array(let parts):
      guard case .string(let kind)? = parts.first else {
        throw invalid("a type array must start with its kind as a string")
      }
      switch kind {
      case "list", "set", "map":
        guard parts.count == 2 else { throw invalid("\"\(kind)\" takes exactly one element type") }
        let element = try CtyType(jsonNode: parts[1])
        self = kind == "list" ? .list(element) : kind == "set" ? .set(element) : .map(element)
      case "object":
        guard parts.count == 2 || parts.count == 3, case .object(let members) = parts[1] else {
          throw invalid("\"object\" takes an object of attribute types and optionally a list of optional attributes")
        }
        var attributes: [String: CtyType] = [:]
        for (name, typeNode) in members {
          attributes[name] = try CtyType(jsonNode: typeNode)
        }
        var optional: Set<String> = []
        if parts.count == 3 {
          guard case .array(let names) = parts[2] else {
            throw invalid("the optional attributes of an object must be an array of names")
          }
          for nameNode in names {
            guard case .string(let name) = nameNode else {
              throw invalid("optional attribute names must be strings")
            }
            guard attributes[name] != nil else {
              throw invalid("optional attribute \"\(name)\" is not an attribute of the object")
            }
            optional.insert(name)
          }
        }
        self = .object(attributes, optional: optional)
      case "tuple":
        guard parts.count == 2, case .array(let elementNodes) = parts[1] else {
          throw invalid("\"tuple\" takes an array of element types")
        }
        var elements: [CtyType] = []
        for elementNode in elementNodes {
          elements.append(try CtyType(jsonNode: elementNode))
        }
        self = .tuple(elements)
      default:
        throw invalid("unknown type kind \"\(kind)\"")
      }
    default:
      throw invalid("expected a string or an array, found \(node.kindName)")
    }
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
