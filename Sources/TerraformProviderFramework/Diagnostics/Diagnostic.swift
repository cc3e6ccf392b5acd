public import TerraformValues

/// One message for the person running Terraform: an error stops the operation, a warning does
/// not. With an attribute path, Terraform underlines that part of the configuration.
public struct Diagnostic: Hashable, Sendable, CustomStringConvertible {
  public enum Severity: Hashable, Sendable {
    case error
    case warning
  }

  public var severity: Severity
  /// A short statement of what is wrong.
  public var summary: String
  /// What to do about it: the value at fault, the values accepted, the next step.
  public var detail: String
  /// The attribute at fault, or `nil` for the resource as a whole.
  public var attribute: AttributePath?

  public init(_ severity: Severity, _ summary: String, detail: String = "", attribute: AttributePath? = nil) {
    self.severity = severity
    self.summary = summary
    self.detail = detail
    self.attribute = attribute
  }

  public static func error(_ summary: String, detail: String = "", attribute: AttributePath? = nil) -> Diagnostic {
    Diagnostic(.error, summary, detail: detail, attribute: attribute)
  }

  public static func warning(_ summary: String, detail: String = "", attribute: AttributePath? = nil) -> Diagnostic {
    Diagnostic(.warning, summary, detail: detail, attribute: attribute)
  }

  public var description: String {
    let place = attribute.map { " (at \($0))" } ?? ""
    return "\(severity == .error ? "Error" : "Warning"): \(summary)\(place): \(detail)"
  }
}
