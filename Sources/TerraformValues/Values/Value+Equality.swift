/// Values compare by what they mean, not how they were built: numbers by value (`1.50` equals
/// `1.5`), maps and objects by their keys, sets regardless of element order or repeats, and
/// unknowns when Terraform promised the same things about them.
///
/// The comparison is structural: a `.dynamic(type, value)` equals only another `.dynamic` with
/// the same type and value, a list never equals a tuple, and an unknown equals another unknown
/// with equal refinements (cty would call the comparison itself unknown; planning code that
/// needs that must check `isWhollyKnown` first).
extension Value: Hashable {
  public static func == (lhs: Value, rhs: Value) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.unknown(let l), .unknown(let r)): l == r
    case (.string(let l), .string(let r)): l == r
    case (.number(let l), .number(let r)): l == r
    case (.bool(let l), .bool(let r)): l == r
    case (.list(let l), .list(let r)), (.tuple(let l), .tuple(let r)): l == r
    // A set is its distinct members: order and repeats carry no meaning.
    case (.set(let l), .set(let r)): Set(l) == Set(r)
    case (.map(let l), .map(let r)), (.object(let l), .object(let r)): l == r
    case (.dynamic(let lType, let lValue), .dynamic(let rType, let rValue)):
      lType == rType && lValue == rValue
    default: false
    }
  }

  public func hash(into hasher: inout Hasher) {
    // A distinct tag per case keeps, say, an empty list and an empty set apart.
    switch self {
    case .null: hasher.combine(0)
    case .unknown(let refinements):
      hasher.combine(1)
      hasher.combine(refinements)
    case .string(let string):
      hasher.combine(2)
      hasher.combine(string)
    case .number(let number):
      hasher.combine(3)
      hasher.combine(number)
    case .bool(let bool):
      hasher.combine(4)
      hasher.combine(bool)
    case .list(let elements):
      hasher.combine(5)
      hasher.combine(elements)
    case .set(let elements):
      hasher.combine(6)
      // `Set` hashes its members independently of order, matching `==` above.
      hasher.combine(Set(elements))
    case .map(let elements):
      hasher.combine(7)
      hasher.combine(elements)
    case .object(let attributes):
      hasher.combine(8)
      hasher.combine(attributes)
    case .tuple(let elements):
      hasher.combine(9)
      hasher.combine(elements)
    case .dynamic(let type, let value):
      hasher.combine(10)
      hasher.combine(type)
      hasher.combine(value)
    }
  }
}
