/// Numbers as YAML 1.1 writes them, which is what `kubectl` (through go-yaml) accepts:
/// underscores as separators, `0x`/`0o`/`0b` prefixes, and a leading zero meaning octal —
/// `defaultMode: 0644` in a manifest is the integer 420.
enum YAMLNumber {
  /// The integer `text` spells, `nil` when it spells none (or one beyond Int64).
  static func integer(_ text: String) -> Int64? {
    var digits = Substring(text)
    var negative = false
    if let sign = digits.first, sign == "-" || sign == "+" {
      negative = sign == "-"
      digits = digits.dropFirst()
    }
    let radix: Int
    if digits.hasPrefix("0x") {
      radix = 16
      digits = digits.dropFirst(2)
    } else if digits.hasPrefix("0o") {
      radix = 8
      digits = digits.dropFirst(2)
    } else if digits.hasPrefix("0b") {
      radix = 2
      digits = digits.dropFirst(2)
    } else if digits.count > 1, digits.hasPrefix("0") {
      radix = 8
      digits = digits.dropFirst()
    } else {
      radix = 10
    }
    // Separators between digits only: `_1` and `0x_` are not numbers.
    guard let first = digits.first, first != "_" else { return nil }
    guard let magnitude = UInt64(String(digits.filter { $0 != "_" }), radix: radix) else { return nil }
    if negative {
      return magnitude <= UInt64(Int64.max) + 1 ? Int64(truncatingIfNeeded: 0 &- magnitude) : nil
    }
    return Int64(exactly: magnitude)
  }

  /// The floating-point number `text` spells: `1.5`, `-2e3`, `.5`, `1_000.5`, `.inf`, `.nan`.
  static func float(_ text: String) -> Double? {
    switch text {
    case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .infinity
    case "-.inf", "-.Inf", "-.INF": return -.infinity
    case ".nan", ".NaN", ".NAN": return .nan
    default: break
    }
    // Swift's `Double(_:)` also reads "inf", "nan" and hexadecimal floats, which YAML does not:
    // check the shape first.
    var sawDigit = false
    var sawDot = false
    var sawExponent = false
    var previous: Character?
    for character in text {
      switch character {
      case "0"..."9":
        sawDigit = true
      case "_" where sawDigit && !sawExponent:
        break
      case "." where !sawDot && !sawExponent:
        sawDot = true
      case "e",
        "E" where sawDigit && !sawExponent:
        sawExponent = true
      case "+",
        "-" where previous == nil || previous == "e" || previous == "E":
        break
      default:
        return nil
      }
      previous = character
    }
    guard sawDigit, previous.map({ $0.isNumber || $0 == "." || $0 == "_" }) == true else { return nil }
    return Double(String(text.filter { $0 != "_" }))
  }
}
