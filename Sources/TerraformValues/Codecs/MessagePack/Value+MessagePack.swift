/// msgpack, the encoding of `DynamicValue.msgpack` in the plugin protocol, exactly as cty
/// (`cty/msgpack`) reads and writes it.
extension Value {
  /// Decodes msgpack bytes as a value of `type`.
  ///
  /// - nil is null for any type, and an extension of any type is unknown; extension type 12
  ///   carries refinements, which are read (extension types other than 12 are plain unknowns).
  /// - Numbers are accepted as any integer or float format, or as decimal text; strings as
  ///   str or bin holding UTF-8.
  /// - Objects must have exactly the type's attributes, except that an empty map is an object
  ///   whose attributes are all null.
  /// - A `dynamic` slot holds `[type JSON, value]` and decodes to `.dynamic(type, value)`.
  ///
  /// Malformed input of any kind (truncated, wrong format for the type, invalid UTF-8, a length
  /// beyond the data, trailing bytes, nesting beyond `CodecLimits.maximumNestingDepth`) throws
  /// a `ValueError` naming the path of the element at fault. Empty input is an error: the
  /// plugin protocol's empty `DynamicValue` means null, which callers handle before decoding.
  public init(messagePack bytes: some Collection<UInt8>, as type: CtyType) throws(ValueError) {
    var decoder = MessagePackValueDecoder(reader: MessagePackReader(Array(bytes)))
    let value = try decoder.decodeValue(as: type, at: .root, depth: 0)
    guard decoder.reader.isAtEnd else {
      throw ValueError("unexpected data after the msgpack value (\(decoder.reader.remaining) bytes)", at: .root)
    }
    self = value
  }

  /// Encodes the value as msgpack for a slot of `type`, byte for byte as cty would.
  ///
  /// - null is nil; unknown is `d4 00 00`, or extension type 12 carrying the refinements that
  ///   apply to `type` when there are any.
  /// - Numbers are an integer when exactly an `Int64`, a float64 when exactly a `Double`, else
  ///   decimal text.
  /// - Objects have every attribute of the type, sorted by name; one absent from the value is
  ///   nil. Map keys are sorted.
  /// - In a `dynamic` slot, a `.dynamic(t, v)` is written as `[t as JSON, v]`; any other known
  ///   value with the type it implies (see `impliedType`).
  ///
  /// Throws when the value does not fit the type: a kind mismatch, an attribute the type lacks,
  /// a tuple of the wrong length.
  public func messagePack(as type: CtyType) throws(ValueError) -> [UInt8] {
    var encoder = MessagePackValueEncoder()
    try encoder.encode(self, as: type, at: .root)
    return encoder.writer.bytes
  }
}
