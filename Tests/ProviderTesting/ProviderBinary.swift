import Foundation

/// The provider executable built alongside the tests, and a filesystem mirror holding it.
public enum ProviderBinary {
  public static let version = "0.1.0"

  /// `DOKASECA_PROVIDER_BINARY` when set, else the executable SwiftPM built next to the test
  /// bundle (`swift test` builds every product of the package first).
  public static var path: String {
    if let path = ProcessInfo.processInfo.environment["DOKASECA_PROVIDER_BINARY"], !path.isEmpty { return path }
    let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testExecutable.deletingLastPathComponent()
    // Test bundles on Linux are executables inside .build/<triple>/<configuration>/.
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("terraform-provider-dokaseca").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return testExecutable.deletingLastPathComponent().appendingPathComponent("terraform-provider-dokaseca").path
  }

  /// An unpacked filesystem mirror (`registry.terraform.io/dokaseca/dokaseca/<version>/linux_amd64/`)
  /// made once per test process, as `make install` lays it out.
  public static let mirror: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-mirror-\(getpid())")
    let platform = root.appendingPathComponent("registry.terraform.io/dokaseca/dokaseca/\(version)/linux_amd64")
    try? FileManager.default.createDirectory(at: platform, withIntermediateDirectories: true)
    let destination = platform.appendingPathComponent("terraform-provider-dokaseca_v\(version)")
    try? FileManager.default.removeItem(at: destination)
    // A copy, not a link: Terraform accepts a symlink only for the mirror's base directory.
    try? FileManager.default.copyItem(atPath: path, toPath: destination.path)
    return root
  }()
}
