/// JSON values as Terraform writes them in state (`RawState.json` in UpgradeResourceState and
/// MoveResourceState), following cty's `cty/json`.
extension Value {
  /// Decodes JSON as a value of `type`.
  ///
  /// - `null` is null for any type. JSON has no unknown values.
  /// - Numbers keep every digit; a string holding a number is accepted for a number, as cty
  ///   accepts it. Strings also accept JSON numbers and bools (as their text), and bools the
  ///   strings `"true"`, `"false"`, `"1"` and `"0"`, as cty's conversions do.
  /// - Objects: an attribute absent from the JSON is null; one the type lacks is an error.
  /// - A `dynamic` slot holds `{"value": …, "type": …}` and decodes to `.dynamic(type, value)`.
  ///
  /// Duplicate keys in a JSON object keep the last value, as Go's decoder does.
  public init(json bytes: some Collection<UInt8>, as type: CtyType) throws(ValueError) {
    self = try Value(jsonNode: JSONParser.parse(bytes), as: type, at: .root)
  }

  private init(jsonNode node: JSONNode, as type: CtyType, at path: AttributePath) throws(ValueError) {
    func mismatch(_ expected: String) -> ValueError {
      ValueError("expected \(expected), found \(node.kindName)", at: path)
    }
    if case .null = node {
      self = .null
      return
    }
    switch type {
    case .dynamic:
      guard case .object(let members) = node else { throw mismatch("a dynamic value ({\"value\": …, \"type\": …})") }
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
      self = .dynamic(innerType, try Value(jsonNode: valueNode, as: innerType, at: path))
    case .string:
      switch node {
      case .string(let string): self = .string(string)
      case .number(let text): self = .string(text)
      case .bool(let bool): self = .string(bool ? "true" : "false")
      default: throw mismatch("a string")
      }
    case .number:
      let text: String
      switch node {
      case .number(let number): text = number
      case .string(let string): text = string
      default: throw mismatch("a number")
      }
      guard let number = Number(numberText: Array(text.utf8)) else {
        throw ValueError("\"\(text.prefix(64))\" is not a number Terraform can hold", at: path)
      }
      self = .number(number)
    case .bool:
      switch node {
      case .bool(let bool): self = .bool(bool)
      case .string("true"), .string("1"): self = .bool(true)
      case .string("false"), .string("0"): self = .bool(false)
      default: throw mismatch("a bool")
      }
    case .list(let elementType), .set(let elementType):
      guard case .array(let nodes) = node else { throw mismatch(type.kindName) }
      var elements: [Value] = []
      elements.reserveCapacity(nodes.count)
      for (index, element) in nodes.enumerated() {
        elements.append(try Value(jsonNode: element, as: elementType, at: path.index(index)))
      }
      if case .list = type { self = .list(elements) } else { self = .set(elements) }
    case .tuple(let elementTypes):
      guard case .array(let nodes) = node else { throw mismatch("a tuple") }
      guard nodes.count == elementTypes.count else {
        throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(nodes.count)", at: path)
      }
      var elements: [Value] = []
      elements.reserveCapacity(nodes.count)
      for (index, (element, elementType)) in zip(nodes, elementTypes).enumerated() {
        elements.append(try Value(jsonNode: element, as: elementType, at: path.index(index)))
      }
      self = .tuple(elements)
    case .map(let elementType):
      guard case .object(let members) = node else { throw mismatch("a map") }
      var elements: [String: Value] = [:]
      for (key, member) in members {
        elements[key] = try Value(jsonNode: member, as: elementType, at: path.key(key))
      }
      self = .map(elements)
    case .object(let attributeTypes, _):
      guard case .object(let members) = node else { throw mismatch("an object") }
      var attributes = attributeTypes.mapValues { _ in Value.null }
      for (name, member) in members {
        guard let attributeType = attributeTypes[name] else {
          throw ValueError("unsupported attribute \"\(name)\"", at: path.attribute(name))
        }
        attributes[name] = try Value(jsonNode: member, as: attributeType, at: path.attribute(name))
      }
      self = .object(attributes)
    }
  }

