/// Parses JSON text into `JSON`, straight from the bytes of a response body.
///
/// Hand-written rather than through `JSONDecoder` and `Codable` because the API server's answers
/// can be megabytes (a CRD, a long list), and because integers must stay exact `Int64`s.
struct JSONParser {
  /// Deeper nesting than any Kubernetes object has; a guard against a hostile peer
  /// exhausting the stack.
  private static let maximumDepth = 512

  private let bytes: [UInt8]
  private var position = 0
  private var depth = 0

  private init(bytes: [UInt8]) { self.bytes = bytes }

  /// The single value in `bytes`, which may be surrounded by whitespace only.
  static func parse(_ bytes: [UInt8]) throws(JSONParseError) -> JSON {
    var parser = JSONParser(bytes: bytes)
    let value = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.position == bytes.count else { throw parser.error("unexpected text after the value") }
    return value
  }

  private mutating func parseValue() throws(JSONParseError) -> JSON {
    skipWhitespace()
    guard position < bytes.count else { throw error("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try parseObject()
    case UInt8(ascii: "["): return try parseArray()
    case UInt8(ascii: "\""): return .string(try parseString())
    case UInt8(ascii: "t"): try expect("true"); return .bool(true)
    case UInt8(ascii: "f"): try expect("false"); return .bool(false)
    case UInt8(ascii: "n"): try expect("null"); return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
    default: throw error("unexpected character")
    }
  }

  private mutating func parseObject() throws(JSONParseError) -> JSON {
    try enter()
    position += 1
    var members: [String: JSON] = [:]
    skipWhitespace()
    if peek() == UInt8(ascii: "}") {
      position += 1
      depth -= 1
      return .object(members)
    }
    while true {
      skipWhitespace()
      guard peek() == UInt8(ascii: "\"") else { throw error("expected a member name") }
      let key = try parseString()
      skipWhitespace()
      guard peek() == UInt8(ascii: ":") else { throw error("expected ':'") }
      position += 1
      members[key] = try parseValue()
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "}"):
        position += 1
        depth -= 1
        return .object(members)
      default: throw error("expected ',' or '}'")
      }
    }
  }

  private mutating func parseArray() throws(JSONParseError) -> JSON {
    try enter()
    position += 1
    var elements: [JSON] = []
    skipWhitespace()
    if peek() == UInt8(ascii: "]") {
      position += 1
      depth -= 1
      return .array(elements)
    }
    while true {
      elements.append(try parseValue())
      skipWhitespace()
      switch peek() {
      case UInt8(ascii: ","): position += 1
      case UInt8(ascii: "]"):
        position += 1
        depth -= 1
        return .array(elements)
      default: throw error("expected ',' or ']'")
      }
    }
  }

  private mutating func parseString() throws(JSONParseError) -> String {
    position += 1
    let start = position
    // The common case, no escapes: one copy of the bytes.
    while position < bytes.count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        defer { position += 1 }
        return String(decoding: bytes[start..<position], as: UTF8.self)
      }
      if byte == UInt8(ascii: "\\") { break }
      if byte < 0x20 { throw error("control character in a string") }
      position += 1
    }
    var scalars = Array(bytes[start..<position])
    while position < bytes.count {
      let byte = bytes[position]
      position += 1
      switch byte {
      case UInt8(ascii: "\""):
        return String(decoding: scalars, as: UTF8.self)
      case UInt8(ascii: "\\"):
        try parseEscape(into: &scalars)
      case 0..<0x20:
        throw error("control character in a string")
      default:
        scalars.append(byte)
      }
    }
    throw error("unterminated string")
  }

  private mutating func parseEscape(into output: inout [UInt8]) throws(JSONParseError) {
    guard position < bytes.count else { throw error("unterminated escape") }
    let byte = bytes[position]
    position += 1
    switch byte {
    case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): output.append(byte)
    case UInt8(ascii: "b"): output.append(0x08)
    case UInt8(ascii: "f"): output.append(0x0C)
    case UInt8(ascii: "n"): output.append(0x0A)
    case UInt8(ascii: "r"): output.append(0x0D)
    case UInt8(ascii: "t"): output.append(0x09)
    case UInt8(ascii: "u"):
      var codeUnit = try parseHex4()
      if (0xD800..<0xDC00).contains(codeUnit), bytes[position...].starts(with: "\\u".utf8) {
        position += 2
        let low = try parseHex4()
        guard (0xDC00..<0xE000).contains(low) else { throw error("invalid surrogate pair") }
        codeUnit = 0x10000 + ((codeUnit - 0xD800) << 10) + (low - 0xDC00)
      }
      // A lone surrogate is not a scalar; the replacement character is what decoders agree on.
      let scalar = Unicode.Scalar(codeUnit) ?? "\u{FFFD}"
      output.append(contentsOf: String(Character(scalar)).utf8)
    default:
      throw error("invalid escape")
    }
  }

  private mutating func parseHex4() throws(JSONParseError) -> UInt32 {
    guard position + 4 <= bytes.count else { throw error("truncated \\u escape") }
    var value: UInt32 = 0
    for byte in bytes[position..<position + 4] {
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid \\u escape")
      }
      value = value << 4 | UInt32(digit)
    }
    position += 4
    return value
  }

  private mutating func parseNumber() throws(JSONParseError) -> JSON {
    let start = position
    var isInteger = true
    while position < bytes.count, Self.isNumberByte(bytes[position]) {
      if bytes[position] == UInt8(ascii: ".") || bytes[position] | 0x20 == UInt8(ascii: "e") { isInteger = false }
      position += 1
    }
    let text = String(decoding: bytes[start..<position], as: UTF8.self)
    // Integers too large for Int64 fall back to Double, as Go's encoding/json would.
    if isInteger, let value = Int64(text) { return .integer(value) }
    guard let value = Double(text) else { throw error("invalid number") }
    return .double(value)
  }

  private static func isNumberByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "."),
      UInt8(ascii: "e"), UInt8(ascii: "E"):
      return true
    default:
      return false
    }
  }

  private mutating func expect(_ literal: StaticString) throws(JSONParseError) {
    let count = literal.utf8CodeUnitCount
    guard position + count <= bytes.count else { throw error("unexpected end of input") }
    let expected = UnsafeBufferPointer(start: literal.utf8Start, count: count)
    guard bytes[position..<position + count].elementsEqual(expected) else { throw error("invalid literal") }
    position += count
  }

  private mutating func enter() throws(JSONParseError) {
    depth += 1
    guard depth <= Self.maximumDepth else { throw error("nesting deeper than \(Self.maximumDepth)") }
  }

  private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"): position += 1
      default: return
      }
    }
  }

  private func error(_ message: String) -> JSONParseError {
    JSONParseError(message: message, offset: position)
  }
}
