public import TerraformValues

/// Checks a known configuration value of one attribute and explains what is wrong with it.
///
/// Validators run during `terraform validate` and plan, only on known values: an unknown value
/// is checked again once it is known.
public struct AttributeValidator: Sendable {
  public let check: @Sendable (_ value: Value, _ path: AttributePath) -> [Diagnostic]

  public init(_ check: @escaping @Sendable (_ value: Value, _ path: AttributePath) -> [Diagnostic]) {
    self.check = check
  }

  /// Accepts only the listed strings.
  public static func oneOf(_ allowed: [String]) -> AttributeValidator {
    AttributeValidator { value, path in
      guard let string = value.stringValue, !allowed.contains(string) else { return [] }
      return [
        .error(
          "Invalid value \"\(string)\"",
          detail: "\(path) must be one of: \(allowed.map { "\"\($0)\"" }.joined(separator: ", ")).",
          attribute: path)
      ]
    }
  }
}
