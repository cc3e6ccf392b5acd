extension Number {
  /// The largest exponent (the part after `e`) that decimal text may carry.
  ///
  /// Without a bound, seven bytes such as `"1e9999999999"` would become a number whose plain
  /// text (what msgpack and JSON carry) is ten billion digits long. No Terraform value comes
  /// near 10¹⁰⁰⁰⁰⁰.
  public static let maximumExponentMagnitude = 100_000

  /// Parses finite decimal text: JSON number syntax (`-12.5e+3`) and the looser forms Go's
  /// `big.ParseFloat` and so cty accept (`+1`, `007`, `.5`, `5.`). Returns `nil` for anything
  /// else, including `Inf`, whitespace, and an exponent beyond `maximumExponentMagnitude`.
  public init?(decimalString text: String) {
    guard let number = Self.parseDecimal(Array(text.utf8)) else { return nil }
    self = number
  }

  /// Parses number text as cty does when a number arrives as a string (msgpack str, JSON
  /// string): finite decimal text, or `Inf`/`inf` with an optional sign.
  init?(numberText bytes: [UInt8]) {
    switch String(decoding: bytes, as: UTF8.self) {
    case "Inf", "+Inf", "inf", "+inf": self = .infinity
    case "-Inf", "-inf": self = .negativeInfinity
    default:
      guard let number = Self.parseDecimal(bytes) else { return nil }
      self = number
    }
  }

  private static func parseDecimal(_ bytes: [UInt8]) -> Number? {
    var index = 0
    func isDigit(_ at: Int) -> Bool {
      at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
    }

    var isNegative = false
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
      isNegative = bytes[index] == UInt8(ascii: "-")
      index += 1
    }

    var digits: [UInt8] = []
    while isDigit(index) {
      digits.append(bytes[index] - UInt8(ascii: "0"))
      index += 1
    }
    var fractionCount = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      while isDigit(index) {
        digits.append(bytes[index] - UInt8(ascii: "0"))
        fractionCount += 1
        index += 1
      }
    }
    guard !digits.isEmpty else { return nil }

    var exponent = 0
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      var exponentIsNegative = false
      if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") {
        exponentIsNegative = bytes[index] == UInt8(ascii: "-")
        index += 1
      }
      guard isDigit(index) else { return nil }
      while isDigit(index) {
        exponent = exponent * 10 + Int(bytes[index] - UInt8(ascii: "0"))
        // Checked per digit, so the accumulation itself can never overflow.
        guard exponent <= maximumExponentMagnitude else { return nil }
        index += 1
      }
      if exponentIsNegative { exponent = -exponent }
    }
    guard index == bytes.count else { return nil }
    return Number(isNegative: isNegative, digits: digits, exponent: exponent - fractionCount)
  }
}
