extension KubernetesError {
  /// The error a failed answer stands for, read from the `Status` object the API server sends
  /// with every failure (or from the HTTP status line when the body is something else, as from
  /// a proxy in front of the server).
  init(response: KubernetesResponse) {
    guard let status = try? JSON(parsing: response.body), status["kind"].stringValue == "Status" else {
      let text = String(decoding: response.body.prefix(512), as: UTF8.self)
      self = .status(code: response.status, reason: response.reasonPhrase, message: text)
      return
    }
    let code = status["code"].intValue ?? response.status
    let reason = status["reason"].stringValue ?? response.reasonPhrase
    let message = status["message"].stringValue ?? ""
    let causes = status["details"]["causes"].arrayValue ?? []
    // A cause's kind is `type` in Go but `reason` on the wire.
    if code == 409, causes.contains(where: { $0["reason"].stringValue == "FieldManagerConflict" }) {
      self = .conflict(managers: Self.conflictingManagers(causes), message: message)
    } else {
      self = .status(code: code, reason: reason, message: message)
    }
  }

  /// The managers named in causes such as `conflict with "kubectl" using apps/v1`, each once,
  /// in the server's order.
  private static func conflictingManagers(_ causes: [JSON]) -> [String] {
    var managers: [String] = []
    for cause in causes where cause["reason"].stringValue == "FieldManagerConflict" {
      guard let message = cause["message"].stringValue,
        let opening = message.firstIndex(of: "\"")
      else { continue }
      let rest = message[message.index(after: opening)...]
      guard let closing = rest.firstIndex(of: "\"") else { continue }
      let manager = String(rest[..<closing])
      if !managers.contains(manager) { managers.append(manager) }
    }
    return managers
  }
}
