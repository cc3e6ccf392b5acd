import Foundation
import Kind
import KubernetesClient
import TerraformProviderFramework
import TerraformValues

/// `dokaseca_cluster`: a Kind cluster, driven through the `kind` CLI exactly as a person would
/// run it, and waited on through the Kubernetes API until it answers and its nodes are Ready.
struct ClusterResource: Resource {
  var typeName: String { "dokaseca_cluster" }

  func modifyPlan(_ request: ModifyPlanRequest, _ response: inout ModifyPlanResponse) async {
    guard let arguments = ClusterArguments(config: request.config) else { return }
    var planned = response.plannedState
      .settingAttribute("id", to: .string(arguments.name))
      .settingAttribute("context", to: .string("kind-\(arguments.name)"))
      .settingAttribute("metadata", to: ClusterMetadata(arguments: arguments).value)
    if request.config[attribute: "node_image"].isNull {
      planned = planned.settingAttribute("node_image", to: .optionalString(arguments.nodeImage))
    }
    // Kind names nodes predictably, so the plan can show the names; addresses come after apply.
    if request.priorState.isNull || !request.config[attribute: "nodes"].isNull {
      let configured = request.config[attribute: "nodes"].elements
      planned = planned.settingAttribute(
        "nodes",
        to: .list(
          zip(arguments.configuration.nodes, arguments.nodeNames).enumerated().map { index, pair in
            let prior = planned[attribute: "nodes"].elements.flatMap { index < $0.count ? $0[index] : nil }
            let address = prior?[attribute: "internal_address"] ?? .unknownValue
            return Self.nodeValue(
              configured?[index], role: pair.0.role, name: pair.1,
              internalAddress: address.isNull ? .unknownValue : address)
          }))
    }
    response.plannedState = planned
  }

  func create(_ request: CreateRequest, _ response: inout CreateResponse) async {
    let logger = request.context.logger
    guard let arguments = ClusterArguments(config: request.config) else {
      response.diagnostics.addError(
        "Unknown arguments at apply", detail: "Every argument of dokaseca_cluster must be known when it is created.")
      return
    }
    let kind: KindCLI
    do {
      kind = try ProviderSettings.of(request.context).kind()
      _ = try await kind.checkedVersion()
    } catch {
      response.diagnostics.append(ClusterDiagnostics.diagnostic(for: error, arguments: arguments, action: "create"))
      return
    }
    response.diagnostics.append(contentsOf: ClusterDiagnostics.takenHostPorts(arguments))
    guard !response.diagnostics.hasErrors else { return }

    let started = ContinuousClock.now
    do {
      let yaml = try arguments.configuration.yaml()
      logger.trace("Kind cluster configuration", metadata: ["cluster": "\(arguments.name)", "config": "\(yaml)"])
      logger.info("Creating Kind cluster \(arguments.name) with \(arguments.configuration.nodes.count) node(s)")
      let scratch = try ScratchDirectory()
      defer { scratch.remove() }
      try await withTimeout(arguments.createTimeout, waitingFor: "kind create cluster \(arguments.name)") {
        try await kind.createCluster(
          name: arguments.name, configuration: yaml, kubeconfigPath: scratch.path + "/kubeconfig")
      }
      let access = try await ClusterAccess.read(kind, name: arguments.name)
      let remaining = arguments.createTimeout - (ContinuousClock.now - started)
      let addresses = try await ClusterReadiness.wait(
        for: access.connection, name: arguments.name, nodeCount: arguments.configuration.nodes.count,
        untilReady: arguments.waitForReady, timeout: remaining, logger: logger)
      if let path = arguments.kubeconfigPath {
        try KubeconfigFile.merge(
          access.kubeconfig,
          into: KindCLI.expandingTilde(path, environment: ProviderSettings.of(request.context).environment))
      }
      response.state = state(request.plannedState, arguments: arguments, access: access, addresses: addresses)
      logger.info("Kind cluster \(arguments.name) is ready", metadata: ["elapsed": "\(ContinuousClock.now - started)"])
    } catch {
      // Half-created clusters are deleted: an orphan would block the next apply by its name.
      logger.warning("Creating \(arguments.name) failed; deleting what Kind left", metadata: ["error": "\(error)"])
      try? await kind.deleteCluster(name: arguments.name, kubeconfigPath: nil)
      response.state = .null
      response.diagnostics.append(ClusterDiagnostics.diagnostic(for: error, arguments: arguments, action: "create"))
    }
  }

  func read(_ request: ReadRequest, _ response: inout ReadResponse) async {
    guard let name = request.state[attribute: "name"].stringValue else { return }
    do {
      let kind = try ProviderSettings.of(request.context).kind()
      guard try await kind.clusters().contains(name) else {
        request.context.logger.info("Kind cluster \(name) no longer exists; removing it from state")
        response.state = .null
        return
      }
      let access = try await ClusterAccess.read(kind, name: name)
      var state = request.state
      for (attribute, value) in access.attributes { state = state.settingAttribute(attribute, to: value) }
      response.state = state
    } catch {
      // A failing kind or Docker says nothing about the cluster: keep it in state.
      response.diagnostics.append(ClusterDiagnostics.diagnostic(for: error, arguments: nil, action: "read"))
    }
  }

