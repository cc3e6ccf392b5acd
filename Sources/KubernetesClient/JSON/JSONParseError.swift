/// Why JSON text could not be parsed, and where.
struct JSONParseError: Error, CustomStringConvertible {
  var message: String
  var offset: Int

  var description: String { "invalid JSON at byte \(offset): \(message)" }
}
