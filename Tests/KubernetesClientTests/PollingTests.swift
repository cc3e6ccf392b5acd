import Foundation
import Synchronization
import Testing

@testable import KubernetesClient

/// The wait loop itself, with scripted checks instead of a server.
@Suite("Polling")
struct PollingTests {
  static let fast = WaitSchedule(
    initialDelay: .milliseconds(5), maximumDelay: .milliseconds(20), progressInterval: .milliseconds(20))

  /// The check's answers, in turn; the last one repeats.
  final class Script: Sendable {
    private let answers: [Result<PollState, KubernetesError>]
    private let calls = Atomic<Int>(0)
    init(_ answers: [Result<PollState, KubernetesError>]) { self.answers = answers }
    var callCount: Int { calls.load(ordering: .relaxed) }
    func next() throws(KubernetesError) -> PollState {
      let index = calls.add(1, ordering: .relaxed).oldValue
      return try answers[min(index, answers.count - 1)].get()
    }
  }

  final class Reports: Sendable {
    private let lines = Mutex<[String]>([])
    func append(_ line: String) { lines.withLock { $0.append(line) } }
    var all: [String] { lines.withLock { $0 } }
  }

  @Test("polls until done; unreachable and 5xx answers count as not yet")
  func untilDone() async throws {
    let script = Script([
      .success(.waiting("1 of 2")), .failure(.unreachable(endpoint: "e", reason: "restarting")),
      .failure(.status(code: 503, reason: "ServiceUnavailable", message: "")), .success(.done),
    ])
    try await withClient(KubernetesConnection(endpoint: "https://127.0.0.1:1")) { client in
      try await client.poll(waitingFor: "x", timeout: .seconds(5), schedule: Self.fast) { () throws(KubernetesError) in
        try script.next()
      }
    }
    #expect(script.callCount == 4)
  }

  @Test("other errors end the wait")
  func otherErrors() async throws {
    let script = Script([.failure(.status(code: 403, reason: "Forbidden", message: "no"))])
    try await withClient(KubernetesConnection(endpoint: "https://127.0.0.1:1")) { client in
      await #expect(throws: KubernetesError.status(code: 403, reason: "Forbidden", message: "no")) {
        try await client.poll(waitingFor: "x", timeout: .seconds(5), schedule: Self.fast) {
          () throws(KubernetesError) in
          try script.next()
        }
      }
    }
  }

  @Test("times out with the last state")
  func timeout() async throws {
    let script = Script([.success(.waiting("0 of 1 replicas available"))])
    try await withClient(KubernetesConnection(endpoint: "https://127.0.0.1:1")) { client in
      await #expect(
        throws: KubernetesError.timedOut(waitingFor: "Deployment a/b", lastState: "0 of 1 replicas available")
      ) {
        try await client.poll(waitingFor: "Deployment a/b", timeout: .milliseconds(300), schedule: Self.fast) {
          () throws(KubernetesError) in try script.next()
        }
      }
    }
  }

  @Test("reports progress: what it waits for, the time elapsed and the state")
  func progress() async throws {
    let reports = Reports()
    try await withClient(KubernetesConnection(endpoint: "https://127.0.0.1:1")) { client in
      // Done after two reports, however slowly the machine runs.
      try await client.poll(
        waitingFor: "Deployment a/b", timeout: .seconds(60), schedule: Self.fast, progress: { reports.append($0) }
      ) { () throws(KubernetesError) in
        reports.all.count >= 2 ? .done : .waiting("0 of 1 replicas available")
      }
    }
    #expect(reports.all.count == 2)
    #expect(reports.all.first?.hasPrefix("still waiting for Deployment a/b after ") == true)
    #expect(reports.all.first?.hasSuffix(" s: 0 of 1 replicas available") == true)
  }

  @Test("the default schedule notices a change within a second and reports every few seconds")
  func defaultSchedule() {
    #expect(WaitSchedule.default.maximumDelay <= .milliseconds(500))
    #expect(
      WaitSchedule.default.progressInterval >= .seconds(5) && WaitSchedule.default.progressInterval <= .seconds(10))
  }
}
