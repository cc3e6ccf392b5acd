/// How one attribute's planned value is adjusted after Terraform proposes it.
public enum PlanModifier: Hashable, Sendable {
  /// A change to this attribute destroys and recreates the object.
  case requiresReplace
  /// A computed value that never changes after create: keep the prior state's value instead of
  /// planning it as unknown on every update.
  case useStateForUnknown
}
