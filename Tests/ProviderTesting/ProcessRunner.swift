import Foundation

/// The outcome of a finished process.
public struct ProcessResult: Sendable {
  public var exitCode: Int32
  public var standardOutput: String
  public var standardError: String

  /// Both streams, for assertion messages.
  public var combinedOutput: String { standardOutput + "\n" + standardError }
}

/// Runs programs to completion, capturing their output, as a person at a shell would.
public enum ProcessRunner {
  /// Output goes to files, not pipes: a pipe's reader waits for every writer, and a plugin that
  /// outlives Terraform (Terraform 1.0.3 leaves one running after a failed import) would keep
  /// an inherited pipe open forever.
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], directory: URL? = nil
  ) throws -> ProcessResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("process-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outputURL = scratch.appendingPathComponent("stdout")
    let errorURL = scratch.appendingPathComponent("stderr")
    _ = FileManager.default.createFile(atPath: outputURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errorURL.path, contents: nil)
    let output = try FileHandle(forWritingTo: outputURL)
    let error = try FileHandle(forWritingTo: errorURL)
    defer {
      try? output.close()
      try? error.close()
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: try Data(contentsOf: outputURL), as: UTF8.self),
      standardError: String(decoding: try Data(contentsOf: errorURL), as: UTF8.self))
  }
}
