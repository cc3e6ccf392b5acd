/// The head of one msgpack item: its format family and, for containers and byte strings, the
/// length that follows. Integers, floats, nil and bools are complete in the header.
enum MessagePackHeader {
  case `nil`
  case bool(Bool)
  /// A signed format (int8…int64) or a negative fixint.
  case int(Int64)
  /// An unsigned format (uint8…uint64) or a positive fixint.
  case uint(UInt64)
  case float32(Float)
  case float64(Double)
  /// fixstr, str8/16/32: `length` bytes of UTF-8 follow.
  case string(length: Int)
  /// bin8/16/32: `length` bytes follow.
  case binary(length: Int)
  /// fixarray, array16/32: `count` items follow.
  case array(count: Int)
  /// fixmap, map16/32: `count` key/value pairs follow.
  case map(count: Int)
  /// fixext1…16, ext8/16/32: a type byte and `length` bytes of payload follow.
  case ext(type: Int8, length: Int)

  /// The format family with its article, for messages: `a msgpack array`.
  var kindName: String {
    switch self {
    case .nil: "msgpack nil"
    case .bool: "a msgpack bool"
    case .int, .uint: "a msgpack integer"
    case .float32, .float64: "a msgpack float"
    case .string: "a msgpack string"
    case .binary: "msgpack binary data"
    case .array: "a msgpack array"
    case .map: "a msgpack map"
    case .ext: "a msgpack extension"
    }
  }
}
