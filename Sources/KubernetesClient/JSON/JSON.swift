/// A JSON value: the shape of every Kubernetes object this client reads and writes.
///
/// Integers stay `Int64` so that replica counts, generations and ports survive a round trip
/// exactly; only numbers with a fraction or an exponent become `Double`.
///
/// Reading never fails: a missing key or index reads as `.null`, so paths chain:
/// `deployment["status"]["availableReplicas"].int64Value`.
public enum JSON: Sendable, Hashable {
  case null
  case bool(Bool)
  case integer(Int64)
  case double(Double)
  case string(String)
  case array([JSON])
  case object([String: JSON])
}

extension JSON {
  /// The member named `key` of an object, `.null` when absent or when this is not an object.
  ///
  /// Setting a member turns `.null` (or any other non-object) into an object first, so that
  /// `object["metadata"]["namespace"] = "default"` works on an object without `metadata`.
  public subscript(key: String) -> JSON {
    get {
      guard case .object(let members) = self else { return .null }
      return members[key] ?? .null
    }
    set {
      var members = objectValue ?? [:]
      members[key] = newValue
      self = .object(members)
    }
  }

  /// The element at `index` of an array, `.null` when out of range or not an array.
  public subscript(index: Int) -> JSON {
    guard case .array(let elements) = self, elements.indices.contains(index) else { return .null }
    return elements[index]
  }

  /// Removes the member `key` of an object (unlike storing `.null`, which a merge patch reads
  /// as "delete this field").
  public mutating func removeValue(forKey key: String) {
    guard case .object(var members) = self else { return }
    members.removeValue(forKey: key)
    self = .object(members)
  }

  /// Whether this is `.null`, which is also what a missing member reads as.
  public var isNull: Bool { self == .null }

  /// The string, `nil` for any other kind of value.
  public var stringValue: String? {
    guard case .string(let value) = self else { return nil }
    return value
  }

  /// The boolean, `nil` for any other kind of value.
  public var boolValue: Bool? {
    guard case .bool(let value) = self else { return nil }
    return value
  }

  /// The integer, also from a `Double` without a fraction (some encoders write `3.0`).
  public var int64Value: Int64? {
    switch self {
    case .integer(let value): return value
    case .double(let value): return Int64(exactly: value)
    default: return nil
    }
  }

  /// The integer as an `Int`, when it fits.
  public var intValue: Int? { int64Value.flatMap { Int(exactly: $0) } }

  /// The number as a `Double`, integers included.
  public var doubleValue: Double? {
    switch self {
    case .integer(let value): return Double(value)
    case .double(let value): return value
    default: return nil
    }
  }

  /// The elements of an array, `nil` for any other kind of value.
  public var arrayValue: [JSON]? {
    guard case .array(let elements) = self else { return nil }
    return elements
  }

  /// The members of an object, `nil` for any other kind of value.
  public var objectValue: [String: JSON]? {
    guard case .object(let members) = self else { return nil }
    return members
  }
}
