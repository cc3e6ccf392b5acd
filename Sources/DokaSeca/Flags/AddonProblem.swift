/// Something wrong with the user's addon flags or extra labels, found by ``AddonFlagResolver``.
///
/// Problems are values rather than thrown errors so that one pass reports all of them, and each
/// names the key it is about (``location``) so the provider can attach the diagnostic to
/// `addons["<key>"]` or `extra_labels["<key>"]`. Every problem is an error: applying the labels
/// anyway would leave an addon silently undeployed or a flag label overwritten.
public enum AddonProblem: Hashable, Sendable {
  /// `key` in the addons map is not a flag of the catalog; `suggestion` is the closest valid
  /// flag, if any is close.
  case unknownFlag(key: String, suggestion: String?)
  /// With dependency resolution off: the enabled `flag` needs `requirement`, which the user did
  /// not set. `via` lists the flags in between when the need is indirect (empty when direct).
  case missingRequirement(flag: String, requirement: String, via: [String])
  /// The user set `requirement` to false, but the enabled flags `requiredBy` (sorted) need it.
  /// An error in both modes: resolving dependencies never overrides an explicit false.
  case disabledRequirement(requirement: String, requiredBy: [String])
  /// The extra label `key` is an addon flag; flag labels are set only through the addons map so
  /// that a flag has exactly one source of truth.
  case extraLabelIsAddonFlag(key: String)
  /// The extra label `key` is one the caller manages itself (such as `environment`).
  case extraLabelIsReserved(key: String)
  /// The extra label `key` is not a valid Kubernetes label key, for `reason`.
  case invalidExtraLabelKey(key: String, reason: String)
  /// The value of the extra label `key` is not a valid Kubernetes label value, for `reason`.
  case invalidExtraLabelValue(key: String, value: String, reason: String)

  /// Which map entry a problem is about.
  public enum Location: Hashable, Sendable {
    /// A key of the addons (flag) map.
    case addons(key: String)
    /// A key of the extra labels map.
    case extraLabels(key: String)
  }

  /// The map entry to attach the diagnostic to. A missing requirement points at the flag that
  /// needs it (the requirement has no entry to point at); a disabled requirement points at the
  /// explicit `false`, which is what has to change.
  public var location: Location {
    switch self {
    case .unknownFlag(let key, _): .addons(key: key)
    case .missingRequirement(let flag, _, _): .addons(key: flag)
    case .disabledRequirement(let requirement, _): .addons(key: requirement)
    case .extraLabelIsAddonFlag(let key): .extraLabels(key: key)
    case .extraLabelIsReserved(let key): .extraLabels(key: key)
    case .invalidExtraLabelKey(let key, _): .extraLabels(key: key)
    case .invalidExtraLabelValue(let key, _, _): .extraLabels(key: key)
    }
  }

  /// A short, fixed summary suitable for a diagnostic's title.
  public var summary: String {
    switch self {
    case .unknownFlag: "Unknown addon flag"
    case .missingRequirement: "Addon requirement not enabled"
    case .disabledRequirement: "Addon requirement disabled"
    case .extraLabelIsAddonFlag: "Extra label is an addon flag"
    case .extraLabelIsReserved: "Extra label is reserved"
    case .invalidExtraLabelKey: "Invalid extra label key"
    case .invalidExtraLabelValue: "Invalid extra label value"
    }
  }

  /// A full explanation naming the flags involved and what to change.
  public var detail: String {
    switch self {
    case .unknownFlag(let key, let suggestion):
      let hint = suggestion.map { " Did you mean \"\($0)\"?" } ?? ""
      return "\"\(key)\" is not a DoKa Seca addon flag.\(hint) Addon flags look like "
        + "\"enable_<addon>\", for example \"enable_cert_manager\"."
    case .missingRequirement(let flag, let requirement, let via):
      let through = via.isEmpty ? "" : " (through \(englishList(via)))"
      return "\(flag) needs \(requirement)\(through), which is not enabled, so its "
        + "ApplicationSet would not select this cluster. Set \(requirement) to true as well, or "
        + "turn on dependency resolution to have it enabled automatically."
    case .disabledRequirement(let requirement, let requiredBy):
      let verb = requiredBy.count == 1 ? "needs" : "need"
      return "\(requirement) is set to false, but \(englishList(requiredBy)) \(verb) it, so "
        + "\(requiredBy.count == 1 ? "that addon" : "those addons") would not be deployed. "
        + "Set \(requirement) to true, or disable the addons that need it. Dependency "
        + "resolution never overrides an explicit false."
    case .extraLabelIsAddonFlag(let key):
      return "\"\(key)\" is a DoKa Seca addon flag. Set it through the addons map instead of "
        + "as an extra label, so that each flag has one source of truth."
    case .extraLabelIsReserved(let key):
      return "\"\(key)\" is set by the provider itself and cannot be overridden by an extra "
        + "label."
    case .invalidExtraLabelKey(let key, let reason):
      return "\"\(key)\" is not a valid Kubernetes label key: \(reason)."
    case .invalidExtraLabelValue(let key, let value, let reason):
      return "The value \"\(value)\" of extra label \"\(key)\" is not a valid Kubernetes label "
        + "value: \(reason)."
    }
  }
}
