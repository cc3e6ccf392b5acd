/// When and how soon a request is sent again.
///
/// Every request this client sends is idempotent — GET, PUT, DELETE, and PATCH with a
/// server-side apply or a merge patch (applying the same patch twice leaves the same object) —
/// so any of them may be repeated after a failure that might not have reached the server.
struct RetryPolicy: Sendable {
  /// Attempts in all, the first one included.
  var maximumAttempts = 5
  var initialDelay: Duration = .milliseconds(100)
  var maximumDelay: Duration = .seconds(2)

  static let `default` = RetryPolicy()

  /// 429 (throttled, priority and fairness) and the 5xx answers of an overloaded or restarting
  /// server. 501 and 505 will not change on a second try.
  static func isRetryable(status: Int) -> Bool {
    status == 429 || status == 500 || status == 502 || status == 503 || status == 504
  }

  /// Exponential backoff with jitter (so that many clients do not retry in step), never shorter
  /// than the server's `Retry-After` but never longer than `maximumDelay`.
  func delay(afterAttempt attempt: Int, retryAfter: Duration?) -> Duration {
    let exponential = min(initialDelay * (1 << min(attempt - 1, 20)), maximumDelay)
    let jittered = exponential * Double.random(in: 0.5...1.0)
    guard let retryAfter else { return jittered }
    return min(max(jittered, retryAfter), maximumDelay)
  }
}
