import AsyncHTTPClient
public import Logging
import NIOCore
import Synchronization

/// A client for one Kubernetes API server: discovery, reads, server-side apply, deletes and the
/// waits an installer needs.
///
/// Every method is `async`, safe to call from many tasks at once, and honours cancellation of
/// the calling task by throwing `KubernetesError.cancelled` promptly. Failed requests that may
/// not have reached the server, and answers 429 and 5xx, are sent again with exponential backoff
/// (five attempts in all). Requests are logged at debug level as method, path and status code:
/// never bodies, certificates or tokens.
///
/// Call `shutdown()` when done; a client dropped without it closes its connections in the
/// background.
public final class KubernetesClient: Sendable {
  let connection: KubernetesConnection
  /// The endpoint without a trailing slash.
  let baseURL: String
  let logger: Logger
  let requestTimeout: Duration
  let retryPolicy: RetryPolicy
  let httpClient: HTTPClient
  let discovery = DiscoveryCache()
  private let requests = Atomic<Int>(0)
  private let writes = Atomic<Int>(0)
  private let isShutDown = Atomic<Bool>(false)

  /// A client for `connection`, whose certificates are checked now: an unusable PEM block or
  /// endpoint throws `.invalidConfiguration` here rather than at the first request.
  /// - Parameter requestTimeout: the longest one attempt of one request may take.
  public convenience init(
    connection: KubernetesConnection, logger: Logger, requestTimeout: Duration = .seconds(30)
  ) throws(KubernetesError) {
    try self.init(connection: connection, logger: logger, requestTimeout: requestTimeout, retryPolicy: .default)
  }

  init(
    connection: KubernetesConnection, logger: Logger, requestTimeout: Duration, retryPolicy: RetryPolicy
  ) throws(KubernetesError) {
    self.connection = connection
    self.baseURL = try connection.validatedBaseURL()
    self.logger = logger
    self.requestTimeout = requestTimeout
    self.retryPolicy = retryPolicy
    let timeout = TimeAmount(requestTimeout)
    var configuration = HTTPClient.Configuration(
      tlsConfiguration: try connection.tlsConfiguration(),
      // A redirect could carry the bearer token to another host; the API server never sends one.
      redirectConfiguration: .disallow,
      timeout: HTTPClient.Configuration.Timeout(connect: min(timeout, .seconds(10)), read: timeout))
    // The pool would otherwise retry a refused connection or a failed handshake until the connect
    // timeout; `send` retries with its own bounded backoff instead, so "unreachable" comes fast.
    configuration.connectionPool.retryConnectionEstablishment = false
    self.httpClient = HTTPClient(
      eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: configuration, backgroundActivityLogger: logger)
  }

  deinit {
    // Without this, async-http-client traps in debug builds when a client is dropped unclosed.
    if !isShutDown.load(ordering: .acquiring) {
      httpClient.shutdown { _ in }
    }
  }

  /// Closes the connections. Requests after this fail as `.unreachable`.
  public func shutdown() async {
    guard !isShutDown.exchange(true, ordering: .acquiringAndReleasing) else { return }
    try? await httpClient.shutdown()
  }

  /// Requests sent so far, retries included. A benchmark checks that a no-op refresh sends
  /// reads only by comparing this with `writeCount`.
  public var requestCount: Int { requests.load(ordering: .relaxed) }

  /// Requests other than GET sent so far, retries included.
  public var writeCount: Int { writes.load(ordering: .relaxed) }

  func countRequest(isWrite: Bool) {
    requests.add(1, ordering: .relaxed)
    if isWrite { writes.add(1, ordering: .relaxed) }
  }
}
