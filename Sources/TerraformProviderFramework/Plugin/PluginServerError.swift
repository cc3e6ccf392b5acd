/// Why the plugin could not start serving.
enum PluginServerError: Error, CustomStringConvertible {
  case noFreePort(ClosedRange<Int>, String)
  case invalidClientCertificate(String)
  case noListeningAddress

  var description: String {
    switch self {
    case .noFreePort(let ports, let reason):
      "no free TCP port on 127.0.0.1 in \(ports.lowerBound)-\(ports.upperBound) (PLUGIN_MIN_PORT/PLUGIN_MAX_PORT): \(reason)"
    case .invalidClientCertificate(let reason):
      "PLUGIN_CLIENT_CERT does not hold a usable PEM certificate: \(reason)"
    case .noListeningAddress:
      "the gRPC server stopped before it was listening"
    }
  }
}
