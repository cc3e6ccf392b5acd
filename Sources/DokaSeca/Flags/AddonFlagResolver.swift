/// Turns the user's addon flags into cluster labels, following requirements.
///
/// An ApplicationSet with several flags deploys only when all of them are `"true"`, so enabling
/// `enable_kargo` alone deploys nothing: `enable_cert_manager` must be on too. With dependency
/// resolution on, the resolver turns such requirements on (transitively) and reports each one;
/// with it off, it reports each missing requirement as a problem instead. An explicit `false`
/// is never overridden, in either mode: it is reported as a conflict.
///
/// Resolution is a pure function of its input, so the same input always yields the same labels
/// and problems in the same order, which keeps Terraform plans stable.
public struct AddonFlagResolver: Sendable {
  /// The catalog that says which flags exist and what they need.
  public let catalog: AddonCatalog

  /// Creates a resolver over `catalog`, the built-in DoKa Seca catalog unless told otherwise.
  public init(catalog: AddonCatalog = .dokaSeca) {
    self.catalog = catalog
  }

  /// Resolves `flags` (flag name → enabled).
  ///
  /// - Parameters:
  ///   - flags: The user's flags. Keys must be catalog flags; others are reported.
  ///   - resolveDependencies: Whether to enable unset requirements on the user's behalf (true)
  ///     or report them as missing (false).
  ///   - extraLabels: More labels for the cluster Secret. Keys and values must be valid
  ///     Kubernetes labels, and keys must not be addon flags.
  ///   - reservedLabelKeys: Label keys the caller sets itself (such as `environment`); extra
  ///     labels must not use them.
  public func resolve(
    flags: [String: Bool],
    resolveDependencies: Bool,
    extraLabels: [String: String] = [:],
    reservedLabelKeys: Set<String> = []
  ) -> ResolvedAddons {
    var problems: [AddonProblem] = []
    var labels: [String: String] = [:]

    var userEnabled: [String] = []
    var userDisabled = Set<String>()
    for key in flags.keys.sorted() {
      guard catalog.contains(flag: key) else {
        problems.append(.unknownFlag(key: key, suggestion: catalog.suggestion(for: key)))
        continue
      }
      let isOn = flags[key] == true
      labels[key] = isOn ? "true" : "false"
      if isOn { userEnabled.append(key) } else { userDisabled.insert(key) }
    }
    let userEnabledSet = Set(userEnabled)

    // Walk each enabled flag's requirements breadth first, in sorted order. A walk stops at a
    // flag the user set: an enabled one is walked as its own root, and a disabled one enables
    // nothing, so its requirements are not needed. The visited set guards against cycles, which
    // the built-in data has none of but a hand-built catalog might.
    var needed = Set<String>()  // unset requirements of enabled flags
    var disabledNeededBy: [String: Set<String>] = [:]
    var missing: [AddonProblem] = []
    for root in userEnabled {
      var visited: Set<String> = [root]
      var via: [String: [String]] = [root: []]
      var queue = [root]
      var index = 0
      while index < queue.count {
        let parent = queue[index]
        index += 1
        for requirement in catalog.requirements(of: parent) {
          // Checked before `visited` so that every flag needing a disabled one is named.
          if userDisabled.contains(requirement) {
            disabledNeededBy[requirement, default: []].insert(parent)
            continue
          }
          if userEnabledSet.contains(requirement) || visited.contains(requirement) { continue }
          visited.insert(requirement)
          let path = parent == root ? [] : (via[parent] ?? []) + [parent]
          via[requirement] = path
          needed.insert(requirement)
          if !resolveDependencies {
            missing.append(.missingRequirement(flag: root, requirement: requirement, via: path))
          }
          queue.append(requirement)
        }
      }
    }

    for requirement in disabledNeededBy.keys.sorted() {
      let requiredBy = disabledNeededBy[requirement, default: []].sorted()
      problems.append(.disabledRequirement(requirement: requirement, requiredBy: requiredBy))
    }
    problems += missing

    var enabled = userEnabledSet
    var autoEnabled: [AutoEnabledFlag] = []
    if resolveDependencies {
      enabled.formUnion(needed)
      for flag in needed.sorted() {
        labels[flag] = "true"
        let requiredBy = catalog.dependents(of: flag).filter { enabled.contains($0) }
        autoEnabled.append(AutoEnabledFlag(flag: flag, requiredBy: requiredBy))
      }
    }

    for key in extraLabels.keys.sorted() {
      let value = extraLabels[key] ?? ""
      var accepted = true
      if catalog.contains(flag: key) {
        problems.append(.extraLabelIsAddonFlag(key: key))
        accepted = false
      } else if reservedLabelKeys.contains(key) {
        problems.append(.extraLabelIsReserved(key: key))
        accepted = false
      } else if let reason = LabelValidation.invalidKeyReason(key) {
        problems.append(.invalidExtraLabelKey(key: key, reason: reason))
        accepted = false
      }
      if let reason = LabelValidation.invalidValueReason(value) {
        problems.append(.invalidExtraLabelValue(key: key, value: value, reason: reason))
        accepted = false
      }
      if accepted { labels[key] = value }
    }

    let deployed = catalog.entries.filter { entry in
      enabled.contains(entry.flag) && entry.requires.allSatisfy(enabled.contains)
    }
    return ResolvedAddons(
      labels: labels,
      enabled: enabled,
      autoEnabled: autoEnabled,
      problems: problems,
      deployedEntries: deployed
    )
  }
}
