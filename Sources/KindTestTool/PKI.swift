import Crypto
import Foundation
import SwiftASN1
import X509

/// The cluster's certificates, laid out as kubeadm lays out `/etc/kubernetes/pki`: a CA, the
/// API server's serving certificate, client certificates (the admin's, `kubernetes-admin` in
/// `system:masters` as in kind's kubeconfig, and the controller manager's) and the service
/// account signing key pair. P-256 keys: Kubernetes takes ECDSA everywhere kubeadm uses RSA,
/// and they cost nothing to make.
struct ClusterPKI {
  let directory: URL

  var caCertificate: URL { directory.appendingPathComponent("ca.crt") }
  var caKey: URL { directory.appendingPathComponent("ca.key") }
  var apiServerCertificate: URL { directory.appendingPathComponent("apiserver.crt") }
  var apiServerKey: URL { directory.appendingPathComponent("apiserver.key") }
  var adminCertificate: URL { directory.appendingPathComponent("admin.crt") }
  var adminKey: URL { directory.appendingPathComponent("admin.key") }
  var controllerManagerCertificate: URL { directory.appendingPathComponent("controller-manager.crt") }
  var controllerManagerKey: URL { directory.appendingPathComponent("controller-manager.key") }
  var frontProxyCACertificate: URL { directory.appendingPathComponent("front-proxy-ca.crt") }
  var frontProxyClientCertificate: URL { directory.appendingPathComponent("front-proxy-client.crt") }
  var frontProxyClientKey: URL { directory.appendingPathComponent("front-proxy-client.key") }
  var serviceAccountKey: URL { directory.appendingPathComponent("sa.key") }
  var serviceAccountPublicKey: URL { directory.appendingPathComponent("sa.pub") }

  /// Makes every certificate and key. `serverNames` and `serverAddresses` become the serving
  /// certificate's subject alternative names.
  func generate(serverNames: [String], serverAddresses: [[UInt8]], now: Date = Date()) throws {
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    let notBefore = now.addingTimeInterval(-300)
    let notAfter = now.addingTimeInterval(10 * 365 * 24 * 3600)

    func makeCA(_ commonName: String) throws -> (Certificate, P256.Signing.PrivateKey, DistinguishedName) {
      let key = P256.Signing.PrivateKey()
      let name = try DistinguishedName { CommonName(commonName) }
      let certificate = try Certificate(
        version: .v3,
        serialNumber: Certificate.SerialNumber(),
        publicKey: Certificate.PublicKey(key.publicKey),
        notValidBefore: notBefore,
        notValidAfter: notAfter,
        issuer: name,
        subject: name,
        signatureAlgorithm: .ecdsaWithSHA256,
        extensions: try Certificate.Extensions {
          Critical(BasicConstraints.isCertificateAuthority(maxPathLength: nil))
          Critical(KeyUsage(digitalSignature: true, keyEncipherment: true, keyCertSign: true))
          SubjectKeyIdentifier(hash: Certificate.PublicKey(key.publicKey))
        },
        issuerPrivateKey: Certificate.PrivateKey(key))
      return (certificate, key, name)
    }
    let (ca, caPrivateKey, caName) = try makeCA("kubernetes")
    try write(ca, to: caCertificate)
    try writeKey(caPrivateKey, to: caKey)
    // kubeadm's separate CA for the aggregation layer's request-header authentication.
    let (frontProxyCA, frontProxyKey, frontProxyName) = try makeCA("front-proxy-ca")
    try write(frontProxyCA, to: frontProxyCACertificate)

    func leaf(
      commonName: String, organizations: [String], usages: [ExtendedKeyUsage.Usage],
      dnsNames: [String] = [], addresses: [[UInt8]] = [], certificate: URL, key: URL,
      issuer: (Certificate, P256.Signing.PrivateKey, DistinguishedName)? = nil
    ) throws {
      let (issuerCertificate, issuerKey, issuerName) = issuer ?? (ca, caPrivateKey, caName)
      let privateKey = P256.Signing.PrivateKey()
      let subject = try DistinguishedName {
        for organization in organizations { OrganizationName(organization) }
        CommonName(commonName)
      }
      var names: [GeneralName] = dnsNames.map { .dnsName($0) }
      names += addresses.map { .ipAddress(ASN1OctetString(contentBytes: ArraySlice($0))) }
      let extensions = try Certificate.Extensions {
        Critical(KeyUsage(digitalSignature: true, keyEncipherment: true))
        try ExtendedKeyUsage(usages)
        Critical(BasicConstraints.notCertificateAuthority)
        AuthorityKeyIdentifier(keyIdentifier: SubjectKeyIdentifier(hash: issuerCertificate.publicKey).keyIdentifier)
        if !names.isEmpty { SubjectAlternativeNames(names) }
      }
      let issued = try Certificate(
        version: .v3,
        serialNumber: Certificate.SerialNumber(),
        publicKey: Certificate.PublicKey(privateKey.publicKey),
        notValidBefore: notBefore,
        notValidAfter: notAfter,
        issuer: issuerName,
        subject: subject,
        signatureAlgorithm: .ecdsaWithSHA256,
        extensions: extensions,
        issuerPrivateKey: Certificate.PrivateKey(issuerKey))
      try write(issued, to: certificate)
      try writeKey(privateKey, to: key)
    }

    try leaf(
      commonName: "kube-apiserver", organizations: [], usages: [.serverAuth], dnsNames: serverNames,
      addresses: serverAddresses, certificate: apiServerCertificate, key: apiServerKey)
    try leaf(
      commonName: "kubernetes-admin", organizations: ["system:masters"], usages: [.clientAuth],
      certificate: adminCertificate, key: adminKey)
    try leaf(
      commonName: "system:kube-controller-manager", organizations: [], usages: [.clientAuth],
      certificate: controllerManagerCertificate, key: controllerManagerKey)

    try leaf(
      commonName: "front-proxy-client", organizations: [], usages: [.clientAuth],
      certificate: frontProxyClientCertificate, key: frontProxyClientKey,
      issuer: (frontProxyCA, frontProxyKey, frontProxyName))

    let serviceAccount = P256.Signing.PrivateKey()
    try writeKey(serviceAccount, to: serviceAccountKey)
    try writeSecret(serviceAccount.publicKey.pemRepresentation + "\n", to: serviceAccountPublicKey)
  }

  private func write(_ certificate: Certificate, to url: URL) throws {
    try writeSecret(try certificate.serializeAsPEM().pemString + "\n", to: url, mode: 0o644)
  }

  private func writeKey(_ key: P256.Signing.PrivateKey, to url: URL) throws {
    try writeSecret(key.pemRepresentation + "\n", to: url)
  }

  private func writeSecret(_ text: String, to url: URL, mode: Int = 0o600) throws {
    guard
      FileManager.default.createFile(atPath: url.path, contents: Data(text.utf8), attributes: [.posixPermissions: mode])
    else { throw KindError("failed to write \(url.path)") }
  }
}

extension SubjectKeyIdentifier {
  /// RFC 5280 method 1: SHA-1 of the subject public key bits.
  init(hash publicKey: Certificate.PublicKey) {
    let digest = Insecure.SHA1.hash(data: Array(publicKey.subjectPublicKeyInfoBytes))
    self.init(keyIdentifier: ArraySlice(digest))
  }
}
