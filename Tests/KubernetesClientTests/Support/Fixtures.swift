import Foundation

/// The Argo CD v3.5.1 manifests in the shared fixtures folder, read in place (never copied).
enum ArgoCDFixtures {
  static let directory: URL = {
    if let explicit = ProcessInfo.processInfo.environment["DOKASECA_ARGOCD_FIXTURES"], !explicit.isEmpty {
      return URL(fileURLWithPath: explicit)
    }
    // Tests/KubernetesClientTests/Support/Fixtures.swift → the repository's parent holds shared/.
    let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    return repository.deletingLastPathComponent().appendingPathComponent("shared/fixtures/argocd-v3.5.1")
  }()

  static var available: Bool { FileManager.default.fileExists(atPath: installManifest.path) }

  static var installManifest: URL { directory.appendingPathComponent("install.yaml") }
  static var applicationSetCRD: URL { directory.appendingPathComponent("applicationset-crd.yaml") }

  static func text(_ file: URL) throws -> String { try String(contentsOf: file, encoding: .utf8) }
}
