/// The outcome of resolving a cluster's addon flags: the labels to put on the ArgoCD cluster
/// Secret, what they enable, and everything wrong with the input.
public struct ResolvedAddons: Hashable, Sendable {
  /// The labels for the cluster Secret: each known user flag as `"true"` or `"false"`, each
  /// requirement enabled on the user's behalf as `"true"`, and the valid, non-colliding extra
  /// labels. Unknown flags and rejected extra labels are left out.
  public var labels: [String: String]
  /// The flags whose label is `"true"`.
  public var enabled: Set<String>
  /// Requirements turned on for the user, sorted by flag; empty unless dependency resolution is
  /// on. The provider warns about each.
  public var autoEnabled: [AutoEnabledFlag]
  /// What is wrong with the input, in a deterministic order: unknown flags (by key), disabled
  /// requirements (by requirement), missing requirements (by the flag that needs them, then
  /// nearest requirement first), then extra label problems (by key).
  public var problems: [AddonProblem]
  /// The entries whose ApplicationSets select the cluster with these labels: every one of their
  /// flags is enabled. Sorted by ApplicationSet name.
  public var deployedEntries: [AddonEntry]

  /// Creates a result; normally only ``AddonFlagResolver`` does, but tests and callers that
  /// adjust a result may too.
  public init(
    labels: [String: String],
    enabled: Set<String>,
    autoEnabled: [AutoEnabledFlag],
    problems: [AddonProblem],
    deployedEntries: [AddonEntry]
  ) {
    self.labels = labels
    self.enabled = enabled
    self.autoEnabled = autoEnabled
    self.problems = problems
    self.deployedEntries = deployedEntries
  }

  /// Whether the input had any problem. The labels are only meant to be applied when it did not.
  public var hasProblems: Bool { !problems.isEmpty }

  /// ``enabled``, sorted.
  public var sortedEnabled: [String] { enabled.sorted() }
}
