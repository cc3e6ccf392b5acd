import Crypto
import Foundation
import NIOSSL
import SwiftASN1
import X509

/// The plugin's TLS identity for go-plugin's AutoMTLS: a fresh key and self-signed certificate
/// on every start, shaped as go-plugin's own (`mtls.go`): CN and SAN `localhost`, a CA that
/// may sign, server and client auth, valid from 30 s ago. Terraform trusts it because the
/// handshake line carries it.
struct ServerIdentity: Sendable {
  let certificate: NIOSSLCertificate
  let privateKey: NIOSSLPrivateKey
  /// The certificate in DER, for the handshake line.
  let certificateDER: [UInt8]

  /// P-256: Terraform accepts any ECDSA curve, and P-256 keys are the cheapest to make on a
  /// start-up path that Terraform runs three or four times per command.
  static func generate(now: Date = Date()) throws -> ServerIdentity {
    let key = P256.Signing.PrivateKey()
    let name = try DistinguishedName {
      OrganizationName("DoKa Seca")
      CommonName("localhost")
    }
    var serial = [UInt8](repeating: 0, count: 16)
    var generator = SystemRandomNumberGenerator()
    for index in serial.indices { serial[index] = generator.next() }
    let certificate = try Certificate(
      version: .v3,
      serialNumber: Certificate.SerialNumber(bytes: serial),
      publicKey: Certificate.PublicKey(key.publicKey),
      notValidBefore: now.addingTimeInterval(-30),
      // go-plugin's client lives as long as one Terraform command; a day is ample.
      notValidAfter: now.addingTimeInterval(24 * 3600),
      issuer: name,
      subject: name,
      signatureAlgorithm: .ecdsaWithSHA256,
      extensions: try Certificate.Extensions {
        Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyAgreement: true, keyCertSign: true))
        try ExtendedKeyUsage([.serverAuth, .clientAuth])
        SubjectAlternativeNames([.dnsName("localhost")])
      },
      issuerPrivateKey: Certificate.PrivateKey(key))
    var serializer = DER.Serializer()
    try serializer.serialize(certificate)
    let der = serializer.serializedBytes
    return ServerIdentity(
      certificate: try NIOSSLCertificate(bytes: der, format: .der),
      privateKey: try NIOSSLPrivateKey(bytes: Array(key.derRepresentation), format: .der),
      certificateDER: der)
  }
}
