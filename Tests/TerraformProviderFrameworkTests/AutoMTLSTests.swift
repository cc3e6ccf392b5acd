import Foundation
import ProviderTesting
import SwiftASN1
import Testing
import X509

/// go-plugin's AutoMTLS against the real binary: only the client certificate Terraform passed
/// in PLUGIN_CLIENT_CERT gets in, and Terraform's P-521 certificate is accepted.
@Suite struct AutoMTLSTests {
  @Test func acceptsTerraformsCertificateAndRefusesAnyOther() async throws {
    let terraform = try PluginClient.Identity.terraformLike()
    let stranger = try PluginClient.Identity.terraformLike()
    let plugin = try PluginProcess(environment: ["PLUGIN_CLIENT_CERT": terraform.certificatePEM])
    defer { plugin.kill() }
    let handshake = try plugin.readHandshake()
    #expect(!handshake.certificateBase64.hasSuffix("="), "go-plugin decodes the certificate without padding")
    let serverCertificate = try #require(Self.decodeUnpaddedBase64(handshake.certificateBase64))

    let status = try await PluginClient.checkHealth(
      socketPath: handshake.address,
      security: PluginClient.mutualTLS(identity: terraform, serverCertificateDER: serverCertificate))
    #expect(status == .serving)

    await #expect(throws: (any Error).self, "a client without a certificate must be refused") {
      try await PluginClient.checkHealth(
        socketPath: handshake.address,
        security: PluginClient.mutualTLS(identity: nil, serverCertificateDER: serverCertificate))
    }
    await #expect(throws: (any Error).self, "a client with another certificate must be refused") {
      try await PluginClient.checkHealth(
        socketPath: handshake.address,
        security: PluginClient.mutualTLS(identity: stranger, serverCertificateDER: serverCertificate))
    }
    await #expect(throws: (any Error).self, "plaintext must be refused when TLS is on") {
      try await PluginClient.checkHealth(socketPath: handshake.address, security: .plaintext)
    }
  }

  @Test func serverCertificateIsShapedLikeGoPlugins() throws {
    let terraform = try PluginClient.Identity.terraformLike()
    let plugin = try PluginProcess(environment: ["PLUGIN_CLIENT_CERT": terraform.certificatePEM])
    defer { plugin.kill() }
    let der = try #require(Self.decodeUnpaddedBase64(try plugin.readHandshake().certificateBase64))
    let certificate = try Certificate(derEncoded: der)
    #expect(try certificate.extensions.subjectAlternativeNames?.contains(.dnsName("localhost")) == true)
    #expect(try certificate.extensions.basicConstraints == .isCertificateAuthority(maxPathLength: nil))
    let usage = try #require(try certificate.extensions.extendedKeyUsage)
    #expect(usage.contains(.serverAuth) && usage.contains(.clientAuth))
    let keyUsage = try #require(try certificate.extensions.keyUsage)
    #expect(keyUsage.digitalSignature && keyUsage.keyEncipherment && keyUsage.keyAgreement && keyUsage.keyCertSign)
    #expect(certificate.notValidBefore < Date().addingTimeInterval(-20))
    #expect(certificate.subject.description.contains("CN=localhost"))
  }

  static func decodeUnpaddedBase64(_ text: String) -> [UInt8]? {
    let padded = text + String(repeating: "=", count: (4 - text.count % 4) % 4)
    return Data(base64Encoded: padded).map(Array.init)
  }
}
