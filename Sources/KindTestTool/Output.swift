import Foundation

/// A failure reported as kind reports it: `ERROR: <message>` on stderr, then, for a failed
/// command, `Command Output: <output>`; exit status 1.
struct KindError: Error, CustomStringConvertible {
  var message: String
  var commandOutput: String?

  init(_ message: String, commandOutput: String? = nil) {
    self.message = message
    self.commandOutput = commandOutput
  }

  var description: String { message }

  /// Prefixes the message the way Go's `errors.Wrap` does.
  func wrapped(_ context: String) -> KindError {
    KindError("\(context): \(message)", commandOutput: commandOutput)
  }
}

/// kind's CLI logger: everything but program output goes to stderr, each message on its own
/// line; `-q` silences it, `-v N` raises the verbosity of debug lines.
enum Log {
  nonisolated(unsafe) static var quiet = false
  nonisolated(unsafe) static var verbosity = 0

  /// Takes kind's persistent flags (`-q`, `--quiet`, `-v N`, `--verbosity=N`) out of the
  /// arguments wherever they stand, as cobra accepts them before or after the subcommand.
  static func configure(stripping arguments: inout [String]) {
    var kept: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      switch argument {
      case "-q", "--quiet", "--quiet=true":
        quiet = true
      case "--quiet=false":
        quiet = false
      case "-v", "--verbosity":
        if index + 1 < arguments.count, let level = Int(arguments[index + 1]) {
          verbosity = level
          index += 1
        }
      default:
        if argument.hasPrefix("--verbosity="), let level = Int(argument.dropFirst("--verbosity=".count)) {
          verbosity = level
        } else if argument.hasPrefix("-v"), argument.count > 2, let level = Int(argument.dropFirst(2)) {
          verbosity = level
        } else {
          kept.append(argument)
        }
      }
      index += 1
    }
    arguments = kept
  }

  static func info(_ message: String) {
    guard !quiet else { return }
    write(message)
  }

  static func debug(_ message: String) {
    guard !quiet, verbosity >= 1 else { return }
    write(message)
  }

  static func error(_ message: String) {
    guard !quiet else { return }
    write(message)
  }

  static func failure(_ error: KindError) {
    Log.error("ERROR: \(error.message)")
    if let output = error.commandOutput {
      Log.error("\nCommand Output: \(output)")
    }
  }

  private static func write(_ message: String) {
    var text = message
    if !text.hasSuffix("\n") { text += "\n" }
    FileHandle.standardError.write(Data(text.utf8))
  }
}

/// kind's `cli.Status` as it prints when stderr is not a terminal (no spinner).
final class Status {
  private var current: String?

  func start(_ status: String) {
    end(true)
    current = status
    Log.info(" • \(status)  ...")
  }

  func end(_ success: Bool) {
    guard let status = current else { return }
    Log.info(success ? " ✓ \(status)" : " ✗ \(status)")
    current = nil
  }
}

/// Go's `time.Duration` text: parsing as `time.ParseDuration`, formatting as `Duration.String`.
enum GoDuration {
  /// Seconds, or nil when `text` is not a Go duration.
  static func parse(_ text: String) -> Double? {
    var rest = Substring(text)
    var sign = 1.0
    if rest.first == "-" || rest.first == "+" {
      if rest.first == "-" { sign = -1 }
      rest = rest.dropFirst()
    }
    if rest == "0" { return 0 }
    guard !rest.isEmpty else { return nil }
    let units: [(String, Double)] = [
      ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]
    var total = 0.0
    while !rest.isEmpty {
      let number = rest.prefix { $0.isNumber || $0 == "." }
      guard !number.isEmpty, let value = Double(number) else { return nil }
      rest = rest.dropFirst(number.count)
      guard let unit = units.first(where: { rest.hasPrefix($0.0) && !(($0.0 == "m") && rest.hasPrefix("ms")) })
      else { return nil }
      total += value * unit.1
      rest = rest.dropFirst(unit.0.count)
    }
    return sign * total
  }

  /// `Duration.Round(time.Second).String()`: `0s`, `45s`, `1m0s`, `1h2m3s`.
  static func formatRoundedToSeconds(_ seconds: Double) -> String {
    var total = Int(seconds.rounded())
    if total == 0 { return "0s" }
    let negative = total < 0
    total = abs(total)
    let hours = total / 3600
    let minutes = (total % 3600) / 60
    let secs = total % 60
    var text = ""
    if hours > 0 { text += "\(hours)h" }
    if hours > 0 || minutes > 0 { text += "\(minutes)m" }
    text += "\(secs)s"
    return negative ? "-" + text : text
  }
}
