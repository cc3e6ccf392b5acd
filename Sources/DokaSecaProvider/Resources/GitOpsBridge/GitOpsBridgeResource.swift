import DokaSeca
import KubernetesClient
import Logging
import TerraformProviderFramework
import TerraformValues

/// `dokaseca_gitops_bridge`: ArgoCD, the cluster Secret and the App of Apps on one cluster,
/// over the native Kubernetes client with server-side apply (field manager `dokaseca`).
///
/// The cluster connection is an argument, so the cluster can be created in the same apply.
/// Destroy tears down in ArgoCD's order: App of Apps and its Applications, the Secret, ArgoCD.
struct GitOpsBridgeResource: Resource {
  var typeName: String { "dokaseca_gitops_bridge" }

  func validate(config: Value) -> Diagnostics {
    var diagnostics = Diagnostics()
    if case .invalid(let problems) = GitOpsBridgeArguments.parse(config) { diagnostics.append(contentsOf: problems) }
    if config[attribute: "cluster"][attribute: "insecure_skip_tls_verify"].boolValue == true {
      diagnostics.addWarning(
        "TLS verification is off",
        detail:
          "cluster.insecure_skip_tls_verify accepts any server certificate, so the cluster credentials could go to an impostor. Use it only for throwaway clusters.",
        attribute: AttributePath("cluster").attribute("insecure_skip_tls_verify"))
    }
    return diagnostics
  }

  func modifyPlan(_ request: ModifyPlanRequest, _ response: inout ModifyPlanResponse) async {
    let prior = request.priorState, config = request.config
    if !prior.isNull {
      // Another API server is another cluster: nothing there to update.
      if let priorEndpoint = GitOpsBridgeArguments.endpoint(of: prior[attribute: "cluster"]),
        GitOpsBridgeArguments.endpoint(of: config[attribute: "cluster"]) != priorEndpoint
      {
        response.requiresReplace.append(AttributePath("cluster"))
      }
      let namespace = { (value: Value) in
        value[attribute: "argocd"][attribute: "namespace"].stringValue ?? GitOpsBridgeArguments.defaultNamespace
      }
      if config[attribute: "argocd"].isWhollyKnown, namespace(prior) != namespace(config) {
        response.requiresReplace.append(AttributePath("argocd").attribute("namespace"))
      }
    }
    let parsed = GitOpsBridgeArguments.parse(config)
    if case .invalid = parsed { return }
    var planned = response.plannedState
    if let arguments = parsed.arguments { planned = Self.settingDesiredAttributes(planned, arguments) }
    // The planned value: the configured one, or the default when the block is left out.
    let argocd = planned[attribute: "argocd"]
    guard let upstream = GitOpsBridgeArguments.installsUpstreamRelease(argocd) else {
      response.plannedState = planned
      return
    }
    if argocd[attribute: "install"].boolValue ?? true {
      let version = argocd[attribute: "version"].stringValue ?? GitOpsBridgeArguments.defaultVersion
      let priorVersion = prior[attribute: "argocd_version"]
      // Install when ArgoCD is new, configured differently, gone, or not the release asked for.
      let install =
        prior.isNull || prior[attribute: "argocd"] != argocd || priorVersion.isNull
        || (upstream && priorVersion.stringValue != version)
      planned =
        planned
        .settingAttribute("argocd_version", to: install ? (upstream ? .string(version) : .unknownValue) : priorVersion)
        .settingStatus(argoCDObjects: install ? .unknownValue : prior[attribute: "status"][attribute: "argocd_objects"])
    } else {
      planned =
        planned
        .settingAttribute("argocd_version", to: prior.isNull ? .unknownValue : prior[attribute: "argocd_version"])
        .settingStatus(argoCDObjects: .list([]))
    }
    response.plannedState = planned
  }

