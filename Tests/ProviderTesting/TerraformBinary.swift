import Foundation

/// A Terraform executable the end-to-end tests drive, with its version.
public struct TerraformBinary: Sendable, CustomStringConvertible {
  public var path: String
  public var version: String

  public var description: String { "terraform \(version)" }

  /// The binaries to test with: `DOKASECA_TERRAFORM_BINARIES` (colon-separated paths) when set,
  /// else every distinct version of `terraform` found on PATH.
  public static let available: [TerraformBinary] = {
    let environment = ProcessInfo.processInfo.environment
    let candidates: [String]
    if let listed = environment["DOKASECA_TERRAFORM_BINARIES"], !listed.isEmpty {
      candidates = listed.split(separator: ":").map(String.init)
    } else {
      candidates = SearchPath.executables(named: "terraform")
    }
    var seen: Set<String> = []
    // Newest first: tests that run on one binary take the first.
    return candidates.compactMap { path in
      guard let version = version(of: path), seen.insert(version).inserted else { return nil }
      return TerraformBinary(path: path, version: version)
    }.sorted { $0.version.compare($1.version, options: .numeric) == .orderedDescending }
  }()

  private static func version(of path: String) -> String? {
    guard
      let result = try? ProcessRunner.run(
        path, ["version", "-json"],
        environment: ["CHECKPOINT_DISABLE": "1", "PATH": "/usr/bin:/bin", "HOME": NSTemporaryDirectory()]),
      result.exitCode == 0,
      let json = try? JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [String: Any]
    else { return nil }
    return json["terraform_version"] as? String
  }
}
