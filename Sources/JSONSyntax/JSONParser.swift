/// A strict RFC 8259 parser for untrusted input: no comments, no trailing commas, nothing
/// after the document but whitespace, strings that are valid UTF-8, and nesting no deeper than
/// the caller's bound. Errors carry the byte offset at fault.
struct JSONParser {
  private let bytes: [UInt8]
  private let maximumDepth: Int
  private var position = 0

  private init(_ bytes: [UInt8], maximumDepth: Int) {
    self.bytes = bytes
    self.maximumDepth = maximumDepth
  }

  /// Parses one whole JSON document.
  static func parse(_ bytes: some Collection<UInt8>, maximumDepth: Int) throws(JSONSyntaxError) -> JSONNode {
    var parser = JSONParser(Array(bytes), maximumDepth: maximumDepth)
    let node = try parser.parseValue()
    parser.skipWhitespace()
    guard parser.position == parser.bytes.count else {
      throw parser.error("unexpected \(parser.describeCurrent()) after the JSON document")
    }
    return node
  }

  private func error(_ message: String) -> JSONSyntaxError {
    JSONSyntaxError(message: message, offset: position)
  }

  private func describeCurrent() -> String {
    guard position < bytes.count else { return "end of input" }
    let byte = bytes[position]
    if byte >= 0x20 && byte < 0x7f { return "character '\(Character(Unicode.Scalar(byte)))'" }
    return "byte 0x\(String(byte, radix: 16))"
  }

