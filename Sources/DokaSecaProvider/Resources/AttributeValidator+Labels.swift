import DokaSeca
import TerraformProviderFramework
import TerraformValues

extension AttributeValidator {
  /// A non-empty Kubernetes label value: it becomes a label of the cluster Secret.
  static let labelValue = AttributeValidator { value, path in
    guard let string = value.stringValue else { return [] }
    let reason = string.isEmpty ? "it is empty" : LabelValidation.invalidValueReason(string)
    guard let reason else { return [] }
    return [
      .error(
        "Invalid label value \"\(string)\"",
        detail:
          "\(path) becomes a Kubernetes label value, and \(reason). Use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
        attribute: path)
    ]
  }
}

extension AttributeValidator {
  /// A map of Kubernetes labels: every key a valid label key, every value a valid label value
  /// (empty allowed, as Kubernetes allows it), each problem on its own key.
  static let labels = AttributeValidator { value, path in
    guard let elements = value.mapElements else { return [] }
    var diagnostics: [Diagnostic] = []
    for (key, element) in elements.sorted(by: { $0.key < $1.key }) {
      if let reason = LabelValidation.invalidKeyReason(key) {
        diagnostics.append(
          .error(
            "Invalid label key \"\(key)\"", detail: "\(path) holds Kubernetes labels, and \(reason).",
            attribute: path.key(key)))
      }
      if let string = element.stringValue, !string.isEmpty, let reason = LabelValidation.invalidValueReason(string) {
        diagnostics.append(
          .error(
            "Invalid label value \"\(string)\"",
            detail:
              "\(path.key(key)) becomes a Kubernetes label value, and \(reason). Use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
            attribute: path.key(key)))
      }
    }
    return diagnostics
  }
}
