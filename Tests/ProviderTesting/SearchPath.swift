import Foundation

/// Executables on the test process's PATH, found as a shell finds them.
public enum SearchPath {
  /// Every executable called `name` on PATH, in PATH order.
  public static func executables(named name: String) -> [String] {
    (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(name)" }
      .filter { FileManager.default.isExecutableFile(atPath: $0) }
  }
}
