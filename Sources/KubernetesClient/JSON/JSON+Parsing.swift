import JSONSyntax

extension JSON {
  /// Deeper nesting than any Kubernetes object has; a guard against a hostile peer.
  static let maximumDepth = 512

  /// Parses JSON text: a manifest given as JSON, or an object kept in Terraform state.
  public init(jsonText: String) throws(KubernetesError) {
    do {
      self = try JSON(parsing: Array(jsonText.utf8))
    } catch {
      throw .invalidConfiguration(error.description)
    }
  }

  /// Parses JSON bytes, such as a response body. Numbers without a fraction or an exponent stay
  /// exact `Int64`s; integers beyond `Int64` become doubles and a repeated key keeps its last
  /// value, as with Go's `encoding/json`, which the API server uses.
  init(parsing bytes: [UInt8]) throws(JSONSyntaxError) {
    self.init(node: try JSONNode(parsing: bytes, maximumDepth: Self.maximumDepth))
  }

  private init(node: JSONNode) {
    switch node {
    case .null:
      self = .null
    case .bool(let value):
      self = .bool(value)
    case .number(let text):
      let isInteger = !text.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") }
      if isInteger, let value = Int64(text) {
        self = .integer(value)
      } else {
        // Never nil: the parser has checked the text against JSON's number grammar.
        self = .double(Double(text) ?? .nan)
      }
    case .string(let value):
      self = .string(value)
    case .array(let elements):
      self = .array(elements.map(JSON.init(node:)))
    case .object(let members):
      self = .object(Dictionary(members.lazy.map { ($0.key, JSON(node: $0.value)) }, uniquingKeysWith: { $1 }))
    }
  }
}
