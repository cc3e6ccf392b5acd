/// A Terraform value in one of its three states: null, unknown (to be known after apply),
/// or known.
///
/// Values do not carry their type: the schema supplies it when they are encoded, decoded or
/// checked. The one exception is `dynamic`, which wraps a value with the concrete type it has in
/// a slot whose schema type is `CtyType.dynamic`.
public indirect enum Value: Sendable {
  case null
  /// A value that is not known yet, with what Terraform already promised about it.
  case unknown(Refinements)
  case string(String)
  case number(Number)
  case bool(Bool)
  case list([Value])
  /// A set; element order carries no meaning and equality ignores it.
  case set([Value])
  case map([String: Value])
  case object([String: Value])
  case tuple([Value])
  /// A value together with its concrete type, in a slot whose schema type is `dynamic`.
  case dynamic(CtyType, Value)

  /// An unknown value with no refinements.
  public static let unknownValue = Value.unknown(Refinements())
}
