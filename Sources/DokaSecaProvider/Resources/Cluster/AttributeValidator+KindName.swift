import TerraformProviderFramework
import TerraformValues

extension AttributeValidator {
  /// Kind cluster names: lowercase letters, digits and '-', starting and ending with a letter
  /// or digit. Kind names the nodes `<name>-control-plane` and `<name>-worker2`, which must stay
  /// valid 63-character hostnames, hence at most 49 characters.
  static let kindClusterName = AttributeValidator { value, path in
    guard let name = value.stringValue else { return [] }
    let allowed = name.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
    let edgesValid = name.first.map { $0 != "-" } == true && name.last.map { $0 != "-" } == true
    guard !allowed || !edgesValid || name.count > 49 else { return [] }
    return [
      .error(
        "Invalid Kind cluster name \"\(name)\"",
        detail:
          "Kind cluster names use lowercase letters, digits and '-', start and end with a letter or digit, and have at most 49 characters, for example \"hub-dev\".",
        attribute: path)
    ]
  }
}
