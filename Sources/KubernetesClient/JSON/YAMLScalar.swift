/// The JSON value of a YAML scalar, typed as YAML 1.1 types plain scalars (as `kubectl` does):
/// `yes`/`on`/`true` are booleans, `~` and `null` are null, `0644` is octal, `1.5` a double.
///
/// Done here rather than by Yams's resolver, whose regular expressions (run on every key and
/// value) nearly doubled the time to read Argo CD's 1.9 MB install.yaml.
enum YAMLScalar {
  private static let trueWords: Set<String> = ["true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON"]
  private static let falseWords: Set<String> = ["false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF"]
  private static let nullWords: Set<String> = ["", "~", "null", "Null", "NULL"]

  /// A plain (unquoted, untagged) scalar.
  static func plain(_ text: String) -> JSON {
    if nullWords.contains(text) { return .null }
    if trueWords.contains(text) { return .bool(true) }
    if falseWords.contains(text) { return .bool(false) }
    // Numbers start with a digit, a sign or a dot; anything else is text, checked no further.
    guard let first = text.utf8.first,
      (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) || first == UInt8(ascii: "-")
        || first == UInt8(ascii: "+") || first == UInt8(ascii: ".")
    else { return .string(text) }
    if let integer = YAMLNumber.integer(text) { return .integer(integer) }
    if let double = YAMLNumber.float(text) { return .double(double) }
    return .string(text)
  }

  /// A scalar with an explicit tag (`!!int 3`); quoted scalars arrive here tagged `!!str`.
  static func tagged(_ text: String, tag: String) -> JSON {
    switch tag {
    case "tag:yaml.org,2002:null": return .null
    case "tag:yaml.org,2002:bool": return .bool(trueWords.contains(text))
    case "tag:yaml.org,2002:int": return YAMLNumber.integer(text).map(JSON.integer) ?? .string(text)
    case "tag:yaml.org,2002:float": return YAMLNumber.float(text).map(JSON.double) ?? .string(text)
    default: return .string(text)
    }
  }
}
