/// Compact JSON output with no whitespace, written by the value types that know their shape.
public struct JSONWriter: Sendable {
  /// What has been written so far.
  public private(set) var bytes: [UInt8] = []

  public init() {}

  /// Text that is already JSON: punctuation, literals, numbers.
  public mutating func writeRaw(_ text: String) { bytes.append(contentsOf: text.utf8) }

  public mutating func writeByte(_ byte: UInt8) { bytes.append(byte) }

  private static let hexDigits = Array("0123456789abcdef".utf8)

  /// A string with quotes, backslashes and control characters escaped; everything else is
  /// written as UTF-8.
  public mutating func writeString(_ string: String) {
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
        writeRaw("\\u00")
        bytes.append(Self.hexDigits[Int(byte >> 4)])
        bytes.append(Self.hexDigits[Int(byte & 0xF)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }
}