  /// Encodes the value as compact JSON for a slot of `type`, as cty would: map keys and
  /// object attributes sorted (every attribute of the type, absent ones as `null`), numbers as
  /// plain decimal text, and a value in a `dynamic` slot as `{"value":…,"type":…}`.
  ///
  /// Throws for unknown values, which JSON cannot express, and for values that do not fit the
  /// type. The infinities, which JSON numbers cannot express either, are written as the strings
  /// `"+Inf"` and `"-Inf"`, which the decoder (like cty's) reads back as numbers.
  public func json(as type: CtyType) throws(ValueError) -> [UInt8] {
    var writer = JSONWriter()
    try writeJSON(as: type, at: .root, to: &writer)
    return writer.bytes
  }

  private func writeJSON(as type: CtyType, at path: AttributePath, to writer: inout JSONWriter) throws(ValueError) {
    switch (self, type) {
    case (.null, _):
      writer.writeRaw("null")
    case (.unknown, _):
      throw ValueError("an unknown value cannot be written as JSON", at: path)
    case (.dynamic(let innerType, let inner), .dynamic):
      try inner.writeDynamicJSON(as: innerType, at: path, to: &writer)
    case (.dynamic(let innerType, let inner), _):
      guard innerType == type else {
        throw ValueError("expected \(type.kindName) of type \(type.friendlyName), found a dynamic value of type \(innerType.friendlyName)", at: path)
      }
      try inner.writeJSON(as: type, at: path, to: &writer)
    case (_, .dynamic):
      try fittingImpliedType.writeDynamicJSON(as: try impliedType(at: path), at: path, to: &writer)
    case (.string(let string), .string):
      writer.writeString(string)
    case (.number(let number), .number):
      if number.isInfinite {
        writer.writeString(number.description)
      } else {
        writer.writeRaw(number.description)
      }
    case (.bool(let bool), .bool):
      writer.writeRaw(bool ? "true" : "false")
    case (.list(let elements), .list(let elementType)), (.set(let elements), .set(let elementType)):
      writer.writeByte(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        try element.writeJSON(as: elementType, at: path.index(index), to: &writer)
      }
      writer.writeByte(UInt8(ascii: "]"))
    case (.tuple(let elements), .tuple(let elementTypes)):
      guard elements.count == elementTypes.count else {
        throw ValueError("expected a tuple of \(elementTypes.count) elements, found \(elements.count)", at: path)
      }
      writer.writeByte(UInt8(ascii: "["))
      for (index, (element, elementType)) in zip(elements, elementTypes).enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        try element.writeJSON(as: elementType, at: path.index(index), to: &writer)
      }
      writer.writeByte(UInt8(ascii: "]"))
    case (.map(let elements), .map(let elementType)):
      writer.writeByte(UInt8(ascii: "{"))
      for (index, key) in elements.keys.sortedByUTF8().enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        writer.writeString(key)
        writer.writeByte(UInt8(ascii: ":"))
        try elements[key]!.writeJSON(as: elementType, at: path.key(key), to: &writer)
      }
      writer.writeByte(UInt8(ascii: "}"))
    case (.object(let attributes), .object(let attributeTypes, _)):
      if let extra = attributes.keys.sortedByUTF8().first(where: { attributeTypes[$0] == nil }) {
        throw ValueError("unsupported attribute \"\(extra)\"", at: path.attribute(extra))
      }
      writer.writeByte(UInt8(ascii: "{"))
      for (index, name) in attributeTypes.keys.sortedByUTF8().enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        writer.writeString(name)
        writer.writeByte(UInt8(ascii: ":"))
        try (attributes[name] ?? .null).writeJSON(as: attributeTypes[name]!, at: path.attribute(name), to: &writer)
      }
      writer.writeByte(UInt8(ascii: "}"))
    default:
      throw ValueError("expected \(type.kindName), found \(kindName)", at: path)
    }
  }

  /// `{"value":…,"type":…}`, in cty's order.
  private func writeDynamicJSON(as type: CtyType, at path: AttributePath, to writer: inout JSONWriter) throws(ValueError) {
    writer.writeRaw("{\"value\":")
    try writeJSON(as: type, at: path, to: &writer)
    writer.writeRaw(",\"type\":")
    type.write(to: &writer)
    writer.writeByte(UInt8(ascii: "}"))
  }
}
