public import TerraformValues

/// The shape of a provider's configuration, a resource or a data source: what Terraform shows
/// in `terraform providers schema`, validates configuration against, and documents.
public struct Schema: Sendable {
  /// The version of the state's shape; raise it when stored state must be upgraded.
  public var version: Int64
  /// Plain-text description (for the CLI and language servers).
  public var description: String
  /// Markdown description (for the registry docs); the plain text when empty.
  public var markdownDescription: String
  public var isDeprecated: Bool
  public var attributes: [Attribute]
  public var blocks: [Block]

  public init(
    version: Int64 = 0,
    description: String = "",
    markdownDescription: String = "",
    isDeprecated: Bool = false,
    attributes: [Attribute],
    blocks: [Block] = []
  ) {
    self.version = version
    self.description = description
    self.markdownDescription = markdownDescription
    self.isDeprecated = isDeprecated
    self.attributes = attributes
    self.blocks = blocks
  }

  /// The object type of the values this schema describes, as they travel on the wire.
  public var valueType: CtyType {
    ObjectShape(attributes: attributes, blocks: blocks).valueType
  }

  /// The attribute at a top-level name, if any.
  public func attribute(named name: String) -> Attribute? {
    attributes.first { $0.name == name }
  }
}

/// The attributes and blocks of one object level, shared by schemas, nested attributes and
/// blocks so that type derivation and traversal are written once.
struct ObjectShape: Sendable {
  var attributes: [Attribute]
  var blocks: [Block]

  var valueType: CtyType {
    var types: [String: CtyType] = [:]
    var optional: Set<String> = []
    for attribute in attributes {
      types[attribute.name] = attribute.valueType
      if !attribute.usage.isRequired { optional.insert(attribute.name) }
    }
    for block in blocks { types[block.name] = block.valueType }
    return .object(types, optional: optional)
  }
}
