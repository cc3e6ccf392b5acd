/// An operation that did not finish within its `timeouts` budget.
public struct OperationTimeout: Error, CustomStringConvertible {
  public var waitingFor: String
  public var limit: Duration

  public var description: String { "timed out after \(limit) waiting for \(waitingFor)" }
}

/// Runs `operation`, cancelling it when `limit` passes first. Cancellation reaches the operation
/// as Swift task cancellation, so a running process is terminated rather than abandoned.
public func withTimeout<Result: Sendable>(
  _ limit: Duration, waitingFor: String, _ operation: @escaping @Sendable () async throws -> Result
) async throws -> Result {
  try await withThrowingTaskGroup(of: Result?.self) { group in
    group.addTask { try await operation() }
    group.addTask {
      try await Task.sleep(for: limit)
      return nil
    }
    defer { group.cancelAll() }
    guard let first = try await group.next(), let result = first else {
      throw OperationTimeout(waitingFor: waitingFor, limit: limit)
    }
    return result
  }
}
