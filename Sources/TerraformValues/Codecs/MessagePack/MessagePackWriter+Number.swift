extension MessagePackWriter {
  /// A number as cty writes it: an integer when it is an exact `Int64`, else a float64 when a
  /// `Double` holds it exactly (the infinities included), else its plain decimal text as a
  /// string, which loses nothing however long it is.
  mutating func writeNumber(_ number: Number) {
    if let integer = number.int64Value {
      writeInt(integer)
    } else if let double = number.exactDoubleValue {
      writeFloat64(double)
    } else {
      writeString(number.description)
    }
  }
}
