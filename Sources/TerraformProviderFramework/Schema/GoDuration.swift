/// Durations as Terraform users write them in `timeouts` blocks: Go's `time.ParseDuration`
/// syntax (`90s`, `10m`, `1h30m`, `1.5h`).
public enum GoDuration {
  private static let units: [(suffix: String, seconds: Double)] = [
    ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
  ]

  /// `nil` when the text is not a duration.
  public static func parse(_ text: String) -> Duration? {
    var rest = Substring(text)
    guard !rest.isEmpty else { return nil }
    if rest == "0" { return .zero }
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      let unitText = rest.prefix { !$0.isNumber && $0 != "." }
      // Longest suffix first, so "ms" is not read as "m" then "s".
      guard let unit = units.first(where: { $0.suffix == String(unitText) }) else { return nil }
      rest = rest.dropFirst(unitText.count)
      total += value * unit.seconds
    }
    return .milliseconds(Int64((total * 1000).rounded()))
  }
}

extension AttributeValidator {
  /// A Go duration such as `10m` or `1h30m`.
  public static let duration = AttributeValidator { value, path in
    guard let text = value.stringValue, GoDuration.parse(text) == nil else { return [] }
    return [
      .error(
        "Invalid duration \"\(text)\"", detail: "\(path) takes a duration such as 90s, 10m or 1h30m.", attribute: path)
    ]
  }
}
