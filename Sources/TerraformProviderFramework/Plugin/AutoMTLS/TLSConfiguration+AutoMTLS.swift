import NIOSSL

extension TLSConfiguration {
  /// The server side of go-plugin's AutoMTLS: our identity, TLS ≥ 1.2, ALPN `h2`, and a client
  /// certificate that is required and must be Terraform's own.
  static func autoMTLS(identity: ServerIdentity, clientCertificates: [NIOSSLCertificate]) -> TLSConfiguration {
    var configuration = TLSConfiguration.makeServerConfiguration(
      certificateChain: [.certificate(identity.certificate)],
      privateKey: .privateKey(identity.privateKey))
    configuration.minimumTLSVersion = .tlsv12
    // grpc-go ≥ 1.67 (Terraform ≥ 1.12, OpenTofu ≥ 1.11) refuses a TLS connection without ALPN.
    configuration.applicationProtocols = ["h2"]
    // Only the certificate Terraform gave us in PLUGIN_CLIENT_CERT is trusted, and a peer that
    // presents none is refused. The hostname is meaningless on a local socket.
    configuration.trustRoots = .certificates(clientCertificates)
    configuration.certificateVerification = .noHostnameVerification
    // Terraform's client key is P-521, signed with SHA-512, which BoringSSL's default verify
    // list leaves out: without it Go finds no usable signature scheme and sends no certificate.
    configuration.verifySignatureAlgorithms = [
      .ecdsaSecp256R1Sha256, .ecdsaSecp384R1Sha384, .ecdsaSecp521R1Sha512,
      .rsaPssRsaeSha256, .rsaPssRsaeSha384, .rsaPssRsaeSha512,
      .rsaPkcs1Sha256, .rsaPkcs1Sha384, .rsaPkcs1Sha512, .ed25519,
    ]
    return configuration
  }
}
