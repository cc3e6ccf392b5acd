/// One look at what a wait waits for.
enum PollState: Sendable, Equatable {
  case done
  /// Not yet, and why: "1 of 2 replicas available". The last one becomes a timeout's
  /// `lastState` and goes into progress reports.
  case waiting(String)
}
