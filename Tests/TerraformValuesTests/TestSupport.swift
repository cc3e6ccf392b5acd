import TerraformValues

/// Bytes from hex text such as `"d4 00 00"`; spaces are ignored.
func hex(_ text: String) -> [UInt8] {
  let digits = Array(text.filter { !$0.isWhitespace })
  precondition(digits.count % 2 == 0, "odd number of hex digits in \(text)")
  return stride(from: 0, to: digits.count, by: 2).map { UInt8(String(digits[$0...$0 + 1]), radix: 16)! }
}

/// The UTF-8 bytes of `text`.
func utf8(_ text: String) -> [UInt8] { Array(text.utf8) }

/// A number from decimal text the test knows to be valid.
func number(_ text: String) -> Number { Number(decimalString: text)! }

/// The error a throwing call produced, or `nil` when it succeeded.
func valueError<T>(_ body: () throws(ValueError) -> T) -> ValueError? {
  do {
    _ = try body()
    return nil
  } catch {
    return error
  }
}

/// A small deterministic generator, so random-input tests are repeatable.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
