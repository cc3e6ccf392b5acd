import JSONSyntax

/// Writes a `Value` as JSON for a slot of a given type, following cty's `json.Marshal`.
struct JSONValueEncoder {
  var writer = JSONWriter()

  mutating func encode(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    switch value {
    case .null:
      writer.writeRaw("null")
      return
    case .unknown:
      throw ValueError("an unknown value cannot be written as JSON", at: path)
    case .dynamic(let innerType, let inner):
      return try encodeWrapped(inner, of: innerType, as: type, at: path)
    default:
      break
    }
    if type == .dynamic {
      // A bare value in a dynamic slot travels with the type it implies.
      return try encodeDynamic(value.fittingImpliedType, as: value.impliedType(at: path), at: path)
    }
    // Each kind has its own function, keeping recursive stack frames small.
    switch (value, type) {
    case (.string(let string), .string): writer.writeString(string)
    case (.number(let number), .number): encodeNumber(number)
    case (.bool(let bool), .bool): writer.writeRaw(bool ? "true" : "false")
    case (.list(let elements), .list(let elementType)), (.set(let elements), .set(let elementType)):
      try encodeElements(elements, of: elementType, at: path)
    case (.tuple(let elements), .tuple(let elementTypes)): try encodeTuple(elements, of: elementTypes, at: path)
    case (.map(let elements), .map(let elementType)): try encodeMap(elements, of: elementType, at: path)
    case (.object(let attributes), .object(let attributeTypes, _)):
      try encodeObject(attributes, of: attributeTypes, at: path)
    default: throw ValueError("expected \(type.kindName), found \(value.kindName)", at: path)
    }
  }

  private mutating func encodeWrapped(_ inner: Value, of innerType: CtyType, as type: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    if type == .dynamic { return try encodeDynamic(inner, as: innerType, at: path) }
    guard innerType == type else {
      throw ValueError(
        "expected \(type.kindName) of type \(type.friendlyName), found a dynamic value of type \(innerType.friendlyName)",
        at: path)
    }
    try encode(inner, as: type, at: path)
  }

  /// `{"value":…,"type":…}`, in cty's order.
  private mutating func encodeDynamic(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    writer.writeRaw("{\"value\":")
    try encode(value, as: type, at: path)
    writer.writeRaw(",\"type\":")
    type.write(to: &writer)
    writer.writeByte(UInt8(ascii: "}"))
  }

  private mutating func encodeNumber(_ number: Number) {
    if number.isInfinite {
      writer.writeString(number.description)
    } else {
      writer.writeRaw(number.description)
    }
  }

  private mutating func encodeElements(_ elements: [Value], of elementType: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    writer.writeByte(UInt8(ascii: "["))
    for (index, element) in elements.enumerated() {
      if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
      try encode(element, as: elementType, at: path.index(index))
    }
    writer.writeByte(UInt8(ascii: "]"))
  }

  private mutating func encodeTuple(_ elements: [Value], of elementTypes: [CtyType], at path: AttributePath)
    throws(ValueError)
  {
    guard elements.count == elementTypes.count else {
      throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(elements.count)", at: path)
    }
    writer.writeByte(UInt8(ascii: "["))
    for (index, (element, elementType)) in zip(elements, elementTypes).enumerated() {
      if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
      try encode(element, as: elementType, at: path.index(index))
    }
    writer.writeByte(UInt8(ascii: "]"))
  }

  private mutating func encodeMap(_ elements: [String: Value], of elementType: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    writer.writeByte(UInt8(ascii: "{"))
    for (index, key) in elements.keys.sortedByUTF8().enumerated() {
      if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
      writer.writeString(key)
      writer.writeByte(UInt8(ascii: ":"))
      try encode(elements[key]!, as: elementType, at: path.key(key))
    }
    writer.writeByte(UInt8(ascii: "}"))
  }

  private mutating func encodeObject(
    _ attributes: [String: Value], of attributeTypes: [String: CtyType], at path: AttributePath
  ) throws(ValueError) {
    if let extra = attributes.keys.sortedByUTF8().first(where: { attributeTypes[$0] == nil }) {
      throw ValueError("unsupported attribute \"\(extra)\"", at: path.attribute(extra))
    }
    writer.writeByte(UInt8(ascii: "{"))
    for (index, name) in attributeTypes.keys.sortedByUTF8().enumerated() {
      if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
      writer.writeString(name)
      writer.writeByte(UInt8(ascii: ":"))
      try encode(attributes[name] ?? .null, as: attributeTypes[name]!, at: path.attribute(name))
    }
    writer.writeByte(UInt8(ascii: "}"))
  }
}
