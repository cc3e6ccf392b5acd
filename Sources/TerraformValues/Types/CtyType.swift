/// A type in Terraform's type system (cty), as schemas declare it and as the wire encodes it.
///
/// `dynamic` is cty's pseudo-type: a slot whose concrete type travels with each value.
public indirect enum CtyType: Hashable, Sendable {
  case string
  case number
  case bool
  case dynamic
  case list(CtyType)
  case set(CtyType)
  case map(CtyType)
  /// An object type; `optional` names the attributes that may be omitted in configuration.
  case object([String: CtyType], optional: Set<String> = [])
  case tuple([CtyType])
}

extension CtyType {
  /// The element type of a list, set or map; `nil` for any other type.
  public var elementType: CtyType? {
    switch self {
    case .list(let element), .set(let element), .map(let element): element
    default: nil
    }
  }

  /// The attribute types of an object; `nil` for any other type.
  public var attributeTypes: [String: CtyType]? {
    if case .object(let attributes, _) = self { attributes } else { nil }
  }
}
