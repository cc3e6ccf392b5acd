/// Why a value could not be decoded, encoded or checked against a type, and where.
///
/// Every failure in this module is one of these: the path names the element at fault (an
/// attribute, a map key, a list index) so it can become a diagnostic pointing into the
/// configuration, and the message says what was wrong in plain words.
public struct ValueError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The element at fault; `.root` for the value as a whole.
  public var path: AttributePath
  /// What is wrong, e.g. `expected a string, found a msgpack array`.
  public var message: String

  public init(path: AttributePath, message: String) {
    self.path = path
    self.message = message
  }

  /// An error at `path`, defaulting to the root.
  public init(_ message: String, at path: AttributePath = .root) {
    self.init(path: path, message: message)
  }

  /// `nodes[0].role: expected a string, found a msgpack array`; only the message at the root.
  public var description: String {
    path.steps.isEmpty ? message : "\(path): \(message)"
  }
}
