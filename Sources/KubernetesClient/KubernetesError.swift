/// Everything that can go wrong talking to an API server, in terms a caller can act on.
///
/// Descriptions never contain credentials: no PEM, no token, no Secret data.
public enum KubernetesError: Error, Sendable, Hashable, CustomStringConvertible {
  /// No answer from the server: connection refused, TLS failure, timeout. Sent again with
  /// backoff before this is thrown.
  case unreachable(endpoint: String, reason: String)
  /// The server answered with a failure `Status` (or a non-2xx response without one).
  case status(code: Int, reason: String, message: String)
  /// The object does not exist.
  case notFound(ObjectReference?)
  /// Server-side apply refused to take over fields that other field managers own (409);
  /// `managers` names them. Applying with `force: true` takes ownership.
  case conflict(managers: [String], message: String)
  /// Discovery found no such kind: a typo, or a CRD that is not installed (yet).
  case unknownKind(apiVersion: String, kind: String)
  /// A kubeconfig, PEM block, endpoint or YAML document that cannot be used.
  case invalidConfiguration(String)
  /// A wait ran out of time; `lastState` says how far it got.
  case timedOut(waitingFor: String, lastState: String)
  /// The calling task was cancelled (Terraform's StopProvider, for one).
  case cancelled

  public var description: String {
    switch self {
    case .unreachable(let endpoint, let reason):
      return "cannot reach the Kubernetes API server at \(endpoint): \(reason)"
    case .status(let code, let reason, let message):
      return "the Kubernetes API server answered \(code) \(reason): \(message)"
    case .notFound(let reference):
      return reference.map { "\($0) not found" } ?? "not found"
    case .conflict(let managers, let message):
      let owners = managers.isEmpty ? "another field manager" : managers.map { "\"\($0)\"" }.joined(separator: ", ")
      return
        "server-side apply conflict: fields are owned by \(owners) (\(message)); apply with force to take them over"
    case .unknownKind(let apiVersion, let kind):
      return "the API server has no kind \(kind) in \(apiVersion) (is its CustomResourceDefinition installed?)"
    case .invalidConfiguration(let message):
      return message
    case .timedOut(let waitingFor, let lastState):
      return "timed out waiting for \(waitingFor); last state: \(lastState)"
    case .cancelled:
      return "the Kubernetes request was cancelled"
    }
  }
}
