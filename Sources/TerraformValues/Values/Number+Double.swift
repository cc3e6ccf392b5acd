extension Number {
  /// The shortest decimal that rounds to `value`, as Swift prints it, so `Number(0.1)` is
  /// exactly 0.1: what someone writing `0.1` means, and what Terraform makes of `0.1` in
  /// configuration. Infinities map to infinities; `nil` for NaN, which cty has no value for.
  public init?(_ value: Double) {
    if value.isNaN { return nil }
    if value.isInfinite {
      self = value < 0 ? .negativeInfinity : .infinity
      return
    }
    // `description` is the shortest round-tripping text, e.g. "0.1", "1e+16", "5e-324".
    guard let number = Number(numberText: Array(value.description.utf8)) else { return nil }
    self = number
  }

  /// The exact value of the binary `value`: `Number(exactly: 0.1)` is
  /// 0.1000000000000000055511151231257827021181583404541015625. This is how numbers that
  /// arrive as msgpack floats are read, so that they go back out as the very same float.
  /// `nil` for NaN.
  public init?(exactly value: Double) {
    if value.isNaN { return nil }
    if value.isInfinite {
      self = value < 0 ? .negativeInfinity : .infinity
      return
    }
    // value = significand × 2^exponent with an integer significand.
    let bits = value.bitPattern
    let biasedExponent = Int((bits >> 52) & 0x7FF)
    let fraction = bits & ((1 << 52) - 1)
    let significand = biasedExponent == 0 ? fraction : fraction | (1 << 52)
    let exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075
    var accumulator = DecimalAccumulator(significand)
    if exponent >= 0 {
      accumulator.multiply(byPowerOfTwo: exponent)
      self.init(isNegative: value.sign == .minus, digits: accumulator.decimalDigits, exponent: 0)
    } else {
      // m × 2^-k = m × 5^k × 10^-k.
      accumulator.multiply(byPowerOfFive: -exponent)
      self.init(isNegative: value.sign == .minus, digits: accumulator.decimalDigits, exponent: exponent)
    }
  }

  /// The nearest `Double` (correctly rounded); `±infinity` beyond `Double`'s range, which
  /// includes the infinities themselves.
  public var doubleValue: Double {
    switch storage {
    case .positiveInfinity: return .infinity
    case .negativeInfinity: return -.infinity
    case .finite(let isNegative, let digits, let exponent):
      guard let leading = digits.first else { return 0 }
      // Scientific text keeps it short whatever the exponent: "-1.2345e-300".
      var text = isNegative ? "-" : ""
      text += String(leading)
      if digits.count > 1 {
        text += "."
        text += String(decoding: digits.dropFirst().map { $0 + UInt8(ascii: "0") }, as: UTF8.self)
      }
      text += "e\(exponent + digits.count - 1)"
      return Double(text) ?? (isNegative ? -.infinity : .infinity)
    }
  }

  /// The `Double` equal to this number, if there is one: the test cty's msgpack encoder applies
  /// (`big.Float.Float64()` with `big.Exact`) before it falls back to a decimal string.
  var exactDoubleValue: Double? {
    switch storage {
    case .positiveInfinity: return .infinity
    case .negativeInfinity: return -.infinity
    case .finite(_, let digits, let exponent):
      if digits.isEmpty { return 0 }
      // A finite Double has at most 767 significant decimal digits and lies within
      // 10^-324 ... 10^309; skip the expansion for anything outside that.
      let magnitude = digits.count + exponent
      guard digits.count <= 767, magnitude <= 309, magnitude >= -323 else { return nil }
      let candidate = doubleValue
      guard candidate.isFinite, Number(exactly: candidate) == self else { return nil }
      return candidate
    }
  }
}
