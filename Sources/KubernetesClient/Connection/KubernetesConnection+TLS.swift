import NIOSSL

extension KubernetesConnection {
  /// TLS as the connection asks: the server verified against its CA (or the system roots)
  /// unless `insecureSkipTLSVerify`, and the client certificate presented when there is one.
  func tlsConfiguration() throws(KubernetesError) -> TLSConfiguration {
    var tls = TLSConfiguration.makeClientConfiguration()
    if insecureSkipTLSVerify {
      tls.certificateVerification = .none
    } else if let certificateAuthorityPEM {
      tls.trustRoots = .certificates(try Self.certificates(certificateAuthorityPEM, what: "certificate authority"))
    }
    switch (clientCertificatePEM, clientKeyPEM) {
    case (nil, nil):
      break
    case (let certificatePEM?, let keyPEM?):
      tls.certificateChain = try Self.certificates(certificatePEM, what: "client certificate").map { .certificate($0) }
      do {
        tls.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: Array(keyPEM.utf8), format: .pem))
      } catch {
        // The key's text must not reach the message.
        throw .invalidConfiguration("the client key is not a PEM private key")
      }
    default:
      throw .invalidConfiguration("a client certificate needs its key, and a key its certificate")
    }
    return tls
  }

  private static func certificates(_ pem: String, what: String) throws(KubernetesError) -> [NIOSSLCertificate] {
    let certificates: [NIOSSLCertificate]
    do {
      certificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
    } catch {
      throw .invalidConfiguration("the \(what) is not PEM: \(error)")
    }
    guard !certificates.isEmpty else { throw .invalidConfiguration("the \(what) holds no PEM certificate") }
    return certificates
  }
}
