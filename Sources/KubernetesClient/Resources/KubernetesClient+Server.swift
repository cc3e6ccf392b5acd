extension KubernetesClient {
  /// Succeeds when the server answers `GET /readyz` with 200: it has finished starting and can
  /// serve every request.
  public func readyz() async throws(KubernetesError) {
    let response = try await send(KubernetesRequest(.GET, "/readyz"))
    guard response.status == 200 else {
      // /readyz answers in plain text, listing the checks that fail.
      let text = String(decoding: response.body.prefix(2048), as: UTF8.self)
      throw .status(code: response.status, reason: response.reasonPhrase, message: text)
    }
  }

  /// The server's `gitVersion`, `v1.20.2`.
  public func serverVersion() async throws(KubernetesError) -> String {
    let response = try await send(KubernetesRequest(.GET, "/version"))
    guard response.isSuccess else { throw KubernetesError(response: response) }
    guard let version = try response.json()["gitVersion"].stringValue else {
      throw .status(code: response.status, reason: "InvalidResponse", message: "/version has no gitVersion")
    }
    return version
  }
}
