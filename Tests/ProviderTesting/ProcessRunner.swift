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
  public static func run(
    _ executable: String, _ arguments: [String], environment: [String: String], directory: URL? = nil
  ) throws -> ProcessResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    if let directory { process.currentDirectoryURL = directory }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes concurrently: a child that fills one while we wait on the other hangs.
    let errorData = LockedData()
    let errorReader = Thread { errorData.set(error.fileHandleForReading.readDataToEndOfFile()) }
    errorReader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorData.isSet { usleep(1000) }
    return ProcessResult(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorData.value, as: UTF8.self))
  }
}

private final class LockedData: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  func set(_ newValue: Data) { lock.withLock { data = newValue } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}
