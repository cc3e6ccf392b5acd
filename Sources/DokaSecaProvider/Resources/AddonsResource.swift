import DokaSeca
import TerraformProviderFramework
import TerraformValues

/// `dokaseca_addons`: the addon flags of one cluster, resolved against the DoKa Seca catalog
/// into the labels the GitOps Bridge writes on the ArgoCD cluster Secret.
///
/// Nothing exists outside Terraform: the labels are computed at plan time whenever the
/// arguments are known, so the plan shows exactly which flags an apply will publish.
struct AddonsResource: Resource {
  /// Labels the GitOps Bridge sets itself; an extra label must not override them.
  static let reservedLabelKeys: Set<String> = ["environment", "cluster_name", "argocd.argoproj.io/secret-type"]

  let resolver = AddonFlagResolver(catalog: .dokaSeca)

  var typeName: String { "dokaseca_addons" }

  var schema: Schema {
    Schema(
      description:
        "The addon flags of one cluster, resolved against the DoKa Seca addon catalog into the labels of its ArgoCD cluster Secret. A flag whose ApplicationSet needs another flag enables that flag too, with a warning.",
      attributes: [
        Attribute(
          "environment", type: .string, .required,
          description:
            "The environment the cluster belongs to, such as dev, stg or prod. Must be a valid Kubernetes label value.",
          validators: [.labelValue]),
        Attribute(
          "addons", type: .map(.bool), .optional,
          description:
            "Addon flags keyed as DoKa Seca writes them, such as enable_argo_cd or enable_kyverno, each true or false. See the dokaseca_addon_catalog data source for every flag."
        ),
        Attribute(
          "resolve_dependencies", type: .bool, .optionalComputed,
          description:
            "Whether an enabled flag whose ApplicationSet needs another flag enables that flag too (with a warning). When false, a missing requirement is an error. Defaults to true.",
          defaultValue: .bool(true)),
        Attribute(
          "extra_labels", type: .map(.string), .optional,
          description:
            "More labels for the cluster Secret, such as team flags. Keys and values must be valid Kubernetes labels and must not be addon flags."
        ),
        Attribute(
          "labels", type: .map(.string), .computed,
          description:
            "The cluster Secret labels: each flag set in addons as \"true\" or \"false\", each requirement enabled on its behalf as \"true\", and extra_labels."
        ),
        Attribute(
          "enabled", type: .set(.string), .computed,
          description: "The names of the enabled flags, requirements included."),
        Attribute("id", type: .string, .computed, description: "The environment, which identifies this set of flags."),
      ])
  }

  func validate(config: Value) -> Diagnostics {
    guard let inputs = AddonInputs(config) else { return [] }
    return diagnostics(for: resolve(inputs), warnings: false)
  }

  func modifyPlan(_ request: ModifyPlanRequest, _ response: inout ModifyPlanResponse) async {
    // Unknown arguments (from resources not created yet) leave the results unknown, as the
    // framework planned them: a guess now would be an inconsistent result later.
    guard let inputs = AddonInputs(response.plannedState) else { return }
    let resolved = resolve(inputs)
    let planned = state(inputs, resolved)
    let changes = request.priorState.isNull || request.priorState[attribute: "labels"] != planned[attribute: "labels"]
    response.diagnostics.append(contentsOf: diagnostics(for: resolved, warnings: changes))
    response.plannedState = planned
  }

  func create(_ request: CreateRequest, _ response: inout CreateResponse) async {
    apply(request.plannedState, &response.state, &response.diagnostics)
  }

  func read(_ request: ReadRequest, _ response: inout ReadResponse) async {
    response.state = request.state
  }

  func update(_ request: UpdateRequest, _ response: inout UpdateResponse) async {
    apply(request.plannedState, &response.state, &response.diagnostics)
  }

  func delete(_ request: DeleteRequest, _ response: inout DeleteResponse) async {}