  private mutating func skipWhitespace() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0a, 0x0d: position += 1
      default: return
      }
    }
  }

  private mutating func expect(_ literal: String) throws(JSONSyntaxError) {
    for byte in literal.utf8 {
      guard position < bytes.count, bytes[position] == byte else {
        throw error("unexpected \(describeCurrent()) while reading '\(literal)'")
      }
      position += 1
    }
  }

  /// An array or object whose members are still being read.
  private enum OpenContainer {
    case array([JSONNode])
    case object([(key: String, value: JSONNode)], pendingKey: String)
  }

  /// Reads one value. Containers are kept on an explicit stack rather than by recursion, so
  /// deep input costs heap, not thread stack.
  private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
    var open: [OpenContainer] = []
    while true {
      // Read the start of a value: a scalar completes at once, a container may open.
      skipWhitespace()
      guard position < bytes.count else { throw unexpected(expecting: "a value") }
      var completed: JSONNode
      switch bytes[position] {
      case UInt8(ascii: "["):
        try checkDepth(open.count + 1)
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
          position += 1
          completed = .array([])
        } else {
          open.append(.array([]))
          continue
        }
      case UInt8(ascii: "{"):
        try checkDepth(open.count + 1)
        position += 1
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
          position += 1
          completed = .object([])
        } else {
          open.append(.object([], pendingKey: try parseKey()))
          continue
        }
      default:
        completed = try parseScalar()
      }

      // Hand the completed value to its container, closing containers as their ends arrive.
      while true {
        guard let container = open.popLast() else { return completed }
        skipWhitespace()
        switch container {
        case .array(var elements):
          elements.append(completed)
          guard position < bytes.count else { throw unexpected(expecting: "',' or ']'", in: " in an array") }
          switch bytes[position] {
          case UInt8(ascii: ","):
            position += 1
            open.append(.array(elements))
          case UInt8(ascii: "]"):
            position += 1
            completed = .array(elements)
            continue
          default:
            throw unexpected(expecting: "',' or ']'", in: " in an array")
          }
        case .object(var members, let key):
          members.append((key, completed))
          guard position < bytes.count else { throw unexpected(expecting: "',' or '}'", in: " in an object") }
          switch bytes[position] {
          case UInt8(ascii: ","):
            position += 1
            skipWhitespace()
            open.append(.object(members, pendingKey: try parseKey()))
          case UInt8(ascii: "}"):
            position += 1
            completed = .object(members)
            continue
          default:
            throw unexpected(expecting: "',' or '}'", in: " in an object")
          }
        }
        break
      }
    }
  }

  /// An object key and its colon, leaving the position at the member's value.
  private mutating func parseKey() throws(JSONSyntaxError) -> String {
    guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
      throw unexpected(expecting: "a string key", in: " in an object")
    }
    let key = try parseString()
    skipWhitespace()
    guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
      throw unexpected(expecting: "':'", in: " after an object key")
    }
    position += 1
    return key
  }

  /// null, true, false, a string or a number.
  private mutating func parseScalar() throws(JSONSyntaxError) -> JSONNode {
    switch bytes[position] {
    case UInt8(ascii: "n"):
      try expect("null")
      return .null
    case UInt8(ascii: "t"):
      try expect("true")
      return .bool(true)
    case UInt8(ascii: "f"):
      try expect("false")
      return .bool(false)
    case UInt8(ascii: "\""):
      return .string(try parseString())
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
      return .number(try parseNumber())
    default:
      throw unexpected(expecting: "a value")
    }
  }

  /// "unexpected X, expected Y" (or "unexpected end of input, expected Y").
  private func unexpected(expecting expected: String, in context: String = "") -> JSONSyntaxError {
    error("unexpected \(describeCurrent())\(context), expected \(expected)")
  }

  private func checkDepth(_ depth: Int) throws(JSONSyntaxError) {
    guard depth <= maximumDepth else { throw error("JSON nests deeper than \(maximumDepth) levels") }
  }

  /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
  private mutating func parseNumber() throws(JSONSyntaxError) -> String {
    let start = position
    func isDigit(_ index: Int) -> Bool {
      index < bytes.count && bytes[index] >= UInt8(ascii: "0") && bytes[index] <= UInt8(ascii: "9")
    }
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard isDigit(position) else { throw error("expected a digit in a number") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
      if isDigit(position) { throw error("numbers may not have leading zeros") }
    } else {
      while isDigit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard isDigit(position) else { throw error("expected a digit after the decimal point") }
      while isDigit(position) { position += 1 }
    }
    if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
      position += 1
      if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
        position += 1
      }
      guard isDigit(position) else { throw error("expected a digit in an exponent") }
      while isDigit(position) { position += 1 }
    }
    return String(decoding: bytes[start..<position], as: UTF8.self)
  }

  private mutating func parseHexQuad() throws(JSONSyntaxError) -> UInt32 {
    var value: UInt32 = 0
    for _ in 0..<4 {
      guard position < bytes.count else { throw error("unexpected end of input in a \\u escape") }
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
      default: throw error("invalid hex digit in a \\u escape")
      }
      value = value << 4 | UInt32(digit)
      position += 1
    }
    return value
  }

  private mutating func parseString() throws(JSONSyntaxError) -> String {
    let start = position
    position += 1  // opening quote
    // The common case, no escapes: the string is one slice of the input, checked once (Kubernetes
    // answers are mostly long descriptions). Anything else, errors included, takes the loop below.
    var end = position
    while end < bytes.count, bytes[end] != UInt8(ascii: "\""), bytes[end] != UInt8(ascii: "\\"), bytes[end] >= 0x20 {
      end += 1
    }
    if end < bytes.count, bytes[end] == UInt8(ascii: "\""),
      let string = String(validating: bytes[position..<end], as: UTF8.self)
    {
      position = end + 1
      return string
    }
    var utf8: [UInt8] = []
    while true {
      guard position < bytes.count else { throw error("unterminated string") }
      let byte = bytes[position]
      switch byte {
      case UInt8(ascii: "\""):
        position += 1
        guard let string = String(validating: utf8, as: UTF8.self) else {
          position = start
          throw error("string is not valid UTF-8")
        }
        return string
      case UInt8(ascii: "\\"):
        position += 1
        guard position < bytes.count else { throw error("unterminated escape") }
        let escape = bytes[position]
        position += 1
        switch escape {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): utf8.append(escape)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0c)
        case UInt8(ascii: "n"): utf8.append(0x0a)
        case UInt8(ascii: "r"): utf8.append(0x0d)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try parseHexQuad()
          if (0xD800...0xDBFF).contains(scalar) {
            // A high surrogate needs a low one next; as Go does, an unpaired one becomes U+FFFD.
            let save = position
            if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
              bytes[position + 1] == UInt8(ascii: "u")
            {
              position += 2
              let low = try parseHexQuad()
              if (0xDC00...0xDFFF).contains(low) {
                scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
              } else {
                position = save
                scalar = 0xFFFD
              }
            } else {
              scalar = 0xFFFD
            }
          } else if (0xDC00...0xDFFF).contains(scalar) {
            scalar = 0xFFFD
          }
          utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
        default:
          position -= 1
          throw error("invalid escape '\\\(Character(Unicode.Scalar(escape)))'")
        }
      case 0x00..<0x20:
        throw error("control character 0x\(String(byte, radix: 16)) in a string must be escaped")
      default:
        utf8.append(byte)
        position += 1
      }
    }
  }
}
