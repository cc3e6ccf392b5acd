import Foundation
import NIOHTTP1
import Testing

@testable import KubernetesClient

/// The client's HTTP behaviour against a scripted stub server: retries, giving up, cancellation,
/// unreachable endpoints and unusable configurations.
@Suite("Transport")
struct TransportTests {
  /// Short pauses between attempts keep these tests fast; the schedule itself is tested apart.
  static let quickRetries = RetryPolicy(
    maximumAttempts: 5, initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20))

  @Test("503 twice, then 200: the third attempt succeeds")
  func retriesServerErrors() async throws {
    try await withStubServer { number, _ in
      number <= 2 ? .respond(.serviceUnavailable, body: "{}") : .respond(.ok, body: "ok")
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint), retryPolicy: Self.quickRetries) { client in
        try await client.readyz()
        #expect(client.requestCount == 3)
        #expect(client.writeCount == 0)
      }
      #expect(server.requestCount == 3)
    }
  }

  @Test("429 is retried too, and a persistent 503 is reported after five attempts")
  func givesUp() async throws {
    try await withStubServer { number, _ in
      number == 1
        ? .respond(.tooManyRequests)
        : .respond(
          .serviceUnavailable,
          body:
            #"{"kind":"Status","status":"Failure","reason":"ServiceUnavailable","code":503,"message":"etcd is down"}"#)
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint), retryPolicy: Self.quickRetries) { client in
        await #expect(throws: KubernetesError.status(code: 503, reason: "ServiceUnavailable", message: "etcd is down"))
        {
          _ = try await client.serverVersion()
        }
      }
      #expect(server.requestCount == 5)
    }
  }

  @Test("4xx answers are not retried")
  func noRetryForClientErrors() async throws {
    try await withStubServer { _, _ in
      .respond(.forbidden, body: "{}")
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint), retryPolicy: Self.quickRetries) { client in
        await #expect(throws: KubernetesError.self) { try await client.readyz() }
      }
      #expect(server.requestCount == 1)
    }
  }

  @Test("a closed port is unreachable, naming the endpoint, after the default retries")
  func unreachable() async throws {
    let endpoint = "https://127.0.0.1:\(try await freeLoopbackPort())"
    let started = ContinuousClock.now
    try await withClient(KubernetesConnection(endpoint: endpoint)) { client in
      do throws(KubernetesError) {
        try await client.readyz()
        Issue.record("expected .unreachable")
      } catch {
        guard case .unreachable(let reported, let reason) = error else {
          Issue.record("expected .unreachable, got \(error)")
          return
        }
        #expect(reported == endpoint)
        #expect(error.description.contains(endpoint))
        #expect(reason.contains("5 attempts"), "\(reason)")
      }
      #expect(client.requestCount == 5)
    }
    // Five attempts with backoff of at most 0.1 + 0.2 + 0.4 + 0.8 s.
    #expect(ContinuousClock.now - started < .seconds(5))
  }

  @Test("cancelling the calling task ends a hanging request at once")
  func cancellation() async throws {
    try await withStubServer { _, _ in
      .hang
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint)) { client in
        let request = Task { try await client.readyz() }
        try await Task.sleep(for: .milliseconds(300))
        let cancelled = ContinuousClock.now
        request.cancel()
        let result = await request.result
        #expect(ContinuousClock.now - cancelled < .seconds(1))
        guard case .failure(let error) = result, case .cancelled? = error as? KubernetesError else {
          Issue.record("expected .cancelled, got \(result)")
          return
        }
      }
    }
  }

  @Test("a request that gets no answer within the timeout fails without retries")
  func timeout() async throws {
    try await withStubServer { _, _ in
      .hang
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint), requestTimeout: .milliseconds(300)) {
        client in
        do throws(KubernetesError) {
          try await client.readyz()
          Issue.record("expected a timeout")
        } catch {
          guard case .unreachable(_, let reason) = error else {
            Issue.record("expected .unreachable, got \(error)")
            return
          }
          #expect(reason.contains("no answer within"), "\(reason)")
        }
      }
      #expect(server.requestCount == 1)
    }
  }

  @Test("the bearer token is sent as an Authorization header")
  func bearerToken() async throws {
    try await withStubServer { _, head in
      head.headers.first(name: "Authorization") == "Bearer t0ken" ? .respond(.ok) : .respond(.unauthorized)
    } body: { server in
      try await withClient(KubernetesConnection(endpoint: server.endpoint, bearerToken: "t0ken")) { client in
        try await client.readyz()
      }
    }
  }

  @Test(
    "unusable connections are refused when the client is made",
    arguments: [
      KubernetesConnection(endpoint: "127.0.0.1:6443"),
      KubernetesConnection(endpoint: "ftp://host"),
      KubernetesConnection(endpoint: "https://h", certificateAuthorityPEM: "not a certificate"),
      KubernetesConnection(endpoint: "https://h", clientCertificatePEM: "only a certificate"),
      KubernetesConnection(
        endpoint: "https://h", clientCertificatePEM: "-----BEGIN CERTIFICATE-----\nAA==\n-----END CERTIFICATE-----",
        clientKeyPEM: "garbage"),
    ])
  func invalidConfiguration(connection: KubernetesConnection) {
    #expect {
      _ = try KubernetesClient(connection: connection, logger: testLogger)
    } throws: { error in
      guard case .invalidConfiguration = error as? KubernetesError else { return false }
      return true
    }
  }

  @Test("backoff grows, is jittered, respects Retry-After and is capped")
  func backoffSchedule() {
    let policy = RetryPolicy.default
    for attempt in 1...8 {
      let delay = policy.delay(afterAttempt: attempt, retryAfter: nil)
      let ceiling = min(.milliseconds(100) * (1 << (attempt - 1)), policy.maximumDelay)
      #expect(delay <= ceiling && delay >= ceiling / 2)
    }
    #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(1)) == .seconds(1))
    #expect(policy.delay(afterAttempt: 1, retryAfter: .seconds(60)) == policy.maximumDelay)
  }
}
