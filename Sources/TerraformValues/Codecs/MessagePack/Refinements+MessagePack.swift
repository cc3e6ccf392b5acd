/// The payload of msgpack extension type 12: what Terraform (≥ 1.6) knows about an unknown
/// value, as a map from small integer keys (cty `msgpack/unknown.go`).
extension Refinements {
  /// The extension type of a refined unknown value.
  static let messagePackExtensionType: Int8 = 12
  /// Payloads beyond this are refused, as cty refuses them, rather than parsed.
  static let maximumMessagePackPayload = 1024
  /// cty keeps string prefixes this short; longer ones are cut when encoding.
  static let maximumStringPrefixBytes = 256

  private enum Key: Int64 {
    case nullness = 1
    case stringPrefix = 2
    case numberLowerBound = 3
    case numberUpperBound = 4
    case lengthLowerBound = 5
    case lengthUpperBound = 6
  }

  /// The value an extension-12 payload describes for a slot of `type`: an unknown with its
  /// refinements, or null when the payload says the value is definitely null (cty collapses
  /// such an unknown into a known null). Keys this module does not know are skipped; keys that
  /// cannot apply to `type` are an error, as in cty.
  static func decodeMessagePackPayload(_ payload: ArraySlice<UInt8>, for type: CtyType, at path: AttributePath)
    throws(ValueError) -> Value
  {
    guard payload.count <= maximumMessagePackPayload else {
      throw ValueError(
        "unknown value refinements are \(payload.count) bytes long, more than the \(maximumMessagePackPayload) allowed",
        at: path)
    }
    // As in cty, a payload of at most one byte (the `d4 0c 00` form) carries no refinements.
    if payload.count <= 1 { return .unknownValue }
    do {
      return try decodePayloadMap(payload, for: type, at: path)
    } catch {
      throw ValueError("invalid unknown value refinements: \(error.message)", at: path)
    }
  }

  private static func decodePayloadMap(_ payload: ArraySlice<UInt8>, for type: CtyType, at path: AttributePath)
    throws(ValueError) -> Value
  {
    var reader = MessagePackReader(Array(payload))
    func invalid(_ why: String) -> ValueError { ValueError(why, at: path) }
    guard case .map(let count) = try reader.readHeader(at: path) else {
      throw invalid("expected a msgpack map")
    }
    // cty never refines a dynamic value and ignores refinements sent for one.
    if type == .dynamic { return .unknownValue }

    var refinements = Refinements()
    for _ in 0..<count {
      let keyCode: Int64
      switch try reader.readHeader(at: path) {
      case .int(let value): keyCode = value
      case .uint(let value): keyCode = Int64(clamping: value)
      case let other: throw invalid("expected an integer key, found \(other.kindName)")
      }
      guard let key = Key(rawValue: keyCode) else {
        // Room for refinements a future Terraform may add.
        try reader.skipItem(at: path, depth: 1)
        continue
      }
      switch key {
      case .nullness:
        guard case .bool(let isNull) = try reader.readHeader(at: path) else {
          throw invalid("nullness must be a bool")
        }
        if isNull { return .null }
        refinements.isNullable = false
      case .stringPrefix:
        guard type == .string else { throw invalid("a string prefix for \(type.kindName)") }
        let prefix: String
        switch try reader.readHeader(at: path) {
        case .string(let length), .binary(let length): prefix = try reader.readString(length: length, at: path)
        default: throw invalid("the string prefix must be a string")
        }
        if !prefix.isEmpty { refinements.stringPrefix = prefix }
      case .numberLowerBound, .numberUpperBound:
        guard type == .number else { throw invalid("a number bound for \(type.kindName)") }
        guard case .array(2) = try reader.readHeader(at: path) else {
          throw invalid("a number bound must be a [number, bool] array")
        }
        var decoder = MessagePackValueDecoder(reader: reader)
        let bound = try decoder.decodeValue(as: .number, at: path, depth: 1)
        reader = decoder.reader
        guard case .number(let number) = bound, case .bool(let isInclusive) = try reader.readHeader(at: path) else {
          throw invalid("a number bound must be a [number, bool] array")
        }
        let numberBound = NumberBound(number, isInclusive: isInclusive)
        if key == .numberLowerBound {
          refinements.numberLowerBound = numberBound
        } else {
          refinements.numberUpperBound = numberBound
        }
      case .lengthLowerBound, .lengthUpperBound:
        guard type.isCollection else { throw invalid("a length bound for \(type.kindName)") }
        let length: Int
        switch try reader.readHeader(at: path) {
        case .int(let value) where value >= 0: length = Int(value)
        case .uint(let value) where value <= UInt64(Int.max): length = Int(value)
        default: throw invalid("a length bound must be a non-negative integer")
        }
        if key == .lengthLowerBound {
          refinements.lengthLowerBound = length
        } else {
          refinements.lengthUpperBound = length
        }
      }
    }
    // Bytes after the map are ignored, as cty reserves them for later use.
    return .unknown(refinements)
  }

