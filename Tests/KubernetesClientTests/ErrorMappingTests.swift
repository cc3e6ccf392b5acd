import Testing

@testable import KubernetesClient

@Suite("Errors from API server answers")
struct ErrorMappingTests {
  static func response(_ status: Int, _ body: String) -> KubernetesResponse {
    KubernetesResponse(status: status, reasonPhrase: "Reason", body: Array(body.utf8), retryAfter: nil, attempts: 1)
  }

  @Test("a field manager conflict names the managers, once each")
  func conflict() {
    let body = """
      {"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Conflict","code":409,
       "message":"Apply failed with 2 conflicts: conflict with \\"kubectl\\" using v1: .data.a",
       "details":{"causes":[
         {"reason":"FieldManagerConflict","message":"conflict with \\"kubectl\\" using v1","field":".data.a"},
         {"reason":"FieldManagerConflict","message":"conflict with \\"helm\\"","field":".data.b"},
         {"reason":"FieldManagerConflict","message":"conflict with \\"kubectl\\" using v1","field":".data.c"}]}}
      """
    let error = KubernetesError(response: Self.response(409, body))
    guard case .conflict(let managers, let message) = error else {
      Issue.record("expected a conflict, got \(error)")
      return
    }
    #expect(managers == ["kubectl", "helm"])
    #expect(message.hasPrefix("Apply failed with 2 conflicts"))
  }

  @Test("other failures keep code, reason and message")
  func status() {
    let body =
      #"{"kind":"Status","status":"Failure","reason":"Invalid","code":422,"message":"spec.replicas: Invalid value"}"#
    #expect(
      KubernetesError(response: Self.response(422, body))
        == .status(code: 422, reason: "Invalid", message: "spec.replicas: Invalid value"))
    #expect(
      KubernetesError(
        response: Self.response(409, #"{"kind":"Status","reason":"AlreadyExists","code":409,"message":"exists"}"#))
        == .status(code: 409, reason: "AlreadyExists", message: "exists"))
  }

  @Test("an answer that is not a Status keeps the HTTP reason and the start of the body")
  func notAStatus() {
    #expect(
      KubernetesError(response: Self.response(502, "<html>bad gateway</html>"))
        == .status(code: 502, reason: "Reason", message: "<html>bad gateway</html>"))
  }
}
