/// The one line a plugin writes to stdout so go-plugin can connect:
/// `CORE|APP|NETWORK|ADDRESS|grpc|CERT`.
public struct Handshake: Sendable, Hashable {
  public enum Network: String, Sendable {
    case unix
    case tcp
  }

  public var network: Network
  /// A socket path, or `127.0.0.1:PORT`.
  public var address: String
  /// The server certificate in DER, when serving TLS.
  public var certificateDER: [UInt8]?

  public init(network: Network, address: String, certificateDER: [UInt8]?) {
    self.network = network
    self.address = address
    self.certificateDER = certificateDER
  }

  /// The line, newline included. go-plugin decodes the certificate with Go's `RawStdEncoding`,
  /// so the base64 has no padding; and it splits on `|` into at most six fields, so nothing
  /// may follow the certificate.
  public var line: String {
    let certificate = certificateDER.map { Base64.encodeWithoutPadding($0) } ?? ""
    return "1|\(PluginEnvironment.protocolVersion)|\(network.rawValue)|\(address)|grpc|\(certificate)\n"
  }
}
