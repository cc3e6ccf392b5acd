import AsyncHTTPClient
import Foundation
import NIOCore

/// Fetches an install manifest from where `argocd.manifest_url` says: a file (`file://`, for
/// offline installs and tests) or a web server.
enum ManifestLoader {
  /// Manifests are a few MB (ArgoCD's is 1.9 MB); anything far larger is not a manifest.
  static let maximumSize = 64 * 1024 * 1024

  struct Failure: Error, CustomStringConvertible {
    var description: String
  }

  static func load(_ url: String, timeout: Duration) async throws -> String {
    if url.hasPrefix("file://") {
      let path = String(url.dropFirst("file://".count))
      guard let data = FileManager.default.contents(atPath: path) else {
        throw Failure(description: "cannot read \(path): no such file, or not readable")
      }
      return String(decoding: data, as: UTF8.self)
    }
    let request = HTTPClientRequest(url: url)
    let response: HTTPClientResponse
    do {
      response = try await HTTPClient.shared.execute(request, timeout: TimeAmount(timeout))
    } catch {
      throw Failure(description: "cannot download \(url): \(error)")
    }
    guard response.status == .ok else {
      throw Failure(description: "downloading \(url) answered \(response.status.code) \(response.status.reasonPhrase)")
    }
    let body = try await response.body.collect(upTo: maximumSize)
    return String(buffer: body)
  }
}
