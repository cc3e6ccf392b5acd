import Foundation
import TerraformPluginProtocol
import TerraformValues

extension Schema {
  /// The schema as tfplugin6 sends it in GetProviderSchema.
  var protocolSchema: Tfplugin6_Schema {
    var schema = Tfplugin6_Schema()
    schema.version = version
    schema.block = Self.protocolBlock(
      version: version, description: description, markdownDescription: markdownDescription,
      deprecationMessage: isDeprecated ? "deprecated" : nil, attributes: attributes, blocks: blocks)
    return schema
  }

  static func protocolBlock(
    version: Int64, description: String, markdownDescription: String, deprecationMessage: String?,
    attributes: [Attribute], blocks: [Block]
  ) -> Tfplugin6_Schema.Block {
    var block = Tfplugin6_Schema.Block()
    block.version = version
    (block.description_p, block.descriptionKind) = describe(description, markdownDescription)
    block.deprecated = deprecationMessage != nil
    block.deprecationMessage = deprecationMessage ?? ""
    block.attributes = attributes.map(\.protocolAttribute)
    block.blockTypes = blocks.map(\.protocolNestedBlock)
    return block
  }

  /// Terraform shows one description; the Markdown one wins when there is one, as the
  /// registry documentation reads it.
  static func describe(_ plain: String, _ markdown: String) -> (String, Tfplugin6_StringKind) {
    markdown.isEmpty ? (plain, .plain) : (markdown, .markdown)
  }
}

extension Attribute {
  var protocolAttribute: Tfplugin6_Schema.Attribute {
    var attribute = Tfplugin6_Schema.Attribute()
    attribute.name = name
    switch kind {
    case .type(let type):
      attribute.type = Data(type.json)
    case .nested(let nested):
      var object = Tfplugin6_Schema.Object()
      object.attributes = nested.attributes.map(\.protocolAttribute)
      object.nesting =
        switch nested.nesting {
        case .single: .single
        case .list: .list
        case .set: .set
        case .map: .map
        }
      attribute.nestedType = object
    }
    (attribute.description_p, attribute.descriptionKind) = Schema.describe(description, markdownDescription)
    attribute.required = usage.isRequired
    attribute.optional = usage.isOptional
    attribute.computed = usage.isComputed
    attribute.sensitive = isSensitive
    attribute.deprecated = deprecationMessage != nil
    attribute.deprecationMessage = deprecationMessage ?? ""
    attribute.writeOnly = isWriteOnly
    return attribute
  }
}

extension Block {
  var protocolNestedBlock: Tfplugin6_Schema.NestedBlock {
    var nested = Tfplugin6_Schema.NestedBlock()
    nested.typeName = name
    nested.block = Schema.protocolBlock(
      version: 0, description: description, markdownDescription: markdownDescription,
      deprecationMessage: deprecationMessage, attributes: attributes, blocks: blocks)
    nested.nesting =
      switch nesting {
      case .single: .single
      case .group: .group
      case .list: .list
      case .set: .set
      case .map: .map
      }
    nested.minItems = minItems
    nested.maxItems = maxItems
    return nested
  }
}
