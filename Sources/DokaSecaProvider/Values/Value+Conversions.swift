import TerraformValues

/// Conversions between Terraform values and the Swift collections the domain works with.
extension Value {
  /// A map of strings from a known map value; `nil` when null or unknown anywhere.
  var stringMap: [String: String]? {
    guard let elements = mapElements else { return nil }
    var result: [String: String] = [:]
    for (key, element) in elements {
      guard let string = element.stringValue else { return nil }
      result[key] = string
    }
    return result
  }

  /// A map of bools from a known map value; `nil` when null or unknown anywhere.
  var boolMap: [String: Bool]? {
    guard let elements = mapElements else { return nil }
    var result: [String: Bool] = [:]
    for (key, element) in elements {
      guard let bool = element.boolValue else { return nil }
      result[key] = bool
    }
    return result
  }

  static func stringMap(_ map: [String: String]) -> Value { .map(map.mapValues { .string($0) }) }
  static func stringSet(_ strings: some Sequence<String>) -> Value { .set(strings.sorted().map { .string($0) }) }
  static func stringList(_ strings: [String]) -> Value { .list(strings.map { .string($0) }) }
  static func optionalString(_ string: String?) -> Value { string.map { .string($0) } ?? .null }
}