  func create(_ request: CreateRequest, _ response: inout CreateResponse) async {
    let logger = request.context.logger
    guard let (arguments, client) = Self.connect(request.config, logger: logger, into: &response.diagnostics) else {
      return
    }
    var applied = false
    do {
      // Nothing is applied before the server has answered: an unreachable cluster leaves no state.
      _ = try await client.serverVersion()
      applied = true
      let argocd = try await installArgoCD(arguments, client: client, logger: logger)
      try await applySecret(arguments, client: client, logger: logger)
      try await applyBootstrap(arguments, client: client, logger: logger)
      var version = argocd?.version
      if argocd == nil { version = try await runningVersion(request.plannedState, arguments, client: client) }
      response.state = Self.state(request.plannedState, argoCDObjects: argocd?.objects ?? [], argoCDVersion: version)
    } catch {
      response.diagnostics.append(GitOpsBridgeDiagnostics.diagnostic(for: error, action: "create"))
      // What was applied stays in state (tainted), so that the next apply or destroy removes it.
      response.state = applied ? request.plannedState : .null
    }
    await client.shutdown()
  }

  func read(_ request: ReadRequest, _ response: inout ReadResponse) async {
    guard !request.state[attribute: "cluster"].isNull else {
      request.context.logger.info("dokaseca_gitops_bridge was imported without a connection; the next apply adopts it")
      return
    }
    guard let arguments = GitOpsBridgeArguments.parse(request.state).arguments,
      let client = Self.client(arguments, logger: request.context.logger, into: &response.diagnostics)
    else { return }
    do {
      let live = try await LiveBridgeObjects.read(arguments, client: client)
      // A refresh reads, never writes: the benchmark checks these figures.
      request.context.logger.debug(
        "Refreshed dokaseca_gitops_bridge",
        metadata: [
          "requests": "\(client.requestCount)", "writes": "\(client.writeCount)",
          "bootstrap_objects": "\(arguments.bootstrapObjects.count)",
        ])
      response.state = request.state
        .settingAttribute("cluster_secret_labels", to: live.secretLabels.map(Value.stringMap) ?? .null)
        .settingAttribute("cluster_secret_annotations", to: live.secretAnnotations.map(Value.stringMap) ?? .null)
        .settingAttribute("argocd_version", to: .optionalString(live.argoCDVersion))
        .settingAttribute(
          "status",
          to: .object([
            "argocd_objects": request.state[attribute: "status"][attribute: "argocd_objects"],
            "cluster_secret": .string(live.secretStatus), "bootstrap": .stringMap(live.bootstrapStatus),
          ]))
    } catch {
      response.diagnostics.append(GitOpsBridgeDiagnostics.diagnostic(for: error, action: "refresh"))
    }
    await client.shutdown()
  }

  func update(_ request: UpdateRequest, _ response: inout UpdateResponse) async {
    let logger = request.context.logger
    guard let (arguments, client) = Self.connect(request.config, logger: logger, into: &response.diagnostics) else {
      return
    }
    // A state imported without a connection has no usable prior arguments: nothing to clean up.
    let prior = GitOpsBridgeArguments.parse(request.priorState).arguments
    let reinstall =
      arguments.install && request.plannedState[attribute: "status"][attribute: "argocd_objects"].isUnknown
    do {
      let argocd = reinstall ? try await installArgoCD(arguments, client: client, logger: logger) : nil
      try await applySecret(arguments, client: client, logger: logger)
      if let prior, prior.secret.name != arguments.secret.name || prior.secret.namespace != arguments.secret.namespace {
        _ = try await client.delete(prior.secret.reference)
      }
      try await applyBootstrap(arguments, client: client, logger: logger)
      if let prior {
        let kept = Set(arguments.bootstrapReferences)
        let dropped = prior.bootstrapReferences.filter { !kept.contains($0) }
        try await bridgeStep("bootstrap") {
          try await BootstrapTeardown(client: client, logger: logger).remove(
            dropped, namespace: arguments.secret.namespace, timeout: arguments.deleteTimeout,
            stripFinalizers: arguments.stripFinalizersOnDestroy)
        }
      }
      let planned = request.plannedState
      let objects = argocd?.objects ?? Self.argoCDObjects(of: planned)
      var version = argocd?.version
      if argocd == nil { version = try await runningVersion(planned, arguments, client: client) }
      response.state = Self.state(planned, argoCDObjects: objects, argoCDVersion: version)
    } catch {
      response.diagnostics.append(GitOpsBridgeDiagnostics.diagnostic(for: error, action: "update"))
      response.state = request.priorState
    }
    await client.shutdown()
  }

