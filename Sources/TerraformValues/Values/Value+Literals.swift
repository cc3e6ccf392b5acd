/// Literals for the values tests and defaults write most: `"a"`, `true`, `3`, `1.5`.
extension Value: ExpressibleByStringLiteral {
  public init(stringLiteral value: String) { self = .string(value) }
}

extension Value: ExpressibleByBooleanLiteral {
  public init(booleanLiteral value: Bool) { self = .bool(value) }
}

extension Value: ExpressibleByIntegerLiteral {
  public init(integerLiteral value: Int) { self = .number(Number(value)) }
}

extension Value: ExpressibleByFloatLiteral {
  /// The shortest decimal that rounds to the literal, so `0.1` is exactly 0.1.
  public init(floatLiteral value: Double) { self = .number(Number(floatLiteral: value)) }
}
