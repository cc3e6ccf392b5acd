import Synchronization

/// The provider operations running now, so that `StopProvider` can cancel them all.
///
/// Terraform sends StopProvider when the user interrupts it; each operation runs in its own
/// task, and cancelling that task is how long waits (Kind, the Kubernetes API) learn to stop.
final class InFlightOperations: Sendable {
  private let cancellers = Mutex<[Int: @Sendable () -> Void]>([:])
  private let nextIdentifier = Atomic<Int>(0)

  /// Runs `operation` in a task that `cancelAll` (or cancelling the caller) cancels, and tells
  /// whether it was cancelled.
  func run<Result: Sendable>(_ operation: @escaping @Sendable () async -> Result) async -> (Result, wasCancelled: Bool)
  {
    let identifier = nextIdentifier.add(1, ordering: .relaxed).newValue
    let task = Task { (await operation(), Task.isCancelled) }
    cancellers.withLock { $0[identifier] = { task.cancel() } }
    defer { _ = cancellers.withLock { $0.removeValue(forKey: identifier) } }
    let (result, wasCancelled) = await withTaskCancellationHandler {
      await task.value
    } onCancel: {
      task.cancel()
    }
    return (result, wasCancelled)
  }

  func cancelAll() {
    for cancel in cancellers.withLock({ Array($0.values) }) { cancel() }
  }
}
