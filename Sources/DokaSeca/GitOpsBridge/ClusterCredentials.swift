/// How ArgoCD reaches a cluster it manages: PEM certificates and key, or a bearer token.
/// Empty for the cluster ArgoCD runs in, which it reaches through its own service account.
public struct ClusterCredentials: Sendable, Hashable {
  public var certificateAuthorityPEM: String?
  public var clientCertificatePEM: String?
  public var clientKeyPEM: String?
  public var bearerToken: String?

  public init(
    certificateAuthorityPEM: String? = nil, clientCertificatePEM: String? = nil, clientKeyPEM: String? = nil,
    bearerToken: String? = nil
  ) {
    self.certificateAuthorityPEM = certificateAuthorityPEM
    self.clientCertificatePEM = clientCertificatePEM
    self.clientKeyPEM = clientKeyPEM
    self.bearerToken = bearerToken
  }
}
