import KubernetesClient
import TerraformProviderFramework
import TerraformValues

/// A failure in one part of the bridge, with the attribute that part comes from.
struct BridgeStepFailure: Error {
  var attribute: AttributePath
  var underlying: any Error
}

/// Runs one part of the bridge (the ArgoCD install, the Secret, the App of Apps), tagging its
/// failures with the attribute it comes from.
func bridgeStep<Result>(_ attribute: String, _ body: () async throws -> Result) async throws -> Result {
  do {
    return try await body()
  } catch let failure as BridgeStepFailure {
    throw failure
  } catch {
    throw BridgeStepFailure(attribute: AttributePath(attribute), underlying: error)
  }
}

/// Turns what went wrong talking to the cluster into diagnostics that say what to do, on the
/// attribute at fault.
enum GitOpsBridgeDiagnostics {
  static func diagnostic(for error: any Error, action: String) -> Diagnostic {
    var attribute: AttributePath?
    var error = error
    if let failure = error as? BridgeStepFailure {
      attribute = failure.attribute
      error = failure.underlying
    }
    let summary = "GitOps Bridge \(action) failed"
    switch error {
    case KubernetesError.unreachable:
      return .error(
        "Cannot reach the Kubernetes API server",
        detail:
          "\(error). Check that the cluster is running and that cluster.endpoint and its credentials are right; nothing was removed from state.",
        attribute: AttributePath("cluster"))
    case KubernetesError.conflict:
      return .error(
        "Field manager conflict",
        detail:
          "\(error). Another tool manages these fields; set force_conflicts = true to let dokaseca take them over.",
        attribute: attribute)
    case KubernetesError.timedOut where action == "destroy":
      return .error(
        "Timed out removing the GitOps Bridge",
        detail: "\(error). Raise timeouts.delete; running destroy again continues where this one stopped.",
        attribute: AttributePath("timeouts").attribute("delete"))
    case KubernetesError.timedOut:
      return .error(
        "Timed out waiting for ArgoCD",
        detail: "\(error). Raise argocd.timeout, or set argocd.wait = false to not wait.",
        attribute: AttributePath("argocd").attribute("timeout"))
    case KubernetesError.cancelled, is CancellationError:
      return .error(
        "GitOps Bridge \(action) interrupted", detail: "Terraform asked the provider to stop before it finished.",
        attribute: attribute)
    case let blocked as BootstrapTeardown.Blocked:
      return .error(
        "Bootstrap Applications are blocking destroy", detail: "\(blocked)",
        attribute: AttributePath("strip_finalizers_on_destroy"))
    default:
      return .error(summary, detail: "\(error)", attribute: attribute)
    }
  }
}
