/// What Terraform knows about an unknown value before it is known (cty "refinements",
/// Terraform ≥ 1.6). Every field is optional; an empty value means "no refinement".
public struct Refinements: Hashable, Sendable {
  /// `false` when the value is known not to be null.
  public var isNullable: Bool?
  /// A prefix every possible string value has.
  public var stringPrefix: String?
  /// The lower bound of a number and whether it is inclusive.
  public var numberLowerBound: NumberBound?
  /// The upper bound of a number and whether it is inclusive.
  public var numberUpperBound: NumberBound?
  /// The smallest length a collection may have (inclusive).
  public var lengthLowerBound: Int?
  /// The largest length a collection may have (inclusive).
  public var lengthUpperBound: Int?

  public init(
    isNullable: Bool? = nil,
    stringPrefix: String? = nil,
    numberLowerBound: NumberBound? = nil,
    numberUpperBound: NumberBound? = nil,
    lengthLowerBound: Int? = nil,
    lengthUpperBound: Int? = nil
  ) {
    self.isNullable = isNullable
    self.stringPrefix = stringPrefix
    self.numberLowerBound = numberLowerBound
    self.numberUpperBound = numberUpperBound
    self.lengthLowerBound = lengthLowerBound
    self.lengthUpperBound = lengthUpperBound
  }

  /// Whether no refinement is set.
  public var isEmpty: Bool { self == Refinements() }
}

/// One end of a number range.
public struct NumberBound: Hashable, Sendable {
  public var value: Number
  public var isInclusive: Bool

  public init(_ value: Number, isInclusive: Bool) {
    self.value = value
    self.isInclusive = isInclusive
  }
}
