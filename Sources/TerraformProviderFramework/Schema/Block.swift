public import TerraformValues

/// A nested block (`timeouts { create = "10m" }`): repeated or single, never itself unknown.
public struct Block: Sendable {
  public enum Nesting: Hashable, Sendable {
    /// At most one block; null when absent.
    case single
    /// Exactly one block whose absence means all its attributes are null.
    case group
    case list, set, map
  }

  public var name: String
  public var nesting: Nesting
  public var description: String
  public var markdownDescription: String
  public var attributes: [Attribute]
  public var blocks: [Block]
  public var minItems: Int64
  public var maxItems: Int64
  public var deprecationMessage: String?

  public init(
    _ name: String,
    _ nesting: Nesting,
    description: String,
    markdownDescription: String = "",
    attributes: [Attribute],
    blocks: [Block] = [],
    minItems: Int64 = 0,
    maxItems: Int64 = 0,
    deprecationMessage: String? = nil
  ) {
    self.name = name
    self.nesting = nesting
    self.description = description
    self.markdownDescription = markdownDescription
    self.attributes = attributes
    self.blocks = blocks
    self.minItems = minItems
    self.maxItems = maxItems
    self.deprecationMessage = deprecationMessage
  }

  public var valueType: CtyType {
    let object = ObjectShape(attributes: attributes, blocks: blocks).valueType
    return switch nesting {
    case .single, .group: object
    case .list: .list(object)
    case .set: .set(object)
    case .map: .map(object)
    }
  }
}
