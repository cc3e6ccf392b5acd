public import Logging

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A swift-log handler that writes hclog JSON lines to stderr, the format go-plugin parses
/// into Terraform's log (`@level`, `@message`, `@timestamp`, `@module`, then metadata).
///
/// stdout is reserved for the handshake line, so nothing here ever writes there.
public struct HCLogHandler: LogHandler {
  public var logLevel: Logger.Level
  public var metadata: Logger.Metadata = [:]
  private let module: String

  public init(module: String, level: Logger.Level) {
    self.module = module
    self.logLevel = level
  }

  public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
    get { metadata[key] }
    set { metadata[key] = newValue }
  }

  public func log(event: LogEvent) {
    var line = "{\"@level\":\"\(Self.hclogLevel(event.level))\",\"@message\":"
    JSONText.appendString(event.message.description, to: &line)
    line += ",\"@module\":"
    JSONText.appendString(module, to: &line)
    line += ",\"@timestamp\":\"\(Self.timestamp())\""
    let merged = metadata.merging(event.metadata ?? [:]) { $1 }
    for key in merged.keys.sorted() {
      line += ","
      JSONText.appendString(key, to: &line)
      line += ":"
      JSONText.appendString(merged[key]!.description, to: &line)
    }
    line += "}\n"
    // One write per line keeps lines whole when several tasks log at once.
    writeStandardError(line)
  }

  /// hclog knows trace, debug, info, warn and error; swift-log's notice and critical map onto
  /// the nearest of those.
  static func hclogLevel(_ level: Logger.Level) -> String {
    switch level {
    case .trace: "trace"
    case .debug: "debug"
    case .info, .notice: "info"
    case .warning: "warn"
    case .error, .critical: "error"
    }
  }

  /// The time as Go's `2006-01-02T15:04:05.000000Z07:00` layout prints it in UTC.
  static func timestamp() -> String {
    var now = timespec()
    clock_gettime(CLOCK_REALTIME, &now)
    var seconds = now.tv_sec
    var parts = tm()
    gmtime_r(&seconds, &parts)
    func pad(_ value: Int, _ width: Int) -> String {
      let digits = String(value)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
      + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
      + ".\(pad(Int(now.tv_nsec) / 1000, 6))Z"
  }
}
