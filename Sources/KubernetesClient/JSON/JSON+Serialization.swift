import JSONSyntax

extension JSON {
  /// Compact JSON text with object keys sorted, so that equal values always serialize to equal
  /// bytes (stable request bodies, stable hashes in Terraform state).
  public var jsonText: String { String(decoding: jsonBytes, as: UTF8.self) }

  /// The UTF-8 bytes of `jsonText`.
  public var jsonBytes: [UInt8] {
    var writer = JSONWriter()
    write(to: &writer)
    return writer.bytes
  }

  private func write(to writer: inout JSONWriter) {
    switch self {
    case .null:
      writer.writeRaw("null")
    case .bool(let value):
      writer.writeRaw(value ? "true" : "false")
    case .integer(let value):
      writer.writeRaw(String(value))
    case .double(let value):
      // JSON has no infinities or NaN; null is what other Kubernetes clients send instead.
      writer.writeRaw(value.isFinite ? String(value) : "null")
    case .string(let value):
      writer.writeString(value)
    case .array(let elements):
      writer.writeByte(UInt8(ascii: "["))
      for (index, element) in elements.enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        element.write(to: &writer)
      }
      writer.writeByte(UInt8(ascii: "]"))
    case .object(let members):
      writer.writeByte(UInt8(ascii: "{"))
      for (index, key) in members.keys.sorted().enumerated() {
        if index > 0 { writer.writeByte(UInt8(ascii: ",")) }
        writer.writeString(key)
        writer.writeByte(UInt8(ascii: ":"))
        members[key]!.write(to: &writer)
      }
      writer.writeByte(UInt8(ascii: "}"))
    }
  }
}

extension JSON: CustomStringConvertible {
  public var description: String { jsonText }
}
