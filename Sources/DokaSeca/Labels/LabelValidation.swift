/// Kubernetes label rules, checked before labels reach the ArgoCD cluster Secret so that a bad
/// key or value is reported against the attribute that holds it rather than failing later
/// inside Kubernetes.
///
/// The rules mirror Kubernetes' `IsQualifiedName` (keys) and `IsValidLabelValue` (values):
/// - a key is an optional prefix and `/`, then a name. The prefix is a DNS-1123 subdomain of at
///   most 253 characters (lowercase alphanumerics, `-` and `.`, each dot-separated part starting
///   and ending alphanumeric); the name is 1–63 characters of alphanumerics, `-`, `_` and `.`,
///   starting and ending alphanumeric.
/// - a value is empty, or 1–63 characters under the same rules as a key's name.
///
/// Lengths count UTF-8 bytes, as Kubernetes does; only ASCII passes the character rules anyway.
public enum LabelValidation {
  /// The longest label name or value Kubernetes accepts.
  public static let maximumNameLength = 63
  /// The longest key prefix (DNS-1123 subdomain) Kubernetes accepts.
  public static let maximumPrefixLength = 253

  /// Why `key` is not a valid label key, or `nil` if it is.
  public static func invalidKeyReason(_ key: String) -> String? {
    let parts = key.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1:
      return invalidNameReason(key, what: "label key")
    case 2:
      let prefix = String(parts[0])
      let name = String(parts[1])
      if prefix.isEmpty {
        return "the prefix before \"/\" must not be empty"
      }
      if let reason = invalidPrefixReason(prefix) {
        return reason
      }
      return invalidNameReason(name, what: "name part after \"/\"")
    default:
      return
        "a label key is an optional DNS subdomain prefix and \"/\" followed by a name, so it "
        + "may contain at most one \"/\""
    }
  }

  /// Why `value` is not a valid label value, or `nil` if it is. The empty value is valid.
  public static func invalidValueReason(_ value: String) -> String? {
    if value.isEmpty { return nil }
    if value.utf8.count > maximumNameLength {
      return "a label value must be no more than \(maximumNameLength) characters"
        + " (this one has \(value.utf8.count))"
    }
    if !isNameShaped(value) {
      return "a label value must be empty or consist of alphanumeric characters, \"-\", \"_\" or "
        + "\".\", and must start and end with an alphanumeric character (e.g. \"MyValue\", "
        + "\"my_value\" or \"12345\")"
    }
    return nil
  }

  /// Whether `key` is a valid label key.
  public static func isValidKey(_ key: String) -> Bool { invalidKeyReason(key) == nil }

  /// Whether `value` is a valid label value.
  public static func isValidValue(_ value: String) -> Bool { invalidValueReason(value) == nil }

  // MARK: - Rules

  private static func invalidNameReason(_ name: String, what: String) -> String? {
    if name.isEmpty {
      return "the \(what) must not be empty"
    }
    if name.utf8.count > maximumNameLength {
      return "the \(what) must be no more than \(maximumNameLength) characters"
        + " (this one has \(name.utf8.count))"
    }
    if !isNameShaped(name) {
      return "the \(what) must consist of alphanumeric characters, \"-\", \"_\" or \".\", and "
        + "must start and end with an alphanumeric character (e.g. \"MyName\", \"my.name\" or "
        + "\"123-abc\")"
    }
    return nil
  }

  private static func invalidPrefixReason(_ prefix: String) -> String? {
    if prefix.utf8.count > maximumPrefixLength {
      return "the prefix before \"/\" must be no more than \(maximumPrefixLength) characters"
        + " (this one has \(prefix.utf8.count))"
    }
    // A DNS-1123 subdomain is dot-separated DNS-1123 labels; checking label by label gives the
    // same answer as Kubernetes' regular expression without needing one.
    let labels = prefix.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
    let valid = labels.allSatisfy { label in
      guard let first = label.first, let last = label.last else { return false }
      return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
        && label.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }
    if !valid {
      return "the prefix before \"/\" must be a DNS subdomain: lowercase alphanumeric "
        + "characters, \"-\" or \".\", each dot-separated part starting and ending with an "
        + "alphanumeric character (e.g. \"example.com\")"
    }
    return nil
  }

  /// `([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]`, for a non-empty string.
  private static func isNameShaped(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last else { return false }
    return isAlphanumeric(first) && isAlphanumeric(last)
      && bytes.allSatisfy { byte in
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
          || byte == UInt8(ascii: ".")
      }
  }

  private static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
    (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
      || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
  }

  private static func isAlphanumeric(_ byte: UInt8) -> Bool {
    isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
  }
}
