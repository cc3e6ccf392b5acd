/// Reads a `Value` of a given type from msgpack, following cty's `msgpack.Unmarshal`.
struct MessagePackValueDecoder {
  var reader: MessagePackReader

  init(reader: MessagePackReader) { self.reader = reader }

  private func mismatch(_ expected: String, _ found: MessagePackHeader, at path: AttributePath) -> ValueError {
    ValueError("expected \(expected), found \(found.kindName)", at: path)
  }

  /// One item read as a value of `type`. An extension of any kind is an unknown value; nil is
  /// null whatever the type.
  mutating func decodeValue(as type: CtyType, at path: AttributePath, depth: Int) throws(ValueError) -> Value {
    guard depth <= CodecLimits.maximumNestingDepth else { throw Self.tooDeep(at: path) }
    let header = try reader.readHeader(at: path)
    switch header {
    case .nil: return .null
    case .ext(let extensionType, let length):
      return try decodeUnknown(extensionType: extensionType, length: length, as: type, at: path)
    default: break
    }
    // Each kind has its own function: recursion then passes through small stack frames,
    // which matters in debug builds on threads with small stacks.
    switch type {
    case .dynamic: return try decodeDynamic(header, at: path, depth: depth)
    case .string: return try decodeString(header, at: path)
    case .number: return .number(try decodeNumber(header, at: path))
    case .bool: return try decodeBool(header, at: path)
    case .list(let elementType):
      return .list(try decodeElements(header, of: elementType, kind: "a list", at: path, depth: depth))
    case .set(let elementType):
      return .set(try decodeElements(header, of: elementType, kind: "a set", at: path, depth: depth))
    case .tuple(let elementTypes): return try decodeTuple(header, of: elementTypes, at: path, depth: depth)
    case .map(let elementType): return try decodeMap(header, of: elementType, at: path, depth: depth)
    case .object(let attributeTypes, _): return try decodeObject(header, of: attributeTypes, at: path, depth: depth)
    }
  }

  private static func tooDeep(at path: AttributePath) -> ValueError {
    ValueError("msgpack data nests deeper than \(CodecLimits.maximumNestingDepth) levels", at: path)
  }

  private func decodeBool(_ header: MessagePackHeader, at path: AttributePath) throws(ValueError) -> Value {
    guard case .bool(let bool) = header else { throw mismatch("a bool", header, at: path) }
    return .bool(bool)
  }

  private mutating func decodeUnknown(
    extensionType: Int8, length: Int, as type: CtyType, at path: AttributePath
  ) throws(ValueError) -> Value {
    let payload = try reader.readBytes(length, at: path)
    // Type 0 is a plain unknown; cty treats every other type but 12 the same way.
    guard extensionType == Refinements.messagePackExtensionType else { return .unknownValue }
    return try Refinements.decodeMessagePackPayload(payload, for: type, at: path)
  }

  private mutating func decodeString(_ header: MessagePackHeader, at path: AttributePath) throws(ValueError) -> Value {
    switch header {
    case .string(let length), .binary(let length): return .string(try reader.readString(length: length, at: path))
    default: throw mismatch("a string", header, at: path)
    }
  }

  private mutating func decodeElements(
    _ header: MessagePackHeader, of elementType: CtyType, kind: String, at path: AttributePath, depth: Int
  ) throws(ValueError) -> [Value] {
    guard case .array(let count) = header else { throw mismatch(kind, header, at: path) }
    var elements: [Value] = []
    elements.reserveCapacity(count)  // safe: the reader checked `count` bytes remain
    for index in 0..<count {
      elements.append(try decodeValue(as: elementType, at: path.index(index), depth: depth + 1))
    }
    return elements
  }

  private mutating func decodeTuple(
    _ header: MessagePackHeader, of elementTypes: [CtyType], at path: AttributePath, depth: Int
  ) throws(ValueError) -> Value {
    guard case .array(let count) = header else { throw mismatch("a tuple", header, at: path) }
    guard count == elementTypes.count else {
      throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(count)", at: path)
    }
    var elements: [Value] = []
    elements.reserveCapacity(count)
    for (index, elementType) in elementTypes.enumerated() {
      elements.append(try decodeValue(as: elementType, at: path.index(index), depth: depth + 1))
    }
    return .tuple(elements)
  }

  private mutating func decodeMap(
    _ header: MessagePackHeader, of elementType: CtyType, at path: AttributePath, depth: Int
  ) throws(ValueError) -> Value {
    guard case .map(let count) = header else { throw mismatch("a map", header, at: path) }
    var elements: [String: Value] = [:]
    elements.reserveCapacity(count)
    for _ in 0..<count {
      let key = try decodeKey(at: path)
      guard elements[key] == nil else {
        throw ValueError("duplicate map key \"\(key)\"", at: path.key(key))
      }
      elements[key] = try decodeValue(as: elementType, at: path.key(key), depth: depth + 1)
    }
    return .map(elements)
  }

