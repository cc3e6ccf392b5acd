import Foundation
import Testing

@testable import KubernetesClient

@Suite("Kubeconfig parsing")
struct KubeconfigTests {
  static let caPEM = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n"
  static let certificatePEM = "-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n"
  static let keyPEM = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n"

  static func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

  /// A kubeconfig with two clusters, two users and three contexts, as kind and EKS write them.
  static let twoClusters = """
    apiVersion: v1
    kind: Config
    current-context: kind-dokaseca
    clusters:
    - name: kind-dokaseca
      cluster:
        server: https://127.0.0.1:6443
        certificate-authority-data: \(base64(caPEM))
    - name: staging
      cluster:
        server: https://staging.example:443/
        insecure-skip-tls-verify: true
    users:
    - name: kind-dokaseca
      user:
        client-certificate-data: \(base64(certificatePEM))
        client-key-data: \(base64(keyPEM))
    - name: deployer
      user:
        token: s3cr3t-token
    contexts:
    - name: kind-dokaseca
      context: {cluster: kind-dokaseca, user: kind-dokaseca}
    - name: staging
      context: {cluster: staging, user: deployer, namespace: apps}
    - name: anonymous
      context: {cluster: staging}
    """

  @Test("the current context, with base64 data fields")
  func currentContext() throws {
    let connection = try KubernetesConnection(kubeconfig: Self.twoClusters)
    #expect(connection.endpoint == "https://127.0.0.1:6443")
    #expect(connection.certificateAuthorityPEM == Self.caPEM)
    #expect(connection.clientCertificatePEM == Self.certificatePEM)
    #expect(connection.clientKeyPEM == Self.keyPEM)
    #expect(connection.bearerToken == nil)
    #expect(!connection.insecureSkipTLSVerify)
  }

  @Test("a named context, with a token and insecure-skip-tls-verify")
  func namedContext() throws {
    let connection = try KubernetesConnection(kubeconfig: Self.twoClusters, context: "staging")
    #expect(connection.endpoint == "https://staging.example:443/")
    #expect(connection.bearerToken == "s3cr3t-token")
    #expect(connection.insecureSkipTLSVerify)
    #expect(connection.certificateAuthorityPEM == nil && connection.clientCertificatePEM == nil)
  }

  @Test("a context without a user is anonymous")
  func anonymousContext() throws {
    let connection = try KubernetesConnection(kubeconfig: Self.twoClusters, context: "anonymous")
    #expect(connection.bearerToken == nil && connection.clientKeyPEM == nil)
  }

  @Test("file paths: certificate-authority, client-certificate, client-key, tokenFile")
  func filePaths() throws {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("kubeconfig-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: directory) }
    for (name, text) in [
      ("ca.crt", Self.caPEM), ("client.crt", Self.certificatePEM), ("client.key", Self.keyPEM),
      ("token", "file-token\n"),
    ] {
      try Data(text.utf8).write(to: directory.appendingPathComponent(name))
    }
    let yaml = """
      current-context: files
      clusters:
      - name: c
        cluster: {server: "https://10.0.0.1:6443", certificate-authority: \(directory.path)/ca.crt}
      users:
      - name: u
        user: {client-certificate: \(directory.path)/client.crt, client-key: \(directory.path)/client.key}
      - name: t
        user: {tokenFile: \(directory.path)/token}
      contexts:
      - {name: files, context: {cluster: c, user: u}}
      - {name: token-file, context: {cluster: c, user: t}}
      """
    let files = try KubernetesConnection(kubeconfig: yaml)
    #expect(files.certificateAuthorityPEM == Self.caPEM)
    #expect(files.clientCertificatePEM == Self.certificatePEM)
    #expect(files.clientKeyPEM == Self.keyPEM)
    #expect(try KubernetesConnection(kubeconfig: yaml, context: "token-file").bearerToken == "file-token")
  }

  @Test("a single context needs no current-context")
  func singleContext() throws {
    let yaml = """
      clusters: [{name: c, cluster: {server: "https://h:6443"}}]
      contexts: [{name: only, context: {cluster: c}}]
      """
    #expect(try KubernetesConnection(kubeconfig: yaml).endpoint == "https://h:6443")
  }

  @Test(
    "unusable kubeconfigs say what is wrong",
    arguments: [
      ("not: [valid", "invalid YAML"),
      ("- a list", "not a YAML mapping"),
      ("clusters: []\ncontexts: []", "no current-context"),
      (
        twoClusters.replacingOccurrences(of: "current-context: kind-dokaseca", with: "current-context: nope"),
        "no context named \"nope\""
      ),
      ("current-context: x\ncontexts: [{name: x, context: {cluster: gone}}]", "no cluster named \"gone\""),
      ("current-context: x\ncontexts: [{name: x, context: {}}]", "names no cluster"),
      (
        "current-context: x\nclusters: [{name: c, cluster: {}}]\ncontexts: [{name: x, context: {cluster: c}}]",
        "has no server"
      ),
      (
        "current-context: x\nclusters: [{name: c, cluster: {server: s, certificate-authority-data: '!!notbase64'}}]\ncontexts: [{name: x, context: {cluster: c}}]",
        "not valid base64"
      ),
      (
        "current-context: x\nclusters: [{name: c, cluster: {server: s, certificate-authority: /nonexistent/ca.crt}}]\ncontexts: [{name: x, context: {cluster: c}}]",
        "cannot read certificate-authority file /nonexistent/ca.crt"
      ),
      (
        "current-context: x\nclusters: [{name: c, cluster: {server: s}}]\nusers: [{name: u, user: {exec: {command: aws}}}]\ncontexts: [{name: x, context: {cluster: c, user: u}}]",
        "uses exec"
      ),
    ])
  func errors(yaml: String, expected: String) {
    do throws(KubernetesError) {
      _ = try KubernetesConnection(kubeconfig: yaml)
      Issue.record("expected an error mentioning \(expected)")
    } catch {
      guard case .invalidConfiguration(let message) = error else {
        Issue.record("expected .invalidConfiguration, got \(error)")
        return
      }
      #expect(message.contains(expected), "\(message)")
    }
  }

  @Test("descriptions of a connection never show the key or the token")
  func redaction() {
    let connection = KubernetesConnection(
      endpoint: "https://h:6443", clientCertificatePEM: Self.certificatePEM, clientKeyPEM: Self.keyPEM,
      bearerToken: "s3cr3t-token")
    for text in [String(describing: connection), String(reflecting: connection), dumped(connection)] {
      #expect(!text.contains("s3cr3t") && !text.contains("KEY"), "\(text)")
      #expect(text.contains("https://h:6443"))
    }
  }

  private func dumped(_ value: some Any) -> String {
    var text = ""
    dump(value, to: &text)
    return text
  }
}
