/// A Terraform number: an exact decimal of any length, or positive or negative infinity.
///
/// cty stores numbers as `big.Float` with 512 bits of mantissa; a provider must hand back the
/// numbers it was given without rounding them, so this type keeps the exact decimal instead of a
/// `Double`. There is no NaN, as in cty.
///
/// Numbers are kept in a canonical form, so numbers with the same value are `==` and hash alike
/// whatever text they came from: `1.50`, `1.5` and `15e-1` are one number, as are `-0` and `0`.
public struct Number: Hashable, Sendable, Comparable, CustomStringConvertible, ExpressibleByIntegerLiteral,
  ExpressibleByFloatLiteral
{
  /// The canonical representation.
  enum Storage: Hashable, Sendable {
    /// `(isNegative ? -1 : 1) × digits × 10^exponent`, reading `digits` (each 0...9, most
    /// significant first) as an integer. `digits` has no leading or trailing zeros: trailing
    /// zeros are folded into `exponent`, so every value has exactly one form. Zero is
    /// `(false, [], 0)`.
    case finite(isNegative: Bool, digits: [UInt8], exponent: Int)
    case positiveInfinity
    case negativeInfinity
  }

  let storage: Storage

  init(storage: Storage) { self.storage = storage }

  /// Builds the canonical form of `(isNegative ? -1 : 1) × digits × 10^exponent`, dropping
  /// leading and trailing zeros so that equal values have equal storage.
  init(isNegative: Bool, digits: some Collection<UInt8>, exponent: Int) {
    guard let first = digits.firstIndex(where: { $0 != 0 }) else {
      self.storage = .finite(isNegative: false, digits: [], exponent: 0)
      return
    }
    var significant = Array(digits[first...])
    var exponent = exponent
    while significant.last == 0 {
      significant.removeLast()
      exponent += 1
    }
    self.storage = .finite(isNegative: isNegative, digits: significant, exponent: exponent)
  }

  /// The number zero.
  public static let zero = Number(storage: .finite(isNegative: false, digits: [], exponent: 0))

  /// Positive infinity, which cty allows (for example as the result of `1/0` in HCL).
  public static let infinity = Number(storage: .positiveInfinity)

  /// Negative infinity.
  public static let negativeInfinity = Number(storage: .negativeInfinity)

  /// The exact value of an `Int`.
  public init(_ value: Int) { self.init(Int64(value)) }

  /// The exact value of an `Int64`.
  public init(_ value: Int64) {
    self.init(isNegative: value < 0, magnitude: value.magnitude)
  }

  /// The exact value of a `UInt64`.
  public init(_ value: UInt64) {
    self.init(isNegative: false, magnitude: value)
  }

  init(isNegative: Bool, magnitude: UInt64) {
    self.init(isNegative: isNegative, digits: String(magnitude).utf8.map { $0 - UInt8(ascii: "0") }, exponent: 0)
  }
}

extension Number {
  /// Whether the number is positive or negative infinity.
  public var isInfinite: Bool {
    if case .finite = storage { false } else { true }
  }

  /// Whether the number is a (finite) whole number.
  public var isInteger: Bool {
    // Canonical digits have no trailing zeros, so a negative exponent means a fraction.
    if case .finite(_, _, let exponent) = storage { exponent >= 0 } else { false }
  }

  /// Whether the number is zero.
  public var isZero: Bool {
    if case .finite(_, let digits, _) = storage { digits.isEmpty } else { false }
  }

  /// Whether the number is below zero (including negative infinity).
  public var isNegative: Bool {
    switch storage {
    case .finite(let isNegative, _, _): isNegative
    case .positiveInfinity: false
    case .negativeInfinity: true
    }
  }

  /// The number as an `Int64`, only when it is a whole number in `Int64`'s range.
  public var int64Value: Int64? {
    guard let (isNegative, magnitude) = integerMagnitude else { return nil }
    if isNegative {
      guard magnitude <= Int64.min.magnitude else { return nil }
      return Int64(bitPattern: 0 &- magnitude)
    }
    return Int64(exactly: magnitude)
  }

  /// The number as an `Int`, only when it is a whole number in `Int`'s range.
  public var intValue: Int? {
    int64Value.flatMap { Int(exactly: $0) }
  }

  /// The number as a `UInt64`, only when it is a whole number in `UInt64`'s range.
  public var uint64Value: UInt64? {
    guard let (isNegative, magnitude) = integerMagnitude else { return nil }
    return isNegative ? nil : magnitude
  }

