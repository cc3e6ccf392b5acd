/// Compact JSON output with no whitespace, for values and type descriptions.
struct JSONWriter {
  private(set) var bytes: [UInt8] = []

  mutating func writeRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

  /// A string with quotes, backslashes and control characters escaped; everything else is
  /// written as UTF-8.
  mutating func writeString(_ string: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in string.utf8 {
      switch byte {
      case UInt8(ascii: "\""): writeRaw("\\\"")
      case UInt8(ascii: "\\"): writeRaw("\\\\")
      case 0x0a: writeRaw("\\n")
      case 0x0d: writeRaw("\\r")
      case 0x09: writeRaw("\\t")
      case 0x08: writeRaw("\\b")
      case 0x0c: writeRaw("\\f")
      case 0x00..<0x20:
        let hex = String(byte, radix: 16)
        writeRaw("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
