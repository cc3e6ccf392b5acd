import Foundation
import Logging

@testable import KubernetesClient

/// A real API server on loopback for the live tests: etcd and kube-apiserver 1.20.2 started
/// from the installed binaries, with fresh certificates, in a temporary folder that goes away
/// with them. No controller manager and no kubelet: tests that need a controller's or a
/// kubelet's work write it themselves (see `updateStatus`).
///
/// One is started per run of the live suite (about four seconds, ~760 MiB) and shared by its
/// tests, which run one at a time.
final class LocalControlPlane: Sendable {
  /// The control plane of the live suite now running.
  @TaskLocal static var current: LocalControlPlane?

  /// A bearer token the server accepts, for `system:masters`.
  static let token = "dokaseca-test-token-5c1b0e"

  let directory: URL
  let pki: TestPKI
  let endpoint: String
  let connection: KubernetesConnection
  private let processes: [ChildProcess]

  private init(
    directory: URL, pki: TestPKI, endpoint: String, connection: KubernetesConnection, processes: [ChildProcess]
  ) {
    self.directory = directory
    self.pki = pki
    self.endpoint = endpoint
    self.connection = connection
    self.processes = processes
  }

  static func start(_ binaries: KubeBinaries) async throws -> LocalControlPlane {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kube-client-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let pki = try TestPKI.generate(in: directory)
    let tokens = directory.appendingPathComponent("tokens.csv")
    try Data("\(token),dokaseca-token-user,1000,\"system:masters\"\n".utf8).write(to: tokens)
    let etcdClientPort = try await freeLoopbackPort()
    let etcdPeerPort = try await freeLoopbackPort()
    let apiServerPort = try await freeLoopbackPort()

    let etcd = try ChildProcess(
      name: "etcd", executable: binaries.etcd,
      arguments: [
        "--name=test", "--data-dir=\(directory.appendingPathComponent("etcd").path)",
        "--listen-client-urls=http://127.0.0.1:\(etcdClientPort)",
        "--advertise-client-urls=http://127.0.0.1:\(etcdClientPort)",
        "--listen-peer-urls=http://127.0.0.1:\(etcdPeerPort)",
        "--initial-advertise-peer-urls=http://127.0.0.1:\(etcdPeerPort)",
        "--initial-cluster=test=http://127.0.0.1:\(etcdPeerPort)", "--initial-cluster-state=new",
      ],
      logFile: directory.appendingPathComponent("etcd.log"))
    let apiServer = try ChildProcess(
      name: "kube-apiserver", executable: binaries.apiServer,
      arguments: [
        "--etcd-servers=http://127.0.0.1:\(etcdClientPort)",
        "--bind-address=127.0.0.1", "--advertise-address=127.0.0.1",
        "--secure-port=\(apiServerPort)", "--insecure-port=0",
        "--cert-dir=\(directory.appendingPathComponent("apiserver").path)",
        "--tls-cert-file=\(pki.serverCertificate.path)", "--tls-private-key-file=\(pki.serverKey.path)",
        "--client-ca-file=\(pki.caCertificate.path)", "--token-auth-file=\(tokens.path)",
        "--authorization-mode=RBAC",
        "--service-account-issuer=https://kubernetes.default.svc",
        "--service-account-key-file=\(pki.serviceAccountPublicKey.path)",
        "--service-account-signing-key-file=\(pki.serviceAccountKey.path)",
        "--api-audiences=https://kubernetes.default.svc",
        "--service-cluster-ip-range=10.96.0.0/16",
        // The `kubernetes` Service's endpoint would be a loopback address, which Endpoints reject.
        "--endpoint-reconciler-type=none",
        "--profiling=false",
      ],
      logFile: directory.appendingPathComponent("kube-apiserver.log"))

    let endpoint = "https://127.0.0.1:\(apiServerPort)"
    let connection = KubernetesConnection(
      endpoint: endpoint, certificateAuthorityPEM: try pki.pem(pki.caCertificate),
      clientCertificatePEM: try pki.pem(pki.clientCertificate), clientKeyPEM: try pki.pem(pki.clientKey))
    let plane = LocalControlPlane(
      directory: directory, pki: pki, endpoint: endpoint, connection: connection, processes: [apiServer, etcd])
    do {
      try await plane.waitUntilReady()
    } catch {
      await plane.stop()
      throw error
    }
    return plane
  }

  /// Polls with the client under test until the server is ready (about four seconds): /readyz,
  /// then the `default` namespace, which the server's bootstrap controller creates only after
  /// /readyz first passes (tests apply into it at once).
  private func waitUntilReady() async throws {
    // One attempt per poll: this loop is the retry.
    try await withClient(connection, retryPolicy: RetryPolicy(maximumAttempts: 1)) { client in
      let deadline = ContinuousClock.now + .seconds(120)
      while ContinuousClock.now < deadline {
        for process in processes where !process.isRunning {
          throw TestSupportError("\(process.name) exited while starting:\n\(process.logTail())")
        }
        if (try? await client.readyz()) != nil, (try? await client.get(Self.defaultNamespace)) != nil { return }
        try await Task.sleep(for: .milliseconds(200))
      }
      throw TestSupportError("kube-apiserver not ready within 120 s:\n\(processes[0].logTail())")
    }
  }

  private static let defaultNamespace = ObjectReference(apiVersion: "v1", kind: "Namespace", name: "default")

  /// Stops the servers (the API server first, so it does not complain about etcd) and removes
  /// the folder.
  func stop() async {
    for process in processes { await process.stop() }
    try? FileManager.default.removeItem(at: directory)
  }
}
