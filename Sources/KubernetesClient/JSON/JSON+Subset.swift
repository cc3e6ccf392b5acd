extension JSON {
  /// Whether every field this value sets is in `other` with an equal value: what a server-side
  /// apply of this value would leave unchanged on `other`. Fields the server or other managers
  /// added to `other` do not count; arrays must match element for element; `3` equals `3.0`.
  public func isContained(in other: JSON) -> Bool {
    switch (self, other) {
    case (.object(let members), .object(let otherMembers)):
      return members.allSatisfy { key, value in
        otherMembers[key].map { value.isContained(in: $0) } ?? value.isNull
      }
    case (.array(let elements), .array(let otherElements)):
      return elements.count == otherElements.count
        && zip(elements, otherElements).allSatisfy { $0.isContained(in: $1) }
    case (.integer, .double), (.double, .integer):
      return doubleValue == other.doubleValue
    default:
      return self == other
    }
  }
}
