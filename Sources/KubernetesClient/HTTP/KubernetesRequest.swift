import NIOHTTP1

/// One call to the API server, before it is sent (and, if need be, sent again).
struct KubernetesRequest: Sendable {
  var method: HTTPMethod
  /// The path below the endpoint, `/apis/apps/v1/namespaces/argocd/deployments/argocd-server`.
  var path: String
  var query: [(name: String, value: String)] = []
  var body: [UInt8]?
  var contentType: String?

  init(
    _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], body: [UInt8]? = nil,
    contentType: String? = nil
  ) {
    self.method = method
    self.path = path
    self.query = query
    self.body = body
    self.contentType = contentType
  }

  /// A JSON body sent as `contentType` (apply, merge and plain JSON all carry JSON text).
  init(
    _ method: HTTPMethod, _ path: String, query: [(name: String, value: String)] = [], json: JSON,
    contentType: String = "application/json"
  ) {
    self.init(method, path, query: query, body: json.jsonBytes, contentType: contentType)
  }

  var pathAndQuery: String {
    guard !query.isEmpty else { return path }
    return path + "?" + query.map { "\($0.name)=\(PercentEncoding.escaped($0.value))" }.joined(separator: "&")
  }
}