  func update(_ request: UpdateRequest, _ response: inout UpdateResponse) async {
    let environment = ProviderSettings.of(request.context).environment
    let oldPath = request.priorState[attribute: "kubeconfig_path"].stringValue
    let newPath = request.plannedState[attribute: "kubeconfig_path"].stringValue
    do {
      if oldPath != newPath {
        if let oldPath {
          try KubeconfigFile.remove(
            context: "kind-\(request.priorState[attribute: "name"].stringValue ?? "")",
            from: KindCLI.expandingTilde(oldPath, environment: environment))
        }
        if let newPath, let kubeconfig = request.priorState[attribute: "kubeconfig"].stringValue {
          try KubeconfigFile.merge(kubeconfig, into: KindCLI.expandingTilde(newPath, environment: environment))
        }
      }
      response.state = request.plannedState
    } catch {
      response.state = request.priorState
      response.diagnostics.addError(
        "Cannot update the kubeconfig file", detail: "\(error)", attribute: AttributePath("kubeconfig_path"))
    }
  }

  func delete(_ request: DeleteRequest, _ response: inout DeleteResponse) async {
    guard let name = request.priorState[attribute: "name"].stringValue else { return }
    let settings = ProviderSettings.of(request.context)
    let timeout =
      request.priorState[attribute: "timeouts"][attribute: "delete"].stringValue.flatMap(GoDuration.parse)
      ?? ClusterArguments.defaultDeleteTimeout
    do {
      let kind = try settings.kind()
      request.context.logger.info("Deleting Kind cluster \(name)")
      try await withTimeout(timeout, waitingFor: "kind delete cluster \(name)") {
        try await kind.deleteCluster(name: name, kubeconfigPath: nil)
      }
      if let path = request.priorState[attribute: "kubeconfig_path"].stringValue {
        try KubeconfigFile.remove(
          context: "kind-\(name)", from: KindCLI.expandingTilde(path, environment: settings.environment))
      }
    } catch {
      response.diagnostics.append(ClusterDiagnostics.diagnostic(for: error, arguments: nil, action: "delete"))
    }
  }

  /// Adopts an existing Kind cluster: `terraform import dokaseca_cluster.hub hub-dev`.
  func importState(_ request: ImportRequest, _ response: inout ImportResponse) async {
    let settings = ProviderSettings.of(request.context)
    do {
      let kind = try settings.kind()
      let clusters = try await kind.clusters()
      guard clusters.contains(request.id) else {
        response.diagnostics.addError(
          "No Kind cluster named \"\(request.id)\"",
          detail:
            "kind get clusters lists: \(clusters.isEmpty ? "none" : clusters.joined(separator: ", ")). The import ID is the cluster name."
        )
        return
      }
      let nodeNames = try await kind.nodes(name: request.id).sorted()
      let nodes: [Value] = nodeNames.map { node in
        Self.nodeValue(
          nil, role: node.contains("-control-plane") ? .controlPlane : .worker, name: node, internalAddress: .null)
      }
      let config = Value.object(["name": .string(request.id), "nodes": .list(nodes)])
      guard let arguments = ClusterArguments(config: config) else { return }
      let access = try await ClusterAccess.read(kind, name: request.id)
      let addresses =
        (try? await ClusterReadiness.wait(
          for: access.connection, name: request.id, nodeCount: nodes.count, untilReady: false, timeout: .seconds(30),
          logger: request.context.logger)) ?? [:]
      var state = Self.emptyState.merging(config.attributes ?? [:]) { $1 }
      state["wait_for_ready"] = true
      response.state = self.state(.object(state), arguments: arguments, access: access, addresses: addresses)
    } catch {
      response.diagnostics.append(ClusterDiagnostics.diagnostic(for: error, arguments: nil, action: "import"))
    }
  }

  /// The planned state with everything only the created cluster knows filled in.
  private func state(_ planned: Value, arguments: ClusterArguments, access: ClusterAccess, addresses: [String: String])
    -> Value
  {
    var state = planned
    for (attribute, value) in access.attributes { state = state.settingAttribute(attribute, to: value) }
    let nodes = (planned[attribute: "nodes"].elements ?? []).map { node in
      node.settingAttribute(
        "internal_address", to: .optionalString(node[attribute: "name"].stringValue.flatMap { addresses[$0] }))
    }
    return
      state
      .settingAttribute("nodes", to: .list(nodes))
      .settingAttribute("node_image", to: .optionalString(arguments.nodeImage))
      .settingAttribute("metadata", to: ClusterMetadata(arguments: arguments).value)
      .settingAttribute("id", to: .string(arguments.name))
  }

  /// A node as the `nodes` attribute holds it: configured values, or nulls when Kind chose.
  private static func nodeValue(_ configured: Value?, role: KindNode.Role, name: String, internalAddress: Value)
    -> Value
  {
    var attributes: [String: Value] = Dictionary(
      uniqueKeysWithValues: nodeAttributes.map { ($0.name, configured?[attribute: $0.name] ?? .null) })
    attributes["role"] = .string(role.rawValue)
    attributes["name"] = .string(name)
    attributes["internal_address"] = internalAddress
    return .object(attributes)
  }

  /// Every attribute unset (null, or its default): the start of an imported state.
  private static var emptyState: [String: Value] {
    Dictionary(
      uniqueKeysWithValues: ClusterResource().schema.attributes.map { ($0.name, $0.defaultValue ?? Value.null) }
    )
    .merging(["timeouts": .null]) { $1 }
  }
}
