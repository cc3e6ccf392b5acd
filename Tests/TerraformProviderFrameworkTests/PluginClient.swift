import Crypto
import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import SwiftASN1
import TerraformPluginProtocol
import X509

/// A gRPC client for the plugin as go-plugin connects to it, for transport tests.
enum PluginClient {
  /// A client identity like Terraform's: a self-signed ECDSA P-521 certificate signed with
  /// SHA-512, CN and SAN localhost, for client and server auth.
  struct Identity {
    let certificatePEM: String
    let certificateDER: [UInt8]
    let privateKeyPEM: String

    static func terraformLike() throws -> Identity {
      let key = P521.Signing.PrivateKey()
      let name = try DistinguishedName {
        OrganizationName("HashiCorp")
        CommonName("localhost")
      }
      let now = Date()
      let certificate = try Certificate(
        version: .v3, serialNumber: Certificate.SerialNumber(), publicKey: Certificate.PublicKey(key.publicKey),
        notValidBefore: now.addingTimeInterval(-30), notValidAfter: now.addingTimeInterval(3600),
        issuer: name, subject: name, signatureAlgorithm: .ecdsaWithSHA512,
        extensions: try Certificate.Extensions {
          Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
          Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyAgreement: true, keyCertSign: true))
          try ExtendedKeyUsage([.clientAuth, .serverAuth])
          SubjectAlternativeNames([.dnsName("localhost")])
        },
        issuerPrivateKey: Certificate.PrivateKey(key))
      var serializer = DER.Serializer()
      try serializer.serialize(certificate)
      return Identity(
        certificatePEM: try certificate.serializeAsPEM().pemString,
        certificateDER: serializer.serializedBytes,
        privateKeyPEM: key.pemRepresentation)
    }
  }

  /// Calls the health service over the plugin's unix socket; throws when the connection or
  /// the call fails.
  static func checkHealth(socketPath: String, security: HTTP2ClientTransport.Posix.TransportSecurity) async throws
    -> Grpc_Health_V1_HealthCheckResponse.ServingStatus
  {
    try await withGRPCClient(
      transport: .http2NIOPosix(target: .unixDomainSocket(path: socketPath), transportSecurity: security)
    ) { client in
      var options = CallOptions.defaults
      options.timeout = .seconds(5)
      options.waitForReady = false
      var request = Grpc_Health_V1_HealthCheckRequest()
      request.service = "plugin"
      return try await Grpc_Health_V1_Health.Client(wrapping: client).check(request, options: options).status
    }
  }

  /// Calls go-plugin's Shutdown, as Terraform does when it is done with a plugin.
  static func shutdown(socketPath: String, security: HTTP2ClientTransport.Posix.TransportSecurity = .plaintext)
    async throws
  {
    try await withGRPCClient(
      transport: .http2NIOPosix(target: .unixDomainSocket(path: socketPath), transportSecurity: security)
    ) { client in
      _ = try await Plugin_GRPCController.Client(wrapping: client).shutdown(Plugin_Empty())
    }
  }

  /// Mutual TLS as go-plugin's client sets it up: its own certificate, and the plugin's
  /// certificate from the handshake as the only trusted root.
  static func mutualTLS(identity: Identity?, serverCertificateDER: [UInt8])
    -> HTTP2ClientTransport.Posix.TransportSecurity
  {
    .tls(
      HTTP2ClientTransport.Posix.TransportSecurity.TLS(
        certificateChain: identity.map { [.bytes(Array($0.certificatePEM.utf8), format: .pem)] } ?? [],
        privateKey: identity.map { .bytes(Array($0.privateKeyPEM.utf8), format: .pem) },
        serverCertificateVerification: .noHostnameVerification,
        trustRoots: .certificates([.bytes(serverCertificateDER, format: .der)])))
  }
}
