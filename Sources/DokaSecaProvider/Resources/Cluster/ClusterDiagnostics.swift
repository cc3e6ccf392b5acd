import Kind
import KubernetesClient
import TerraformProviderFramework
import TerraformValues

/// Turns what went wrong with kind, Docker or the new cluster into diagnostics that say what to
/// do, each on the attribute at fault where there is one.
enum ClusterDiagnostics {
  static func diagnostic(for error: any Error, arguments: ClusterArguments?, action: String) -> Diagnostic {
    switch error {
    case let kind as KindError:
      return diagnostic(for: kind, arguments: arguments, action: action)
    case let timeout as OperationTimeout:
      return .error(
        "Kind cluster \(action) timed out",
        detail:
          "The cluster was not done within \(timeout.limit) (\(timeout.waitingFor)). Raise timeouts.\(action == "delete" ? "delete" : "create") or check the machine's load.",
        attribute: AttributePath("timeouts"))
    case let kubernetes as KubernetesError:
      return .error(
        "Kind cluster not ready",
        detail:
          "The cluster was created but did not become ready: \(kubernetes). It was deleted again; set wait_for_ready = false to keep a cluster that is slow to start."
      )
    case is CancellationError:
      return .error(
        "Kind cluster \(action) interrupted", detail: "Terraform asked the provider to stop before kind finished.")
    default:
      return .error("Kind cluster \(action) failed", detail: "\(error)")
    }
  }

  private static func diagnostic(for error: KindError, arguments: ClusterArguments?, action: String) -> Diagnostic {
    switch error {
    case .notInstalled(let searched):
      return .error(
        "kind not found",
        detail:
          "dokaseca_cluster runs the kind CLI, which was not found (\(searched)). Install kind (https://kind.sigs.k8s.io/docs/user/quick-start/#installation) or set kind_path in the provider block."
      )
    case .tooOld(let found):
      return .error(
        "kind \(found) is too old",
        detail:
          "dokaseca_cluster needs kind \(KindVersion.minimum) or newer; `kind version` printed: \(found.text). Upgrade kind."
      )
    case .containerRuntimeUnavailable(let output):
      return .error(
        "Docker is not running",
        detail:
          "kind runs its nodes as Docker containers and could not reach Docker. Start Docker (or check DOCKER_HOST) and run the command again. kind said: \(output)"
      )
    case .hostPortInUse(let port, let output):
      return .error(
        "Host port \(port) is already in use",
        detail:
          "Another program listens on port \(port), so kind could not map it. Free it or choose another host_port. kind said: \(output)",
        attribute: arguments.flatMap { hostPortPath(port, in: $0) })
    case .commandFailed(let command, _, let output):
      return .error("Kind cluster \(action) failed", detail: "`\(command)` failed. kind said:\n\(output)")
    }
  }

  /// Host ports taken before kind is even started, each on its own port mapping.
  static func takenHostPorts(_ arguments: ClusterArguments) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (nodeIndex, node) in arguments.configuration.nodes.enumerated() {
      for (mappingIndex, mapping) in node.portMappings.enumerated() {
        guard let port = mapping.hostPort, (mapping.protocol ?? "TCP") == "TCP",
          !HostPortProbe.isFree(port: port, address: mapping.listenAddress)
        else { continue }
        let path = AttributePath("nodes").index(nodeIndex).attribute("port_mappings").index(mappingIndex).attribute(
          "host_port")
        diagnostics.append(
          .error(
            "Host port \(port) is already in use",
            detail:
              "Another program listens on \(mapping.listenAddress ?? "0.0.0.0"):\(port), so Kind cannot map it to container port \(mapping.containerPort) (\(path)). Free the port or choose another host_port.",
            attribute: path))
      }
    }
    return diagnostics
  }

  private static func hostPortPath(_ port: Int, in arguments: ClusterArguments) -> AttributePath? {
    for (nodeIndex, node) in arguments.configuration.nodes.enumerated() {
      if let mappingIndex = node.portMappings.firstIndex(where: { $0.hostPort == port }) {
        return AttributePath("nodes").index(nodeIndex).attribute("port_mappings").index(mappingIndex).attribute(
          "host_port")
      }
    }
    return nil
  }
}
