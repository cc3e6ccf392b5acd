import Foundation

/// A private temporary directory (0700) for files kind writes that must not outlive the
/// operation, such as the kubeconfig when the user asked for none.
struct ScratchDirectory {
  let path: String

  init() throws {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-\(UUID().uuidString)")
    try FileManager.default.createDirectory(
      at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    path = url.path
  }

  func remove() { try? FileManager.default.removeItem(atPath: path) }
}
