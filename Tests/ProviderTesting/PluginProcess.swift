import Foundation

/// The provider started as go-plugin starts it, for tests of the handshake and the transport.
public final class PluginProcess: @unchecked Sendable {
  /// The fields of the handshake line `1|6|unix|<address>|grpc|<cert>`.
  public struct HandshakeLine: Sendable {
    public var raw: String
    public var fields: [String]
    public var network: String { fields[2] }
    public var address: String { fields[3] }
    public var certificateBase64: String { fields[5] }
  }

  public let process = Process()
  private let output = Pipe()
  private let error = Pipe()

  /// Starts the provider with the handshake environment Terraform sets, plus `environment`.
  public init(environment extra: [String: String], arguments: [String] = []) throws {
    var environment = [
      "PATH": "/usr/bin:/bin",
      "TF_PLUGIN_MAGIC_COOKIE": "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2",
      "PLUGIN_PROTOCOL_VERSIONS": "5,6",
      "PLUGIN_MIN_PORT": "10000",
      "PLUGIN_MAX_PORT": "25000",
    ]
    environment.merge(extra) { $1 }
    process.executableURL = URL(fileURLWithPath: ProviderBinary.path)
    process.arguments = arguments
    process.environment = environment.filter { !$0.value.isEmpty }
    process.standardOutput = output
    process.standardError = error
    process.standardInput = FileHandle.nullDevice
    try process.run()
  }

  /// Everything the plugin wrote to stdout up to the first newline, within `timeout` seconds.
  public func readHandshake(timeout: TimeInterval = 10) throws -> HandshakeLine {
    let handle = output.fileHandleForReading
    var bytes = Data()
    let deadline = Date().addingTimeInterval(timeout)
    while !bytes.contains(UInt8(ascii: "\n")) {
      guard Date() < deadline else { throw PluginProcessError.noHandshake(String(decoding: bytes, as: UTF8.self)) }
      let chunk = handle.availableData
      if chunk.isEmpty { throw PluginProcessError.exited(readStandardError()) }
      bytes.append(chunk)
    }
    let line = String(decoding: bytes.prefix { $0 != UInt8(ascii: "\n") }, as: UTF8.self)
    return HandshakeLine(
      raw: line, fields: line.split(separator: "|", omittingEmptySubsequences: false).map(String.init))
  }

  /// Waits for the process to exit within `timeout`; returns its status, or nil if it is still running.
  public func waitForExit(timeout: TimeInterval) -> Int32? {
    let deadline = Date().addingTimeInterval(timeout)
    while process.isRunning && Date() < deadline { usleep(5000) }
    return process.isRunning ? nil : process.terminationStatus
  }

  /// The plugin's stdout, for reading what it printed beyond the handshake line.
  public var standardOutput: FileHandle { output.fileHandleForReading }

  public func readStandardError() -> String {
    String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
  }

  public func kill() {
    if process.isRunning { process.terminate() }
  }

  deinit { kill() }
}

public enum PluginProcessError: Error {
  case noHandshake(String)
  case exited(String)
}
