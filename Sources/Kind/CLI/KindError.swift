/// Why a `kind` command could not do its job, sorted by what the user must do about it.
public enum KindError: Error, Sendable, CustomStringConvertible {
  /// No `kind` executable at the configured path or on PATH.
  case notInstalled(searched: String)
  case tooOld(found: KindVersion)
  /// Docker (or the container runtime kind uses) is not running or not reachable.
  case containerRuntimeUnavailable(output: String)
  /// A host port of a port mapping is taken by another program.
  case hostPortInUse(port: Int, output: String)
  /// Any other failure, with kind's own words.
  case commandFailed(command: String, exitCode: Int32, output: String)

  public var description: String {
    switch self {
    case .notInstalled(let searched): "kind was not found (looked in \(searched))"
    case .tooOld(let found): "kind \(found) is older than the \(KindVersion.minimum) this provider needs"
    case .containerRuntimeUnavailable(let output): "the container runtime is not reachable: \(output)"
    case .hostPortInUse(let port, let output): "host port \(port) is already in use: \(output)"
    case .commandFailed(let command, let exitCode, let output): "`\(command)` failed (exit \(exitCode)): \(output)"
    }
  }

  /// Sorts a failed command by the words kind and Docker use for each cause.
  static func classify(command: String, output: CommandOutput) -> KindError {
    let text = output.text
    let lowered = text.lowercased()
    if lowered.contains("cannot connect to the docker daemon") || lowered.contains("is the docker daemon running")
      || lowered.contains("failed to list clusters") || lowered.contains("docker: command not found")
      || lowered.contains("executable file not found in $path")
    {
      return .containerRuntimeUnavailable(output: text)
    }
    if lowered.contains("port is already allocated") || lowered.contains("address already in use") {
      return .hostPortInUse(port: Self.port(in: text) ?? 0, output: text)
    }
    return .commandFailed(command: command, exitCode: output.exitCode, output: text)
  }

  /// The port of Docker's `Bind for 0.0.0.0:8080 failed: port is already allocated`.
  private static func port(in text: String) -> Int? {
    guard let bind = text.range(of: "Bind for ") else { return nil }
    let rest = text[bind.upperBound...]
    guard let failed = rest.range(of: " failed") else { return nil }
    return rest[..<failed.lowerBound].split(separator: ":").last.flatMap { Int($0) }
  }
}
