/// How often waits look, and how often they report.
///
/// Polls start fast and back off to `maximumDelay`, so that a Deployment becoming available is
/// noticed within a second of it happening without hammering the server during long waits.
struct WaitSchedule: Sendable {
  var initialDelay: Duration = .milliseconds(50)
  var maximumDelay: Duration = .milliseconds(500)
  /// Terraform prints progress lines; one every few seconds says "still alive" without noise.
  var progressInterval: Duration = .seconds(5)

  static let `default` = WaitSchedule()
}
