import Foundation
import Testing

@testable import KubernetesClient

extension LiveAPIServerTests {
  @Suite("TLS and authentication")
  struct Authentication {
    @Test("a server certificate from another CA fails TLS at once, without retries")
    func wrongCertificateAuthority() async throws {
      let plane = try controlPlane()
      var connection = plane.connection
      connection.certificateAuthorityPEM = try plane.pki.pem(plane.pki.otherCACertificate)
      try await withClient(connection) { client in
        do throws(KubernetesError) {
          try await client.readyz()
          Issue.record("expected a TLS failure")
        } catch {
          guard case .unreachable(let endpoint, let reason) = error else {
            Issue.record("expected .unreachable, got \(error)")
            return
          }
          #expect(endpoint == plane.endpoint)
          #expect(reason.contains("TLS"), "\(reason)")
        }
        #expect(client.requestCount == 1)
      }
    }

    @Test("insecureSkipTLSVerify accepts the unknown certificate")
    func insecure() async throws {
      let plane = try controlPlane()
      var connection = plane.connection
      connection.certificateAuthorityPEM = nil
      connection.insecureSkipTLSVerify = true
      try await withClient(connection) { client in
        let version = try await client.serverVersion()
        #expect(version.hasPrefix("v1.20"))
      }
    }

    @Test("a bearer token authenticates; no credentials at all is forbidden")
    func tokens() async throws {
      let plane = try controlPlane()
      let anonymous = KubernetesConnection(
        endpoint: plane.endpoint, certificateAuthorityPEM: plane.connection.certificateAuthorityPEM)
      var withToken = anonymous
      withToken.bearerToken = LocalControlPlane.token
      try await withClient(withToken) { client in
        _ = try await client.list(apiVersion: "v1", kind: "ConfigMap", namespace: "kube-system")
      }
      try await withClient(anonymous) { client in
        do throws(KubernetesError) {
          _ = try await client.list(apiVersion: "v1", kind: "ConfigMap", namespace: "kube-system")
          Issue.record("expected 403")
        } catch {
          guard case .status(403, _, _) = error else {
            Issue.record("expected a 403 status, got \(error)")
            return
          }
        }
      }
    }

    @Test("a kubeconfig with inline data connects")
    func kubeconfig() async throws {
      let plane = try controlPlane()
      func base64(_ file: URL) throws -> String { try Data(contentsOf: file).base64EncodedString() }
      let yaml = """
        apiVersion: v1
        kind: Config
        current-context: test
        clusters:
        - name: test
          cluster:
            server: \(plane.endpoint)
            certificate-authority-data: \(try base64(plane.pki.caCertificate))
        users:
        - name: admin
          user:
            client-certificate-data: \(try base64(plane.pki.clientCertificate))
            client-key-data: \(try base64(plane.pki.clientKey))
        contexts:
        - name: test
          context: {cluster: test, user: admin}
        """
      try await withClient(try KubernetesConnection(kubeconfig: yaml)) { client in
        let version = try await client.serverVersion()
        #expect(version == "v1.20.2")
      }
    }
  }
}
