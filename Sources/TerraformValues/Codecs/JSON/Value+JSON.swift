import JSONSyntax

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
  /// Duplicate keys in a JSON object keep the last value, as Go's decoder does. Malformed JSON,
  /// invalid UTF-8 and nesting beyond `CodecLimits.maximumNestingDepth` are errors.
  public init(json bytes: some Collection<UInt8>, as type: CtyType) throws(ValueError) {
    self = try JSONValueDecoder.decode(JSONNode(codecInput: bytes), as: type, at: .root, depth: 0)
  }

  /// Encodes the value as compact JSON for a slot of `type`, as cty would: map keys and
  /// object attributes sorted (every attribute of the type, absent ones as `null`), numbers as
  /// plain decimal text, and a value in a `dynamic` slot as `{"value":…,"type":…}`.
  ///
  /// Throws for unknown values, which JSON cannot express, and for values that do not fit the
  /// type. The infinities, which JSON numbers cannot express either, are written as the strings
  /// `"+Inf"` and `"-Inf"`, which the decoder (like cty's) reads back as numbers.
  public func json(as type: CtyType) throws(ValueError) -> [UInt8] {
    var encoder = JSONValueEncoder()
    try encoder.encode(self, as: type, at: .root)
    return encoder.writer.bytes
  }
}
