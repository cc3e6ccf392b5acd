/// Writes a `Value` as msgpack for a slot of a given type, following cty's `msgpack.Marshal`.
struct MessagePackValueEncoder {
  var writer = MessagePackWriter()

  private func mismatch(_ type: CtyType, _ value: Value, at path: AttributePath) -> ValueError {
    ValueError("expected \(type.kindName), found \(value.kindName)", at: path)
  }

  mutating func encode(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    switch (value, type) {
    case (.null, _):
      writer.writeNil()
    case (.unknown(let refinements), _):
      if let payload = try refinements.messagePackPayload(for: type, at: path) {
        writer.writeExt(type: Refinements.messagePackExtensionType, payload: payload)
      } else {
        // A plain unknown: fixext1 of type 0 with a zero byte, `d4 00 00`.
        writer.writeExt(type: 0, payload: [0])
      }
    case (.dynamic(let innerType, let inner), .dynamic):
      try encodeDynamic(inner, as: innerType, at: path)
    case (.dynamic(let innerType, let inner), _):
      // A wrapper around a value of exactly the slot's type adds nothing; any other is a mistake.
      guard innerType == type else {
        throw ValueError("expected \(type.kindName) of type \(type.friendlyName), found a dynamic value of type \(innerType.friendlyName)", at: path)
      }
      try encode(inner, as: type, at: path)
    case (_, .dynamic):
      // A bare value in a dynamic slot travels with the type it implies.
      try encodeDynamic(value.fittingImpliedType, as: try value.impliedType(at: path), at: path)
    case (.string(let string), .string):
      writer.writeString(string)
    case (.number(let number), .number):
      writer.writeNumber(number)
    case (.bool(let bool), .bool):
      writer.writeBool(bool)
    case (.list(let elements), .list(let elementType)), (.set(let elements), .set(let elementType)):
      writer.writeArrayHeader(count: elements.count)
      for (index, element) in elements.enumerated() {
        try encode(element, as: elementType, at: path.index(index))
      }
    case (.tuple(let elements), .tuple(let elementTypes)):
      guard elements.count == elementTypes.count else {
        throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(elements.count)", at: path)
      }
      writer.writeArrayHeader(count: elements.count)
      for (index, (element, elementType)) in zip(elements, elementTypes).enumerated() {
        try encode(element, as: elementType, at: path.index(index))
      }
    case (.map(let elements), .map(let elementType)):
      writer.writeMapHeader(count: elements.count)
      for key in elements.keys.sortedByUTF8() {
        writer.writeString(key)
        try encode(elements[key]!, as: elementType, at: path.key(key))
      }
    case (.object(let attributes), .object(let attributeTypes, _)):
      if let extra = attributes.keys.sortedByUTF8().first(where: { attributeTypes[$0] == nil }) {
        throw ValueError("unsupported attribute \"\(extra)\"", at: path.attribute(extra))
      }
      // Every attribute of the type, in byte order, as cty writes them; absent ones are null.
      writer.writeMapHeader(count: attributeTypes.count)
      for name in attributeTypes.keys.sortedByUTF8() {
        writer.writeString(name)
        try encode(attributes[name] ?? .null, as: attributeTypes[name]!, at: path.attribute(name))
      }
    default:
      throw mismatch(type, value, at: path)
    }
  }

  /// `[type JSON as bin, value]`: how a value in a dynamic slot carries its type.
  private mutating func encodeDynamic(_ value: Value, as type: CtyType, at path: AttributePath) throws(ValueError) {
    writer.writeArrayHeader(count: 2)
    writer.writeBinary(type.json)
    try encode(value, as: type, at: path)
  }
}