  private mutating func decodeObject(
    _ header: MessagePackHeader, of attributeTypes: [String: CtyType], at path: AttributePath, depth: Int
  ) throws(ValueError) -> Value {
    guard case .map(let count) = header else { throw mismatch("an object", header, at: path) }
    // cty reads an empty map as an object whose every attribute is null.
    if count == 0 { return .object(attributeTypes.mapValues { _ in .null }) }
    var attributes: [String: Value] = [:]
    attributes.reserveCapacity(count)
    for _ in 0..<count {
      let name = try decodeKey(at: path)
      guard let attributeType = attributeTypes[name] else { throw Self.attributeError(.unsupported, name, at: path) }
      guard attributes[name] == nil else { throw Self.attributeError(.duplicate, name, at: path) }
      attributes[name] = try decodeValue(as: attributeType, at: path.attribute(name), depth: depth + 1)
    }
    // Every key was an attribute and none repeated, so equal counts mean none is missing.
    if attributes.count < attributeTypes.count,
      let missing = attributeTypes.keys.sorted().first(where: { attributes[$0] == nil })
    {
      throw Self.attributeError(.missing, missing, at: path)
    }
    return .object(attributes)
  }

  private enum AttributeProblem { case unsupported, duplicate, missing }

  /// The error for one attribute; built here to keep the recursive `decodeObject` frame small.
  private static func attributeError(_ problem: AttributeProblem, _ name: String, at path: AttributePath) -> ValueError
  {
    let message =
      switch problem {
      case .unsupported: "unsupported attribute \"\(name)\""
      case .duplicate: "duplicate attribute \"\(name)\""
      case .missing: "attribute \"\(name)\" is missing"
      }
    return ValueError(message, at: path.attribute(name))
  }

  /// A map key or attribute name: a msgpack string.
  private mutating func decodeKey(at path: AttributePath) throws(ValueError) -> String {
    let header = try reader.readHeader(at: path)
    switch header {
    case .string(let length), .binary(let length): return try reader.readString(length: length, at: path)
    default: throw ValueError("expected a string map key, found \(header.kindName)", at: path)
    }
  }

  /// A number in any of the forms cty reads: any integer or float format, or decimal text.
  private mutating func decodeNumber(_ header: MessagePackHeader, at path: AttributePath) throws(ValueError) -> Number {
    switch header {
    case .int(let value): return Number(value)
    case .uint(let value): return Number(value)
    case .float32(let value):
      // Exact, so the float goes back out as the same bits' value.
      guard let number = Number(exactly: Double(value)) else {
        throw ValueError("NaN is not a number Terraform allows", at: path)
      }
      return number
    case .float64(let value):
      guard let number = Number(exactly: value) else {
        throw ValueError("NaN is not a number Terraform allows", at: path)
      }
      return number
    case .string(let length):
      let text = try reader.readBytes(length, at: path)
      guard let number = Number(numberText: Array(text)) else {
        throw ValueError(
          "expected a number, found the string \"\(String(decoding: text.prefix(64), as: UTF8.self))\"", at: path)
      }
      return number
    default:
      throw mismatch("a number", header, at: path)
    }
  }

  /// A value of a `dynamic` slot: `[type JSON, value]`.
  private mutating func decodeDynamic(_ header: MessagePackHeader, at path: AttributePath, depth: Int)
    throws(ValueError) -> Value
  {
    guard case .array(let count) = header else {
      throw mismatch("a dynamic value (a [type, value] array)", header, at: path)
    }
    guard count == 2 else {
      throw ValueError("expected a dynamic value as a 2-element [type, value] array, found \(count) elements", at: path)
    }
    let typeHeader = try reader.readHeader(at: path)
    let typeJSON: ArraySlice<UInt8>
    switch typeHeader {
    // cty writes the type as bin; str is accepted too, being the same bytes.
    case .binary(let length), .string(let length): typeJSON = try reader.readBytes(length, at: path)
    default: throw mismatch("the type of a dynamic value as JSON bytes", typeHeader, at: path)
    }
    let type: CtyType
    do {
      type = try CtyType(json: typeJSON)
    } catch {
      throw ValueError("invalid type of a dynamic value: \(error.message)", at: path)
    }
    return .dynamic(type, try decodeValue(as: type, at: path, depth: depth + 1))
  }
}
