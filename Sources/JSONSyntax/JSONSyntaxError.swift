/// Why JSON text could not be parsed, and where.
public struct JSONSyntaxError: Error, Hashable, Sendable, CustomStringConvertible {
  /// What is wrong, e.g. `unterminated string`.
  public var message: String
  /// The byte of the text at fault, from 0.
  public var offset: Int

  public var description: String { "invalid JSON at byte \(offset): \(message)" }
}
