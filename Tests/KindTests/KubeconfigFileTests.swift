import Foundation
import Testing

@testable import Kind

/// Merging a cluster into a kubeconfig file and removing it again, as kind does.
@Suite struct KubeconfigFileTests {
  static func kubeconfig(_ name: String) -> String {
    """
    apiVersion: v1
    kind: Config
    current-context: kind-\(name)
    clusters:
    - name: kind-\(name)
      cluster: {server: "https://127.0.0.1:1234", certificate-authority-data: Q0E=}
    users:
    - name: kind-\(name)
      user: {client-certificate-data: Q0VSVA==, client-key-data: S0VZ}
    contexts:
    - name: kind-\(name)
      context: {cluster: kind-\(name), user: kind-\(name)}
    """
  }

  @Test func mergesIntoANewFileWithMode0600AndRemovesAgain() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: directory) }
    let path = directory.appendingPathComponent("nested/config").path
    try KubeconfigFile.merge(Self.kubeconfig("a"), into: path)
    try KubeconfigFile.merge(Self.kubeconfig("b"), into: path)
    try KubeconfigFile.merge(Self.kubeconfig("a"), into: path)
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
    #expect(
      KubeconfigFile.contains(context: "kind-a", in: path) && KubeconfigFile.contains(context: "kind-b", in: path))
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.components(separatedBy: "name: kind-a").count - 1 == 3, "merging twice replaces, never duplicates")

    try KubeconfigFile.remove(context: "kind-a", from: path)
    #expect(!KubeconfigFile.contains(context: "kind-a", in: path))
    #expect(KubeconfigFile.contains(context: "kind-b", in: path))
    #expect(!(try String(contentsOfFile: path, encoding: .utf8).contains("kind-a")))
    try KubeconfigFile.remove(context: "kind-missing", from: path)
    try KubeconfigFile.remove(context: "kind-a", from: directory.appendingPathComponent("absent").path)
  }
}
