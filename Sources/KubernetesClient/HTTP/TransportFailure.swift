import AsyncHTTPClient
import NIOSSL

/// Why an attempt got no answer, sorted by what to do next.
enum TransportFailure: Error, CustomStringConvertible {
  /// The calling task was cancelled.
  case cancelled
  /// Worth another attempt: refused or reset connections, a server still starting.
  case transient(String)
  /// Not worth another attempt: TLS verification fails the same way twice, and a request that
  /// used its whole timeout would only multiply the wait.
  case final(String)

  init(_ error: any Error, timeout: Duration) {
    if Task.isCancelled || error is CancellationError {
      self = .cancelled
    } else if let error = error as? HTTPClientError {
      switch error {
      case .cancelled: self = .cancelled
      case .deadlineExceeded, .readTimeout: self = .final("no answer within \(timeout)")
      case .connectTimeout: self = .final("no connection within \(min(timeout, .seconds(10)))")
      default: self = .transient("\(error)")
      }
    } else if error is NIOSSLError || error is BoringSSLError || error is NIOSSLExtraError {
      self = .final("TLS failed: \(error)")
    } else {
      self = .transient("\(error)")
    }
  }

  var description: String {
    switch self {
    case .cancelled: return "cancelled"
    case .transient(let reason), .final(let reason): return reason
    }
  }
}
