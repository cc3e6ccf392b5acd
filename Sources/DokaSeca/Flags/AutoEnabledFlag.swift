/// A flag the resolver turned on for the user because an enabled flag needs it; the provider
/// reports these as warnings so that nothing is deployed silently.
public struct AutoEnabledFlag: Hashable, Sendable {
  /// The flag that was turned on, such as `enable_cert_manager`.
  public var flag: String
  /// The enabled flags that directly need ``flag``, sorted, such as `["enable_kargo"]`.
  public var requiredBy: [String]

  /// Creates a record; `requiredBy` is expected sorted, as the resolver produces it.
  public init(flag: String, requiredBy: [String]) {
    self.flag = flag
    self.requiredBy = requiredBy
  }

  /// A one-line explanation, e.g. "enable_kargo needs enable_cert_manager; it was enabled too."
  public var message: String {
    let verb = requiredBy.count == 1 ? "needs" : "need"
    return "\(englishList(requiredBy)) \(verb) \(flag); it was enabled too."
  }
}
