import Foundation

/// A server process for the tests, whose output goes to a log file and which cannot outlive the
/// test run: a shell wrapper stops it when the test process is gone, even after a crash.
final class ChildProcess: Sendable {
  let name: String
  let logFile: URL
  private let wrapper: Process

  /// The wrapper polls the test process every second; a TERM to the wrapper stops the server.
  private static let watchdog = """
    "$@" & child=$!
    trap 'kill -TERM "$child" 2>/dev/null; wait "$child"; exit 0' TERM INT
    while kill -0 "$WATCHED_PID" 2>/dev/null && kill -0 "$child" 2>/dev/null; do sleep 1; done
    kill -TERM "$child" 2>/dev/null
    wait "$child"
    """

  init(name: String, executable: String, arguments: [String], logFile: URL) throws {
    self.name = name
    self.logFile = logFile
    _ = FileManager.default.createFile(atPath: logFile.path, contents: nil)
    let log = try FileHandle(forWritingTo: logFile)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", Self.watchdog, "sh", executable] + arguments
    var environment = ProcessInfo.processInfo.environment
    environment["WATCHED_PID"] = String(ProcessInfo.processInfo.processIdentifier)
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    process.standardOutput = log
    process.standardError = log
    try process.run()
    wrapper = process
  }

  var isRunning: Bool { wrapper.isRunning }

  /// The last lines of the log, for a failure message.
  func logTail(lines: Int = 30) -> String {
    let text = (try? String(contentsOf: logFile, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").suffix(lines).joined(separator: "\n")
  }

  /// Stops the server and waits (at most ten seconds) for it to exit.
  func stop() async {
    guard wrapper.isRunning else { return }
    wrapper.terminate()
    for _ in 0..<100 where wrapper.isRunning {
      try? await Task.sleep(for: .milliseconds(100))
    }
  }
}