  /// The extension-12 payload for an unknown in a slot of `type`, holding only the
  /// refinements that can apply to that type (as cty encodes them); `nil` when none do, since
  /// an empty refinement map must never be sent.
  func messagePackPayload(for type: CtyType, at path: AttributePath) throws(ValueError) -> [UInt8]? {
    if type == .dynamic { return nil }
    var entries = MessagePackWriter()
    var count = 0
    // Only "definitely not null" is sent: `isNullable == true` is the default state, and cty
    // would read nullness `true` as "definitely null", collapsing the unknown into a null.
    if isNullable == false {
      entries.writeInt(Key.nullness.rawValue)
      entries.writeBool(false)
      count += 1
    }
    switch type {
    case .string:
      if let stringPrefix, !stringPrefix.isEmpty {
        entries.writeInt(Key.stringPrefix.rawValue)
        entries.writeString(Self.truncatedPrefix(stringPrefix))
        count += 1
      }
    case .number:
      for (key, bound) in [(Key.numberLowerBound, numberLowerBound), (.numberUpperBound, numberUpperBound)] {
        guard let bound else { continue }
        entries.writeInt(key.rawValue)
        entries.writeArrayHeader(count: 2)
        entries.writeNumber(bound.value)
        entries.writeBool(bound.isInclusive)
        count += 1
      }
    case .list, .set, .map:
      // A lower bound of zero says nothing, and cty leaves it out.
      if let lengthLowerBound, lengthLowerBound != 0 {
        entries.writeInt(Key.lengthLowerBound.rawValue)
        entries.writeInt(Int64(lengthLowerBound))
        count += 1
      }
      if let lengthUpperBound {
        entries.writeInt(Key.lengthUpperBound.rawValue)
        entries.writeInt(Int64(lengthUpperBound))
        count += 1
      }
    default:
      break
    }
    if count == 0 { return nil }
    var payload = MessagePackWriter()
    payload.writeMapHeader(count: count)
    payload.writeRaw(entries.bytes)
    guard payload.bytes.count <= Self.maximumMessagePackPayload else {
      throw ValueError(
        "unknown value refinements take \(payload.bytes.count) bytes, more than the \(Self.maximumMessagePackPayload) Terraform accepts",
        at: path)
    }
    return payload.bytes
  }

  /// The prefix cut to at most 256 bytes, at a character boundary so it stays valid UTF-8.
  static func truncatedPrefix(_ prefix: String) -> String {
    let utf8 = Array(prefix.utf8)
    guard utf8.count > maximumStringPrefixBytes else { return prefix }
    var end = maximumStringPrefixBytes
    // Back up over continuation bytes (10xxxxxx) to the start of the cut character.
    while end > 0, utf8[end] & 0xC0 == 0x80 { end -= 1 }
    return String(decoding: utf8[..<end], as: UTF8.self)
  }
}

extension CtyType {
  /// Whether the type is a list, set or map: the types with a length refinement.
  var isCollection: Bool {
    switch self {
    case .list, .set, .map: true
    default: false
    }
  }
}
