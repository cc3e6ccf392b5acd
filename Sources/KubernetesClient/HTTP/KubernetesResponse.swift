/// What the API server answered, with the whole body read.
struct KubernetesResponse: Sendable {
  var status: Int
  var reasonPhrase: String
  var body: [UInt8]
  /// The server's `Retry-After`, sent with 429 and some 5xx answers.
  var retryAfter: Duration?
  /// How many times the request was sent to get this answer (1 when no retry was needed).
  var attempts: Int

  var isSuccess: Bool { (200..<300).contains(status) }

  /// The body as JSON; an answer that is not JSON is an error of the server's.
  func json() throws(KubernetesError) -> JSON {
    do {
      return try JSON(parsing: body)
    } catch {
      throw .status(code: status, reason: "InvalidResponse", message: "the answer is not JSON: \(error)")
    }
  }
}
