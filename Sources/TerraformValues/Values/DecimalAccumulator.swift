/// A non-negative integer of any size, kept in base 10⁹ so that its decimal digits come out
/// without a division. Just enough arithmetic to expand a binary value (a `Double`, an integer
/// literal) into exact decimal digits.
struct DecimalAccumulator {
  private static let base: UInt64 = 1_000_000_000

  /// Base-10⁹ limbs, least significant first; empty for zero.
  private var limbs: [UInt32] = []

  init() {}

  init(_ value: UInt64) {
    var value = value
    while value > 0 {
      limbs.append(UInt32(value % Self.base))
      value /= Self.base
    }
  }

  /// Multiplies by `factor`, which must be at most 2³² so a limb product plus carry fits in
  /// 64 bits (10⁹ × 2³² + 2³² < 2⁶⁴).
  mutating func multiply(by factor: UInt64) {
    precondition(factor <= 1 << 32)
    var carry: UInt64 = 0
    for index in limbs.indices {
      let product = UInt64(limbs[index]) * factor + carry
      limbs[index] = UInt32(product % Self.base)
      carry = product / Self.base
    }
    while carry > 0 {
      limbs.append(UInt32(carry % Self.base))
      carry /= Self.base
    }
  }

  /// Adds `addend`, which must be below 2³².
  mutating func add(_ addend: UInt64) {
    precondition(addend < 1 << 32)
    var carry = addend
    var index = 0
    while carry > 0 {
      if index == limbs.count { limbs.append(0) }
      let sum = UInt64(limbs[index]) + carry
      limbs[index] = UInt32(sum % Self.base)
      carry = sum / Self.base
      index += 1
    }
  }

  /// Multiplies by 2^`exponent`.
  mutating func multiply(byPowerOfTwo exponent: Int) {
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 32)
      multiply(by: 1 << UInt64(step))
      remaining -= step
    }
  }

  /// Multiplies by 5^`exponent`.
  mutating func multiply(byPowerOfFive exponent: Int) {
    // 5¹³ is the largest power of five below 2³².
    var remaining = exponent
    while remaining > 0 {
      let step = min(remaining, 13)
      var factor: UInt64 = 1
      for _ in 0..<step { factor *= 5 }
      multiply(by: factor)
      remaining -= step
    }
  }

  /// The decimal digits (each 0...9), most significant first; empty for zero.
  var decimalDigits: [UInt8] {
    guard let top = limbs.last else { return [] }
    var digits = String(top).utf8.map { $0 - UInt8(ascii: "0") }
    for limb in limbs.dropLast().reversed() {
      var chunk = [UInt8](repeating: 0, count: 9)
      var value = limb
      for position in stride(from: 8, through: 0, by: -1) {
        chunk[position] = UInt8(value % 10)
        value /= 10
      }
      digits.append(contentsOf: chunk)
    }
    return digits
  }
}