  func delete(_ request: DeleteRequest, _ response: inout DeleteResponse) async {
    guard let arguments = GitOpsBridgeArguments.parse(request.priorState).arguments else {
      request.context.logger.warning(
        "dokaseca_gitops_bridge has no connection in state (imported, never applied); nothing to delete")
      return
    }
    let logger = request.context.logger
    guard let client = Self.client(arguments, logger: logger, into: &response.diagnostics) else { return }
    do {
      try await bridgeStep("bootstrap") {
        try await BootstrapTeardown(client: client, logger: logger).remove(
          arguments.bootstrapReferences, namespace: arguments.secret.namespace,
          timeout: arguments.deleteTimeout, stripFinalizers: arguments.stripFinalizersOnDestroy)
      }
      try await bridgeStep("cluster_secret") {
        logger.info("Deleting the cluster Secret \(arguments.secret.namespace)/\(arguments.secret.name)")
        _ = try await client.delete(arguments.secret.reference)
      }
      if arguments.install {
        try await bridgeStep("argocd") {
          try await ArgoCDInstaller(client: client, logger: logger, force: false).uninstall(
            Self.argoCDObjects(of: request.priorState), namespace: arguments.namespace, timeout: arguments.deleteTimeout
          )
        }
      }
    } catch {
      response.diagnostics.append(GitOpsBridgeDiagnostics.diagnostic(for: error, action: "destroy"))
    }
    await client.shutdown()
  }

