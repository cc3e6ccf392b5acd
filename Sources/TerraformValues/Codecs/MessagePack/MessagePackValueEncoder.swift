/// Writes a `Value` as msgpack for a slot of a given type, following cty's `msgpack.Marshal`.
struct MessagePackValueEncoder {
  var writer = MessagePackWriter()

  mutating func encode(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    switch value {
    case .null:
      writer.writeNil()
      return
    case .unknown(let refinements):
      return try encodeUnknown(refinements, as: type, at: path)
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
    case (.number(let number), .number): writer.writeNumber(number)
    case (.bool(let bool), .bool): writer.writeBool(bool)
    case (.list(let elements), .list(let elementType)), (.set(let elements), .set(let elementType)):
      try encodeElements(elements, of: elementType, at: path)
    case (.tuple(let elements), .tuple(let elementTypes)): try encodeTuple(elements, of: elementTypes, at: path)
    case (.map(let elements), .map(let elementType)): try encodeMap(elements, of: elementType, at: path)
    case (.object(let attributes), .object(let attributeTypes, _)):
      try encodeObject(attributes, of: attributeTypes, at: path)
    default: throw ValueError("expected \(type.kindName), found \(value.kindName)", at: path)
    }
  }

  private mutating func encodeUnknown(_ refinements: Refinements, as type: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    if let payload = try refinements.messagePackPayload(for: type, at: path) {
      writer.writeExt(type: Refinements.messagePackExtensionType, payload: payload)
    } else {
      // A plain unknown: fixext1 of type 0 with a zero byte, `d4 00 00`.
      writer.writeExt(type: 0, payload: [0])
    }
  }

  private mutating func encodeWrapped(_ inner: Value, of innerType: CtyType, as type: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    if type == .dynamic { return try encodeDynamic(inner, as: innerType, at: path) }
    // A wrapper around a value of exactly the slot's type adds nothing; any other is a mistake.
    guard innerType == type else {
      throw ValueError(
        "expected \(type.kindName) of type \(type.friendlyName), found a dynamic value of type \(innerType.friendlyName)",
        at: path)
    }
    try encode(inner, as: type, at: path)
  }

  /// `[type JSON as bin, value]`: how a value in a dynamic slot carries its type.
  private mutating func encodeDynamic(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    writer.writeArrayHeader(count: 2)
    writer.writeBinary(type.json)
    try encode(value, as: type, at: path)
  }

  private mutating func encodeElements(_ elements: [Value], of elementType: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    writer.writeArrayHeader(count: elements.count)
    for (index, element) in elements.enumerated() {
      try encode(element, as: elementType, at: path.index(index))
    }
  }

  private mutating func encodeTuple(_ elements: [Value], of elementTypes: [CtyType], at path: AttributePath)
    throws(ValueError)
  {
    guard elements.count == elementTypes.count else {
      throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(elements.count)", at: path)
    }
    writer.writeArrayHeader(count: elements.count)
    for (index, (element, elementType)) in zip(elements, elementTypes).enumerated() {
      try encode(element, as: elementType, at: path.index(index))
    }
  }

  private mutating func encodeMap(_ elements: [String: Value], of elementType: CtyType, at path: AttributePath)
    throws(ValueError)
  {
    writer.writeMapHeader(count: elements.count)
    for key in elements.keys.sortedByUTF8() {
      writer.writeString(key)
      try encode(elements[key]!, as: elementType, at: path.key(key))
    }
  }

  private mutating func encodeObject(
    _ attributes: [String: Value], of attributeTypes: [String: CtyType], at path: AttributePath
  ) throws(ValueError) {
    if let extra = attributes.keys.sortedByUTF8().first(where: { attributeTypes[$0] == nil }) {
      throw ValueError("unsupported attribute \"\(extra)\"", at: path.attribute(extra))
    }
    // Every attribute of the type, in byte order, as cty writes them; absent ones are null.
    writer.writeMapHeader(count: attributeTypes.count)
    for name in attributeTypes.keys.sortedByUTF8() {
      writer.writeString(name)
      try encode(attributes[name] ?? .null, as: attributeTypes[name]!, at: path.attribute(name))
    }
  }
}
