import Foundation

extension KubernetesConnection {
  /// The endpoint without a trailing slash, after checking it is an http(s) URL with a host.
  func validatedBaseURL() throws(KubernetesError) -> String {
    guard let url = URL(string: endpoint), let scheme = url.scheme?.lowercased(), scheme == "https" || scheme == "http",
      let host = url.host, !host.isEmpty
    else {
      throw .invalidConfiguration("Kubernetes endpoint \"\(endpoint)\" is not an https:// URL with a host")
    }
    var base = endpoint
    while base.hasSuffix("/") { base.removeLast() }
    return base
  }
}
