/// A cursor over untrusted msgpack bytes.
///
/// Every read checks that the bytes it needs are there, and every length read from the input is
/// checked against the bytes remaining before anything is allocated for it, so hostile input can
/// cause an error but never a crash or a huge allocation.
struct MessagePackReader {
  private let bytes: [UInt8]
  private(set) var position = 0

  init(_ bytes: [UInt8]) { self.bytes = bytes }

  var remaining: Int { bytes.count - position }
  var isAtEnd: Bool { position == bytes.count }

  private func truncated(_ needed: Int, at path: AttributePath) -> ValueError {
    ValueError(
      "unexpected end of msgpack data at byte \(position) (needed \(needed) more, \(remaining) left)", at: path)
  }

  mutating func readByte(at path: AttributePath) throws(ValueError) -> UInt8 {
    guard position < bytes.count else { throw truncated(1, at: path) }
    defer { position += 1 }
    return bytes[position]
  }

  func peekByte(at path: AttributePath) throws(ValueError) -> UInt8 {
    guard position < bytes.count else { throw truncated(1, at: path) }
    return bytes[position]
  }

  mutating func readBytes(_ count: Int, at path: AttributePath) throws(ValueError) -> ArraySlice<UInt8> {
    guard count >= 0, count <= remaining else { throw truncated(count, at: path) }
    defer { position += count }
    return bytes[position..<position + count]
  }

  /// A big-endian unsigned integer of `width` bytes.
  private mutating func readUnsigned(_ width: Int, at path: AttributePath) throws(ValueError) -> UInt64 {
    var value: UInt64 = 0
    for byte in try readBytes(width, at: path) { value = value << 8 | UInt64(byte) }
    return value
  }

  /// A big-endian signed integer of `width` bytes.
  private mutating func readSigned(_ width: Int, at path: AttributePath) throws(ValueError) -> Int64 {
    let raw = try readUnsigned(width, at: path)
    // Sign-extend from the top bit of the field.
    let shift = UInt64(64 - 8 * width)
    return Int64(bitPattern: raw << shift) >> shift
  }

  /// A length field of `width` bytes that promises `unitSize` bytes per unit to follow; refused
  /// when fewer bytes remain, so callers may allocate for it.
  private mutating func readLength(_ width: Int, unitSize: Int, at path: AttributePath) throws(ValueError) -> Int {
    let length = try readUnsigned(width, at: path)
    return try checkedLength(length, unitSize: unitSize, at: path)
  }

  private func checkedLength(_ length: UInt64, unitSize: Int, at path: AttributePath) throws(ValueError) -> Int {
    guard length <= UInt64(remaining / unitSize) else {
      throw ValueError(
        "msgpack length \(length) at byte \(position) claims more data than remains (\(remaining) bytes)", at: path)
    }
    return Int(length)
  }

  /// Reads the head of the next item. Lengths of strings, binaries and extensions are known to
  /// fit in what remains; array and map counts too, at one byte per item.
  mutating func readHeader(at path: AttributePath) throws(ValueError) -> MessagePackHeader {
    let start = position
    let code = try readByte(at: path)
    switch code {
    case 0x00...0x7f: return .uint(UInt64(code))
    case 0x80...0x8f: return .map(count: try checkedLength(UInt64(code & 0x0f), unitSize: 2, at: path))
    case 0x90...0x9f: return .array(count: try checkedLength(UInt64(code & 0x0f), unitSize: 1, at: path))
    case 0xa0...0xbf: return .string(length: try checkedLength(UInt64(code & 0x1f), unitSize: 1, at: path))
    case 0xc0: return .nil
    case 0xc2: return .bool(false)
    case 0xc3: return .bool(true)
    case 0xc4: return .binary(length: try readLength(1, unitSize: 1, at: path))
    case 0xc5: return .binary(length: try readLength(2, unitSize: 1, at: path))
    case 0xc6: return .binary(length: try readLength(4, unitSize: 1, at: path))
    case 0xc7, 0xc8, 0xc9:
      let width = code == 0xc7 ? 1 : code == 0xc8 ? 2 : 4
      let length = try readUnsigned(width, at: path)
      let type = Int8(bitPattern: try readByte(at: path))
      return .ext(type: type, length: try checkedLength(length, unitSize: 1, at: path))
    case 0xca: return .float32(Float(bitPattern: UInt32(try readUnsigned(4, at: path))))
    case 0xcb: return .float64(Double(bitPattern: try readUnsigned(8, at: path)))
    case 0xcc: return .uint(try readUnsigned(1, at: path))
    case 0xcd: return .uint(try readUnsigned(2, at: path))
    case 0xce: return .uint(try readUnsigned(4, at: path))
    case 0xcf: return .uint(try readUnsigned(8, at: path))
    case 0xd0: return .int(try readSigned(1, at: path))
    case 0xd1: return .int(try readSigned(2, at: path))
    case 0xd2: return .int(try readSigned(4, at: path))
    case 0xd3: return .int(try readSigned(8, at: path))
    case 0xd4, 0xd5, 0xd6, 0xd7, 0xd8:
      let length = 1 << Int(code - 0xd4)
      let type = Int8(bitPattern: try readByte(at: path))
      return .ext(type: type, length: try checkedLength(UInt64(length), unitSize: 1, at: path))
    case 0xd9: return .string(length: try readLength(1, unitSize: 1, at: path))
    case 0xda: return .string(length: try readLength(2, unitSize: 1, at: path))
    case 0xdb: return .string(length: try readLength(4, unitSize: 1, at: path))
    case 0xdc: return .array(count: try readLength(2, unitSize: 1, at: path))
    case 0xdd: return .array(count: try readLength(4, unitSize: 1, at: path))
    case 0xde: return .map(count: try readLength(2, unitSize: 2, at: path))
    case 0xdf: return .map(count: try readLength(4, unitSize: 2, at: path))
    case 0xe0...0xff: return .int(Int64(Int8(bitPattern: code)))
    default:
      // 0xc1 is the one byte msgpack never uses.
      throw ValueError("invalid msgpack format byte 0xc1 at byte \(start)", at: path)
    }
  }

  /// `length` bytes that must be UTF-8.
  mutating func readString(length: Int, at path: AttributePath) throws(ValueError) -> String {
    let start = position
    let slice = try readBytes(length, at: path)
    guard let string = String(validating: slice, as: UTF8.self) else {
      throw ValueError("msgpack string at byte \(start) is not valid UTF-8", at: path)
    }
    return string
  }

  /// Steps over one whole item of any kind, checking it is well formed.
  mutating func skipItem(at path: AttributePath, depth: Int) throws(ValueError) {
    guard depth <= CodecLimits.maximumNestingDepth else {
      throw ValueError("msgpack data nests deeper than \(CodecLimits.maximumNestingDepth) levels", at: path)
    }
    switch try readHeader(at: path) {
    case .nil, .bool, .int, .uint, .float32, .float64: break
    case .string(let length), .binary(let length), .ext(_, let length):
      _ = try readBytes(length, at: path)
    case .array(let count):
      for _ in 0..<count { try skipItem(at: path, depth: depth + 1) }
    case .map(let count):
      for _ in 0..<(count * 2) { try skipItem(at: path, depth: depth + 1) }
    }
  }
}
