import Foundation

/// The outcome of one finished command.
public struct CommandOutput: Sendable {
  public var exitCode: Int32
  public var standardOutput: String
  public var standardError: String

  /// stderr and stdout together, as a person would see them in a terminal.
  public var text: String {
    [standardError, standardOutput].filter { !$0.isEmpty }.joined(separator: "\n")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}

/// Runs a program to completion without blocking a thread, and terminates it when the calling
/// task is cancelled (Terraform's StopProvider), so a cancelled `kind create` does not linger.
enum ProcessExecution {
  static func run(_ executable: String, _ arguments: [String], environment: [String: String]) async throws
    -> CommandOutput
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    let finished = AsyncStream<Int32>.makeStream()
    process.terminationHandler = { finished.continuation.yield($0.terminationStatus) }
    try process.run()
    return try await withTaskCancellationHandler {
      // Drain both pipes while the process runs: a full pipe would block it forever.
      async let standardOutput = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }.value
      async let standardError = Task.detached { error.fileHandleForReading.readDataToEndOfFile() }.value
      var exitCode: Int32 = -1
      for await status in finished.stream {
        exitCode = status
        break
      }
      let (out, err) = await (standardOutput, standardError)
      try Task.checkCancellation()
      return CommandOutput(
        exitCode: exitCode, standardOutput: String(decoding: out, as: UTF8.self),
        standardError: String(decoding: err, as: UTF8.self))
    } onCancel: {
      if process.isRunning { process.terminate() }
    }
  }
}