  /// `terraform import dokaseca_gitops_bridge.hub argocd/hub-dev`: records the Secret's address.
  /// The connection is an argument, which import cannot see, so the next apply adopts the live
  /// objects with server-side apply (set force_conflicts when another tool manages them).
  func importState(_ request: ImportRequest, _ response: inout ImportResponse) async {
    let parts = request.id.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty }) else {
      response.diagnostics.addError(
        "Invalid import ID \"\(request.id)\"",
        detail: "The import ID of dokaseca_gitops_bridge is <namespace>/<cluster secret name>, such as argocd/hub-dev.")
      return
    }
    guard case .object(var secret) = NestedAttributes(.single, Self.clusterSecretAttributes).emptyObject else { return }
    secret["namespace"] = .string(parts[0])
    secret["name"] = .string(parts[1])
    var state = Dictionary(uniqueKeysWithValues: schema.attributes.map { ($0.name, $0.defaultValue ?? Value.null) })
    state["timeouts"] = .null
    state["id"] = .string(request.id)
    state["cluster_secret"] = .object(secret)
    response.state = .object(state)
  }

  // MARK: - Steps

  private func installArgoCD(_ arguments: GitOpsBridgeArguments, client: KubernetesClient, logger: Logger)
    async throws -> (objects: [ObjectReference], version: String?)?
  {
    guard arguments.install else { return nil }
    let attribute: String
    let yaml: String
    switch arguments.manifestSource {
    case .inline(let text):
      (attribute, yaml) = ("argocd.manifest", text)
    case .url(let url):
      logger.info("Fetching the ArgoCD manifest from \(url)")
      attribute = "argocd.manifest_url"
      yaml = try await bridgeStep("argocd") { try await ManifestLoader.load(url, timeout: .seconds(120)) }
    }
    let manifest: ArgoCDManifest
    do {
      manifest = try ArgoCDManifest(yaml: yaml, namespace: arguments.namespace)
    } catch {
      throw BridgeStepFailure(
        attribute: AttributePath("argocd").attribute(String(attribute.dropFirst("argocd.".count))), underlying: error)
    }
    let objects = try await bridgeStep("argocd") {
      try await ArgoCDInstaller(client: client, logger: logger, force: arguments.forceConflicts).install(
        manifest, wait: arguments.wait, timeout: arguments.waitTimeout)
    }
    return (objects, manifest.version)
  }

  private func applySecret(_ arguments: GitOpsBridgeArguments, client: KubernetesClient, logger: Logger) async throws {
    try await bridgeStep("cluster_secret") {
      logger.info("Applying the cluster Secret \(arguments.secret.namespace)/\(arguments.secret.name)")
      _ = try await client.apply(arguments.secret.object, force: arguments.forceConflicts)
    }
  }

  private func applyBootstrap(_ arguments: GitOpsBridgeArguments, client: KubernetesClient, logger: Logger) async throws
  {
    guard !arguments.bootstrapObjects.isEmpty else { return }
    try await bridgeStep("bootstrap") {
      logger.info("Applying the App of Apps: \(arguments.bootstrapNames.joined(separator: ", "))")
      for object in arguments.bootstrapObjects { _ = try await client.apply(object, force: arguments.forceConflicts) }
    }
  }

  /// The version of the ArgoCD already running, for a bridge that does not install it; `nil`
  /// without a request when the plan knows it already.
  private func runningVersion(_ planned: Value, _ arguments: GitOpsBridgeArguments, client: KubernetesClient)
    async throws -> String?
  {
    guard planned[attribute: "argocd_version"].isUnknown else { return nil }
    return try await bridgeStep("argocd") {
      try await LiveBridgeObjects.runningArgoCDVersion(namespace: arguments.namespace, client: client)
    }
  }

  // MARK: - State

  /// The arguments of an apply, which are all known by then, and a client for their cluster.
  private static func connect(_ config: Value, logger: Logger, into diagnostics: inout Diagnostics)
    -> (GitOpsBridgeArguments, KubernetesClient)?
  {
    guard let arguments = GitOpsBridgeArguments.parse(config).arguments else {
      diagnostics.addError(
        "Unknown arguments at apply",
        detail: "Every argument of dokaseca_gitops_bridge must be known when it is applied.")
      return nil
    }
    return client(arguments, logger: logger, into: &diagnostics).map { (arguments, $0) }
  }

  private static func client(_ arguments: GitOpsBridgeArguments, logger: Logger, into diagnostics: inout Diagnostics)
    -> KubernetesClient?
  {
    do {
      return try KubernetesClient(connection: arguments.connection, logger: logger)
    } catch {
      diagnostics.addError("Unusable cluster connection", detail: "\(error).", attribute: AttributePath("cluster"))
      return nil
    }
  }

  /// The ArgoCD objects a state or plan records in `status.argocd_objects`.
  private static func argoCDObjects(of value: Value) -> [ObjectReference] {
    (value[attribute: "status"][attribute: "argocd_objects"].elements ?? []).compactMap {
      $0.stringValue.flatMap(ObjectReference.init(parsing:))
    }
  }

  /// The computed attributes that follow from the arguments alone, as planned and as applied.
  private static func settingDesiredAttributes(_ value: Value, _ arguments: GitOpsBridgeArguments) -> Value {
    let secret = arguments.secret
    return
      value
      .settingAttribute("id", to: .string("\(secret.namespace)/\(secret.name)"))
      .settingAttribute("cluster_secret_name", to: .string(secret.name))
      .settingAttribute("cluster_secret_labels", to: .stringMap(secret.labels))
      .settingAttribute("cluster_secret_annotations", to: .stringMap(secret.annotations))
      .settingAttribute("bootstrap_applicationsets", to: .stringList(arguments.bootstrapNames))
  }

  /// The applied state: the plan with what only the apply learnt filled in.
  private static func state(_ planned: Value, argoCDObjects: [ObjectReference], argoCDVersion: String?) -> Value {
    var state = planned.settingStatus(argoCDObjects: .stringList(argoCDObjects.map(\.description)))
    if planned[attribute: "argocd_version"].isUnknown {
      state = state.settingAttribute("argocd_version", to: .optionalString(argoCDVersion))
    }
    return state
  }
}

extension Value {
  /// `status` as planned: everything in sync, with `argoCDObjects` as the ArgoCD objects.
  fileprivate func settingStatus(argoCDObjects: Value) -> Value {
    let names = self[attribute: "bootstrap_applicationsets"].elements?.compactMap(\.stringValue)
    let bootstrap: Value =
      names.map { .stringMap(Dictionary(uniqueKeysWithValues: $0.map { ($0, LiveBridgeObjects.inSync) })) }
      ?? .unknownValue
    return settingAttribute(
      "status",
      to: .object([
        "argocd_objects": argoCDObjects, "cluster_secret": .string(LiveBridgeObjects.inSync), "bootstrap": bootstrap,
      ]))
  }
}
