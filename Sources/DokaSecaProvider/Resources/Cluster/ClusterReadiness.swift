import KubernetesClient
import Logging

/// Waiting until a new cluster's API server answers and every node is Ready, with progress
/// at INFO level while it takes.
enum ClusterReadiness {
  static let pollInterval = Duration.milliseconds(500)
  static let progressInterval = Duration.seconds(5)

  /// Waits (when `untilReady`) and returns each node's internal address by node name.
  static func wait(
    for connection: KubernetesConnection, name: String, nodeCount: Int, untilReady: Bool, timeout: Duration,
    logger: Logger
  ) async throws -> [String: String] {
    let client = try KubernetesClient(connection: connection, logger: logger)
    do {
      let addresses = try await poll(
        client, name: name, nodeCount: nodeCount, untilReady: untilReady, timeout: timeout, logger: logger)
      await client.shutdown()
      return addresses
    } catch {
      await client.shutdown()
      throw error
    }
  }

  private static func poll(
    _ client: KubernetesClient, name: String, nodeCount: Int, untilReady: Bool, timeout: Duration, logger: Logger
  ) async throws -> [String: String] {
    let clock = ContinuousClock()
    let started = clock.now
    var lastProgress = started
    var state = "the API server to answer"
    while true {
      do {
        try await client.readyz()
        let nodes = try await client.list(apiVersion: "v1", kind: "Node", namespace: nil, labelSelector: nil)
        let ready = nodes.filter(isReady)
        if !untilReady || ready.count >= nodeCount { return addresses(of: nodes) }
        state = "\(ready.count) of \(nodeCount) nodes to be Ready"
      } catch {
        if case .cancelled = error { throw error }
        if !untilReady { return [:] }
        state = "the API server to answer (\(error))"
      }
      let elapsed = clock.now - started
      guard elapsed < timeout else {
        throw KubernetesError.timedOut(
          waitingFor: "cluster \(name) to be ready", lastState: "still waiting for \(state)")
      }
      if clock.now - lastProgress >= progressInterval {
        logger.info("Waiting for Kind cluster \(name): \(state)", metadata: ["elapsed": "\(elapsed)"])
        lastProgress = clock.now
      }
      try await Task.sleep(for: pollInterval)
    }
  }

  private static func isReady(_ node: JSON) -> Bool {
    (node["status"]["conditions"].arrayValue ?? []).contains {
      $0["type"].stringValue == "Ready" && $0["status"].stringValue == "True"
    }
  }

  private static func addresses(of nodes: [JSON]) -> [String: String] {
    var result: [String: String] = [:]
    for node in nodes {
      guard let name = node["metadata"]["name"].stringValue else { continue }
      let internalAddress = (node["status"]["addresses"].arrayValue ?? []).first {
        $0["type"].stringValue == "InternalIP"
      }
      result[name] = internalAddress?["address"].stringValue
    }
    return result
  }
}