  /// Adopts the flags of an environment: `terraform import dokaseca_addons.x dev`. The flags
  /// start empty; the next plan shows those of the configuration.
  func importState(_ request: ImportRequest, _ response: inout ImportResponse) async {
    let problems = AttributeValidator.labelValue.check(.string(request.id), AttributePath("environment"))
    guard problems.isEmpty else {
      response.diagnostics.addError(
        "Invalid import ID \"\(request.id)\"",
        detail: "The import ID of dokaseca_addons is its environment. \(problems[0].detail)")
      return
    }
    guard let inputs = AddonInputs(.object(["environment": .string(request.id)])) else { return }
    response.state = state(inputs, resolve(inputs))
  }

  private func apply(_ planned: Value, _ state: inout Value, _ diagnostics: inout Diagnostics) {
    guard let inputs = AddonInputs(planned) else {
      diagnostics.addError(
        "Unknown addon arguments at apply", detail: "Every argument must be known when dokaseca_addons is applied.")
      return
    }
    let resolved = resolve(inputs)
    diagnostics.append(contentsOf: self.diagnostics(for: resolved, warnings: false))
    if !diagnostics.hasErrors { state = self.state(inputs, resolved) }
  }

  private func resolve(_ inputs: AddonInputs) -> ResolvedAddons {
    resolver.resolve(
      flags: inputs.flags, resolveDependencies: inputs.resolveDependencies, extraLabels: inputs.extraLabels,
      reservedLabelKeys: Self.reservedLabelKeys)
  }

  private func state(_ inputs: AddonInputs, _ resolved: ResolvedAddons) -> Value {
    .object([
      "environment": .string(inputs.environment),
      "addons": inputs.flagsAreNull ? .null : .map(inputs.flags.mapValues { .bool($0) }),
      "resolve_dependencies": .bool(inputs.resolveDependencies),
      "extra_labels": inputs.extraLabelsAreNull ? .null : .stringMap(inputs.extraLabels),
      "labels": .stringMap(resolved.labels),
      "enabled": .stringSet(resolved.enabled),
      "id": .string(inputs.environment),
    ])
  }

  private func diagnostics(for resolved: ResolvedAddons, warnings: Bool) -> Diagnostics {
    var diagnostics = Diagnostics()
    for problem in resolved.problems {
      let path: AttributePath =
        switch problem.location {
        case .addons(let key): AttributePath("addons").key(key)
        case .extraLabels(let key): AttributePath("extra_labels").key(key)
        }
      diagnostics.addError(problem.summary, detail: problem.detail, attribute: path)
    }
    if warnings {
      for added in resolved.autoEnabled {
        diagnostics.addWarning(
          "Addon requirement enabled: \(added.flag)",
          detail:
            "\(added.message) Set \(added.flag) = true in addons to make this explicit, or set resolve_dependencies = false to turn this into an error.",
          attribute: AttributePath("addons").key(added.requiredBy[0]))
      }
    }
    return diagnostics
  }
}

/// The arguments of `dokaseca_addons` once every one of them is known.
struct AddonInputs {
  var environment: String
  var flags: [String: Bool]
  var resolveDependencies: Bool
  var extraLabels: [String: String]
  var flagsAreNull: Bool
  var extraLabelsAreNull: Bool

  /// `nil` while any argument is unknown.
  init?(_ object: Value) {
    let addons = object[attribute: "addons"]
    let extra = object[attribute: "extra_labels"]
    let resolve = object[attribute: "resolve_dependencies"]
    guard let environment = object[attribute: "environment"].stringValue,
      addons.isNull || addons.boolMap != nil,
      extra.isNull || extra.stringMap != nil,
      resolve.isNull || resolve.boolValue != nil
    else { return nil }
    self.environment = environment
    self.flags = addons.boolMap ?? [:]
    self.flagsAreNull = addons.isNull
    self.extraLabels = extra.stringMap ?? [:]
    self.extraLabelsAreNull = extra.isNull
    self.resolveDependencies = resolve.boolValue ?? true
  }
}
