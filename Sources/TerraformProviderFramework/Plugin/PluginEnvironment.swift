/// What Terraform (through go-plugin) tells a plugin in its environment when it starts it.
public struct PluginEnvironment: Sendable {
  /// go-plugin's handshake cookie for Terraform providers; a process started without it was not
  /// started by Terraform or OpenTofu.
  public static let magicCookieKey = "TF_PLUGIN_MAGIC_COOKIE"
  public static let magicCookieValue = "d602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2"
  /// The only protocol this plugin speaks.
  public static let protocolVersion = 6

  public var magicCookie: String?
  /// `PLUGIN_PROTOCOL_VERSIONS`, e.g. `5,6`; `nil` when absent.
  public var offeredProtocolVersions: String?
  /// The PEM of Terraform's client certificate, when it asks for AutoMTLS.
  public var clientCertificatePEM: String?
  public var unixSocketDirectory: String?
  public var minPort: Int
  public var maxPort: Int

  public init(_ environment: [String: String]) {
    magicCookie = environment[Self.magicCookieKey]
    offeredProtocolVersions = environment["PLUGIN_PROTOCOL_VERSIONS"]
    clientCertificatePEM = environment["PLUGIN_CLIENT_CERT"].flatMap { $0.isEmpty ? nil : $0 }
    unixSocketDirectory = environment["PLUGIN_UNIX_SOCKET_DIR"].flatMap { $0.isEmpty ? nil : $0 }
    // go-plugin's defaults when the client sets no range.
    minPort = environment["PLUGIN_MIN_PORT"].flatMap { Int($0) } ?? 10000
    maxPort = environment["PLUGIN_MAX_PORT"].flatMap { Int($0) } ?? 25000
  }

  /// Why this process cannot serve, as a sentence for the person who ran it; `nil` when it can.
  public func startupProblem() -> String? {
    guard magicCookie == Self.magicCookieValue else {
      return """
        This binary is a plugin for Terraform and OpenTofu. It is not meant to be run directly.
        Install it in a provider mirror and run `terraform init` (or `tofu init`) in a
        configuration that requires the provider; Terraform starts it as needed.
        (Developers: run it with --debug to attach Terraform with TF_REATTACH_PROVIDERS.)
        """
    }
    if let offered = offeredProtocolVersions {
      let versions = offered.split(separator: ",").compactMap { Int($0.trimmingSpaces) }
      if !versions.contains(Self.protocolVersion) {
        return """
          This provider speaks plugin protocol version \(Self.protocolVersion), but the client offered \
          \(offered.isEmpty ? "none" : offered). Use Terraform 1.0 or newer, or OpenTofu.
          """
      }
    }
    return nil
  }
}

extension Substring {
  var trimmingSpaces: Substring {
    var result = self
    while result.first == " " { result.removeFirst() }
    while result.last == " " { result.removeLast() }
    return result
  }
}
