extension KubernetesClient {
  /// Calls `check` until it says `.done`, with growing pauses capped at half a second, until
  /// `timeout` has passed (`.timedOut` with the last state seen). Every `progressInterval` it
  /// tells `progress` what it is waiting for, the state and the time elapsed.
  ///
  /// An unreachable or overloaded server (after the transport's own retries) counts as "not
  /// yet": an API server that restarts during a long wait must not fail the wait.
  func poll(
    waitingFor subject: String, timeout: Duration, schedule: WaitSchedule = .default,
    progress: @Sendable (String) -> Void = { _ in }, check: () async throws(KubernetesError) -> PollState
  ) async throws(KubernetesError) {
    let clock = ContinuousClock()
    let start = clock.now
    var nextReport = start + schedule.progressInterval
    var delay = schedule.initialDelay
    var lastState = "not looked at yet"
    while true {
      do throws(KubernetesError) {
        switch try await check() {
        case .done: return
        case .waiting(let state): lastState = state
        }
      } catch {
        switch error {
        case .unreachable: lastState = error.description
        case .status(let code, _, _) where RetryPolicy.isRetryable(status: code): lastState = error.description
        default:
          throw error
        }
      }
      let now = clock.now
      let elapsed = now - start
      guard elapsed < timeout else { throw .timedOut(waitingFor: subject, lastState: lastState) }
      if now >= nextReport {
        progress("still waiting for \(subject) after \(Self.seconds(elapsed)): \(lastState)")
        nextReport = now + schedule.progressInterval
      }
      do {
        try await Task.sleep(for: min(delay, timeout - elapsed))
      } catch {
        throw .cancelled
      }
      delay = min(delay * 2, schedule.maximumDelay)
    }
  }

  private static func seconds(_ duration: Duration) -> String {
    "\(duration.components.seconds) s"
  }
}
