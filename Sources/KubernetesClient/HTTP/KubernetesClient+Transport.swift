import AsyncHTTPClient
import Logging
import NIOCore
import NIOHTTP1
import NIOSSL

extension KubernetesClient {
  /// The largest answer read: a list of every object of a busy kind, or a CRD of a few MB.
  private static let maximumResponseBytes = 256 * 1024 * 1024

  /// Sends `request`, again after a connection failure or a 429/5xx answer, up to the retry
  /// policy's attempts. Returns whatever the server answered last, failures included: callers
  /// decide what a 404 means. Throws `.unreachable` when no answer came, `.cancelled` when the
  /// calling task was cancelled.
  func send(_ request: KubernetesRequest) async throws(KubernetesError) -> KubernetesResponse {
    var attempt = 0
    while true {
      attempt += 1
      guard !Task.isCancelled else { throw .cancelled }
      let delay: Duration
      switch await perform(request, attempt: attempt) {
      case .success(let response):
        guard RetryPolicy.isRetryable(status: response.status), attempt < retryPolicy.maximumAttempts else {
          return response
        }
        delay = retryPolicy.delay(afterAttempt: attempt, retryAfter: response.retryAfter)
        logger.debug(
          "retrying after \(response.status)",
          metadata: ["method": "\(request.method)", "path": "\(request.path)", "attempt": "\(attempt)"])
      case .failure(.cancelled):
        throw .cancelled
      case .failure(.final(let reason)):
        throw .unreachable(endpoint: connection.endpoint, reason: reason)
      case .failure(.transient(let reason)):
        guard attempt < retryPolicy.maximumAttempts else {
          throw .unreachable(endpoint: connection.endpoint, reason: "\(reason) (after \(attempt) attempts)")
        }
        delay = retryPolicy.delay(afterAttempt: attempt, retryAfter: nil)
        logger.debug(
          "retrying after a connection failure",
          metadata: ["method": "\(request.method)", "path": "\(request.path)", "attempt": "\(attempt)"])
      }
      do {
        try await Task.sleep(for: delay)
      } catch {
        throw .cancelled
      }
    }
  }

  /// One attempt: the answer, or why there was none.
  private func perform(_ request: KubernetesRequest, attempt: Int) async -> Result<KubernetesResponse, TransportFailure>
  {
    var httpRequest = HTTPClientRequest(url: baseURL + request.pathAndQuery)
    httpRequest.method = request.method
    httpRequest.headers.add(name: "Accept", value: "application/json")
    httpRequest.headers.add(name: "User-Agent", value: "terraform-provider-dokaseca")
    if let token = connection.bearerToken {
      httpRequest.headers.add(name: "Authorization", value: "Bearer \(token)")
    }
    if let body = request.body {
      httpRequest.headers.add(name: "Content-Type", value: request.contentType ?? "application/json")
      httpRequest.body = .bytes(ByteBuffer(bytes: body))
    }
    countRequest(isWrite: request.method != .GET)
    let started = ContinuousClock.now
    do {
      let response = try await httpClient.execute(httpRequest, timeout: TimeAmount(requestTimeout), logger: logger)
      let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
      let milliseconds = (ContinuousClock.now - started) / .milliseconds(1)
      logger.debug(
        "\(request.method) \(request.path) \(response.status.code)",
        metadata: ["attempt": "\(attempt)", "ms": "\(Int(milliseconds))"])
      return .success(
        KubernetesResponse(
          status: Int(response.status.code), reasonPhrase: response.status.reasonPhrase,
          body: Array(buffer: body), retryAfter: response.headers.first(name: "Retry-After").flatMap(Self.retryAfter),
          attempts: attempt))
    } catch {
      let failure = TransportFailure(error, timeout: requestTimeout)
      logger.debug(
        "\(request.method) \(request.path) failed",
        metadata: ["attempt": "\(attempt)", "error": "\(failure)"])
      return .failure(failure)
    }
  }

  /// `Retry-After` in seconds; the HTTP-date form is not used by the API server.
  private static func retryAfter(_ value: String) -> Duration? {
    Int(value.trimmingPrefix(" ")).map { .seconds($0) }
  }
}
