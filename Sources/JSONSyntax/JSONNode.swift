/// A parsed JSON document that keeps numbers as their exact text, since Terraform numbers can
/// have more digits than a `Double` holds (Foundation's parser would round them), and keeps
/// object members in document order, duplicates included: each reader decides what a number
/// and a repeated key mean.
public enum JSONNode: Equatable, Sendable {
  case null
  case bool(Bool)
  /// The number's text exactly as written, already checked against JSON's number grammar.
  case number(String)
  case string(String)
  case array([JSONNode])
  case object([(key: String, value: JSONNode)])

  public static func == (lhs: JSONNode, rhs: JSONNode) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): true
    case (.bool(let l), .bool(let r)): l == r
    case (.number(let l), .number(let r)), (.string(let l), .string(let r)): l == r
    case (.array(let l), .array(let r)): l == r
    case (.object(let l), .object(let r)):
      l.count == r.count && zip(l, r).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: false
    }
  }

  /// The kind of node with its article, for messages: `a JSON array`.
  public var kindName: String {
    switch self {
    case .null: "JSON null"
    case .bool: "a JSON bool"
    case .number: "a JSON number"
    case .string: "a JSON string"
    case .array: "a JSON array"
    case .object: "a JSON object"
    }
  }
}
