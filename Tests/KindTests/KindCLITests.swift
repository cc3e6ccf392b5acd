import Foundation
import Testing

@testable import Kind

/// Reading kind's answers: versions, and errors sorted by what the user must do.
@Suite struct KindCLITests {
  @Test(arguments: [
    ("kind v0.27.0 go1.23.4 linux/amd64", KindVersion(major: 0, minor: 27, patch: 0, text: "")),
    ("kind v0.20.0-alpha+abc go1.20 linux/amd64", KindVersion(major: 0, minor: 20, patch: 0, text: "")),
    ("kind v0.27.0-dokaseca-test linux/amd64", KindVersion(major: 0, minor: 27, patch: 0, text: "")),
  ])
  func parsesVersions(output: String, expected: KindVersion) throws {
    #expect(try #require(KindVersion(parsing: output)) == expected)
  }

  @Test func refusesOldAndUnparsableVersions() {
    #expect(KindVersion(parsing: "kind v0.11.1 go1.16 linux/amd64")! < .minimum)
    #expect(KindVersion(parsing: "garbage") == nil)
  }

  @Test func classifiesDockerDown() {
    let output = CommandOutput(
      exitCode: 1, standardOutput: "",
      standardError:
        "ERROR: failed to create cluster: failed to list clusters: ...\nCommand Output: Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?"
    )
    guard case .containerRuntimeUnavailable = KindError.classify(command: "kind create cluster", output: output) else {
      Issue.record("expected containerRuntimeUnavailable")
      return
    }
  }

  @Test func classifiesATakenPortWithItsNumber() {
    let output = CommandOutput(
      exitCode: 1, standardOutput: "",
      standardError:
        "ERROR: failed to create cluster: command \"docker run ...\" failed with error: exit status 125\nCommand Output: docker: Error response from daemon: driver failed programming external connectivity on endpoint hub-control-plane: Bind for 0.0.0.0:8080 failed: port is already allocated."
    )
    guard case .hostPortInUse(let port, _) = KindError.classify(command: "kind create cluster", output: output) else {
      Issue.record("expected hostPortInUse")
      return
    }
    #expect(port == 8080)
  }

  @Test func otherFailuresKeepKindsWords() {
    let output = CommandOutput(exitCode: 2, standardOutput: "", standardError: "ERROR: something odd")
    guard case .commandFailed(_, let code, let text) = KindError.classify(command: "kind x", output: output) else {
      Issue.record("expected commandFailed")
      return
    }
    #expect(code == 2 && text == "ERROR: something odd")
  }

  @Test func findsKindOnPathOrSaysWhereItLooked() throws {
    #expect(throws: KindError.self) { try KindCLI(path: nil, environment: ["PATH": "/nonexistent"]) }
    #expect(throws: KindError.self) { try KindCLI(path: "/nonexistent/kind", environment: [:]) }
    #expect(try KindCLI(path: "/bin/sh", environment: [:]).executable == "/bin/sh")
    #expect(KindCLI.expandingTilde("~/x", environment: ["HOME": "/home/me"]) == "/home/me/x")
  }
}