  /// The sign and magnitude of a whole number whose magnitude fits in a `UInt64`.
  private var integerMagnitude: (isNegative: Bool, magnitude: UInt64)? {
    guard case .finite(let isNegative, let digits, let exponent) = storage, exponent >= 0,
      digits.count + exponent <= 20
    else { return nil }
    var magnitude: UInt64 = 0
    for digit in digits + repeatElement(0, count: exponent) {
      let (times10, overflow1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = times10.addingReportingOverflow(UInt64(digit))
      if overflow1 || overflow2 { return nil }
      magnitude = sum
    }
    return (isNegative, magnitude)
  }
}

extension Number {
  public static func < (lhs: Number, rhs: Number) -> Bool {
    switch (lhs.storage, rhs.storage) {
    case (.negativeInfinity, .negativeInfinity), (.positiveInfinity, _): false
    case (.negativeInfinity, _), (_, .positiveInfinity): true
    case (_, .negativeInfinity): false
    case (.finite(let lNegative, let lDigits, let lExponent), .finite(let rNegative, let rDigits, let rExponent)):
      compareFinite(lNegative, lDigits, lExponent, rNegative, rDigits, rExponent) < 0
    }
  }

  /// -1, 0 or 1 as the first finite number is below, equal to or above the second.
  private static func compareFinite(
    _ lNegative: Bool, _ lDigits: [UInt8], _ lExponent: Int,
    _ rNegative: Bool, _ rDigits: [UInt8], _ rExponent: Int
  ) -> Int {
    let lSign = lDigits.isEmpty ? 0 : (lNegative ? -1 : 1)
    let rSign = rDigits.isEmpty ? 0 : (rNegative ? -1 : 1)
    if lSign != rSign { return lSign < rSign ? -1 : 1 }
    if lSign == 0 { return 0 }
    let magnitudeOrder = compareMagnitudes(lDigits, lExponent, rDigits, rExponent)
    return lSign < 0 ? -magnitudeOrder : magnitudeOrder
  }

  private static func compareMagnitudes(
    _ lDigits: [UInt8], _ lExponent: Int, _ rDigits: [UInt8], _ rExponent: Int
  ) -> Int {
    // With no leading zeros, the position of the leading digit decides first.
    let lMagnitude = lDigits.count + lExponent
    let rMagnitude = rDigits.count + rExponent
    if lMagnitude != rMagnitude { return lMagnitude < rMagnitude ? -1 : 1 }
    for (l, r) in zip(lDigits, rDigits) where l != r {
      return l < r ? -1 : 1
    }
    // A common prefix: without trailing zeros, the longer significand is the larger.
    if lDigits.count == rDigits.count { return 0 }
    return lDigits.count < rDigits.count ? -1 : 1
  }
}

extension Number {
  /// Plain decimal text without an exponent or trailing zeros, as Go's
  /// `big.Float.Text('f', -1)` writes cty numbers: `1000`, `-0.25`, `0.000001`; `+Inf` and
  /// `-Inf` for the infinities.
  public var description: String {
    switch storage {
    case .positiveInfinity: return "+Inf"
    case .negativeInfinity: return "-Inf"
    case .finite(let isNegative, let digits, let exponent):
      if digits.isEmpty { return "0" }
      var text: [UInt8] = isNegative ? [UInt8(ascii: "-")] : []
      let ascii = digits.lazy.map { $0 + UInt8(ascii: "0") }
      let zero = UInt8(ascii: "0")
      if exponent >= 0 {
        text.append(contentsOf: ascii)
        text.append(contentsOf: repeatElement(zero, count: exponent))
      } else {
        let integerCount = digits.count + exponent
        if integerCount > 0 {
          text.append(contentsOf: ascii.prefix(integerCount))
          text.append(UInt8(ascii: "."))
          text.append(contentsOf: ascii.dropFirst(integerCount))
        } else {
          text.append(contentsOf: [zero, UInt8(ascii: ".")])
          text.append(contentsOf: repeatElement(zero, count: -integerCount))
          text.append(contentsOf: ascii)
        }
      }
      return String(decoding: text, as: UTF8.self)
    }
  }
}

extension Number {
  /// An integer literal of any size: `let big: Number = 123456789012345678901234567890`.
  public init(integerLiteral value: StaticBigInt) {
    let isNegative = value.signum() < 0
    let wordCount = (value.bitWidth + UInt.bitWidth - 1) / UInt.bitWidth
    var words = (0..<wordCount).map { value[$0] }
    if isNegative {
      // Two's complement to magnitude: invert and add one.
      var carry = true
      for index in words.indices {
        words[index] = ~words[index]
        if carry { (words[index], carry) = words[index].addingReportingOverflow(1) }
      }
    }
    var accumulator = DecimalAccumulator()
    for word in words.reversed() {
      accumulator.multiply(by: 1 << 32)
      accumulator.add(UInt64(word) >> 32)
      accumulator.multiply(by: 1 << 32)
      accumulator.add(UInt64(word) & 0xFFFF_FFFF)
    }
    self.init(isNegative: isNegative, digits: accumulator.decimalDigits, exponent: 0)
  }
}

extension Number {
  /// A float literal, read as the shortest decimal that rounds to it: `0.1` is exactly 0.1.
  public init(floatLiteral value: Double) {
    self = Number(value) ?? .zero
  }
}
