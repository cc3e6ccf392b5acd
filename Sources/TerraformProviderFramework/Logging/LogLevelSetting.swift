public import Logging

/// The provider's log level as Terraform sets it: `TF_LOG_PROVIDER`, else `TF_LOG`.
public enum LogLevelSetting {
  /// `nil` means logging is off: Terraform discards provider logs unless a level is set.
  public static func level(environment: [String: String]) -> Logger.Level? {
    guard let raw = environment["TF_LOG_PROVIDER"].flatMap({ $0.isEmpty ? nil : $0 }) ?? environment["TF_LOG"],
      !raw.isEmpty
    else { return nil }
    switch raw.uppercased() {
    case "OFF": return nil
    case "ERROR": return .error
    case "WARN": return .warning
    case "INFO": return .info
    case "DEBUG": return .debug
    // Terraform treats JSON and any unrecognised value as TRACE.
    default: return .trace
    }
  }
}
