import Synchronization

/// A one-shot event: Terraform asked the plugin to exit (go-plugin's `Shutdown`), or the
/// process got SIGTERM. Waiters resume once, when it fires.
final class ShutdownSignal: Sendable {
  private enum State {
    case waiting([CheckedContinuation<Void, Never>])
    case fired
  }

  private let state = Mutex(State.waiting([]))

  func fire() {
    let waiters: [CheckedContinuation<Void, Never>] = state.withLock { state in
      guard case .waiting(let waiters) = state else { return [] }
      state = .fired
      return waiters
    }
    for waiter in waiters { waiter.resume() }
  }

  func wait() async {
    await withCheckedContinuation { continuation in
      let resumeNow: Bool = state.withLock { state in
        switch state {
        case .fired: return true
        case .waiting(let waiters):
          state = .waiting(waiters + [continuation])
          return false
        }
      }
      if resumeNow { continuation.resume() }
    }
  }
}
