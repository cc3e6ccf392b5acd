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
        detail: "\(path) becomes a Kubernetes label value, and \(reason). Use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit.",
        attribute: path)
    ]
  }
}
