public import TerraformValues

/// One attribute of a schema: its type, whether configuration sets it, and how it plans.
public struct Attribute: Sendable {
  /// Who sets the value: the configuration, the provider, or either.
  public enum Usage: Hashable, Sendable {
    /// Configuration must set it.
    case required
    /// Configuration may set it; otherwise it is null.
    case optional
    /// Only the provider sets it.
    case computed
    /// Configuration may set it; otherwise the provider does (a default, or a value found
    /// after apply).
    case optionalComputed

    public var isRequired: Bool { self == .required }
    public var isOptional: Bool { self == .optional || self == .optionalComputed }
    public var isComputed: Bool { self == .computed || self == .optionalComputed }
  }

  /// What the attribute holds: a value of a cty type, or nested attributes.
  public enum Kind: Sendable {
    case type(CtyType)
    case nested(NestedAttributes)
  }

  public var name: String
  public var kind: Kind
  public var usage: Usage
  public var description: String
  public var markdownDescription: String
  /// Kept out of plan output and logs.
  public var isSensitive: Bool
  /// Set when the attribute is deprecated; the message says what to use instead.
  public var deprecationMessage: String?
  /// Never stored in plan or state (Terraform ≥ 1.11).
  public var isWriteOnly: Bool
  /// The value planned when configuration leaves the attribute null (`optionalComputed` only).
  public var defaultValue: Value?
  public var planModifiers: [PlanModifier]
  public var validators: [AttributeValidator]

  public init(
    _ name: String,
    _ kind: Kind,
    _ usage: Usage,
    description: String,
    markdownDescription: String = "",
    isSensitive: Bool = false,
    deprecationMessage: String? = nil,
    isWriteOnly: Bool = false,
    defaultValue: Value? = nil,
    planModifiers: [PlanModifier] = [],
    validators: [AttributeValidator] = []
  ) {
    self.name = name
    self.kind = kind
    self.usage = usage
    self.description = description
    self.markdownDescription = markdownDescription
    self.isSensitive = isSensitive
    self.deprecationMessage = deprecationMessage
    self.isWriteOnly = isWriteOnly
    self.defaultValue = defaultValue
    self.planModifiers = planModifiers
    self.validators = validators
  }

  /// An attribute of a cty type.
  public init(
    _ name: String,
    type: CtyType,
    _ usage: Usage,
    description: String,
    isSensitive: Bool = false,
    defaultValue: Value? = nil,
    planModifiers: [PlanModifier] = [],
    validators: [AttributeValidator] = []
  ) {
    self.init(
      name, .type(type), usage, description: description, isSensitive: isSensitive,
      defaultValue: defaultValue, planModifiers: planModifiers, validators: validators)
  }

  public var valueType: CtyType {
    switch kind {
    case .type(let type): type
    case .nested(let nested): nested.valueType
    }
  }
}

/// Attributes nested inside an attribute (`nodes = [{ role = "worker" }]`), as opposed to blocks.
public struct NestedAttributes: Sendable {
  public enum Nesting: Hashable, Sendable {
    case single, list, set, map
  }

  public var nesting: Nesting
  public var attributes: [Attribute]

  public init(_ nesting: Nesting, _ attributes: [Attribute]) {
    self.nesting = nesting
    self.attributes = attributes
  }

  public var valueType: CtyType {
    let object = ObjectShape(attributes: attributes, blocks: []).valueType
    return switch nesting {
    case .single: object
    case .list: .list(object)
    case .set: .set(object)
    case .map: .map(object)
    }
  }

  /// One object of these attributes, every one null: the default of an optional single nested
  /// attribute that is also computed. Terraform 1.0 to 1.2 crash proposing a plan for an
  /// optional, non-computed single nested attribute left out of the configuration; an
  /// optional-computed one with this default plans on every version and reads as "all unset".
  public var emptyObject: Value {
    .object(Dictionary(uniqueKeysWithValues: attributes.map { ($0.name, Value.null) }))
  }
}
