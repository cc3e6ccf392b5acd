/// How to reach an API server: where it is, how to trust it, and how to prove who we are.
///
/// Printing a connection never shows its key or token (see `description`).
public struct KubernetesConnection: Sendable, Hashable {
  /// The server's base URL, `https://127.0.0.1:6443`; a path prefix (a proxy's) is kept.
  public var endpoint: String
  /// The CA bundle that signed the server's certificate; `nil` trusts the system roots.
  public var certificateAuthorityPEM: String?
  /// The client certificate (chain), for mutual TLS.
  public var clientCertificatePEM: String?
  /// The client certificate's private key.
  public var clientKeyPEM: String?
  /// Sent as `Authorization: Bearer …`.
  public var bearerToken: String?
  /// Accept any server certificate. Only for throwaway clusters: callers should warn.
  public var insecureSkipTLSVerify: Bool

  /// A connection from its parts; see the properties. TLS verification stays on unless
  /// `insecureSkipTLSVerify` says otherwise.
  public init(
    endpoint: String,
    certificateAuthorityPEM: String? = nil,
    clientCertificatePEM: String? = nil,
    clientKeyPEM: String? = nil,
    bearerToken: String? = nil,
    insecureSkipTLSVerify: Bool = false
  ) {
    self.endpoint = endpoint
    self.certificateAuthorityPEM = certificateAuthorityPEM
    self.clientCertificatePEM = clientCertificatePEM
    self.clientKeyPEM = clientKeyPEM
    self.bearerToken = bearerToken
    self.insecureSkipTLSVerify = insecureSkipTLSVerify
  }
}

extension KubernetesConnection: CustomStringConvertible, CustomDebugStringConvertible {
  /// The endpoint and which credentials are present, never their values: connections end up
  /// in logs and error messages.
  public var description: String {
    var parts = [endpoint]
    if certificateAuthorityPEM != nil { parts.append("custom CA") }
    if clientCertificatePEM != nil { parts.append("client certificate") }
    if bearerToken != nil { parts.append("bearer token") }
    if insecureSkipTLSVerify { parts.append("TLS verification OFF") }
    return "KubernetesConnection(\(parts.joined(separator: ", ")))"
  }

  public var debugDescription: String { description }
}

extension KubernetesConnection: CustomReflectable {
  /// What `dump` and test failure messages show: the same redacted view as `description`.
  public var customMirror: Mirror {
    Mirror(
      self,
      children: [
        "endpoint": endpoint, "certificateAuthorityPEM": certificateAuthorityPEM != nil,
        "clientCertificatePEM": clientCertificatePEM != nil, "clientKeyPEM": clientKeyPEM != nil ? "<redacted>" : "nil",
        "bearerToken": bearerToken != nil ? "<redacted>" : "nil", "insecureSkipTLSVerify": insecureSkipTLSVerify,
      ])
  }
}
