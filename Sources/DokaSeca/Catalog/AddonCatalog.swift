/// The set of addons a cluster can turn on, and the queries the provider needs about them.
///
/// A catalog is immutable once built; its indexes are computed in ``init(entries:source:)`` so
/// queries are dictionary lookups. The built-in data is ``dokaSeca``.
public struct AddonCatalog: Sendable {
  /// Every entry, sorted by ApplicationSet name.
  public let entries: [AddonEntry]
  /// Every flag name: own flags and flags that only ever appear as a requirement (such as
  /// `enable_kafka`, which only `addons-kafbat-ui` needs). All are valid keys for the user.
  public let flags: Set<String>
  /// The distinct entry categories, sorted.
  public let categories: [String]
  /// The distinct entry tiers, sorted.
  public let tiers: [String]
  /// Where the data came from, for messages and documentation; empty when not known.
  public let source: String

  /// Entries indexed by their own flag; several ApplicationSets can share one flag.
  private let entriesByFlag: [String: [AddonEntry]]
  /// Direct requirements per flag, sorted, merged across the flag's entries.
  private let requirementsByFlag: [String: [String]]
  /// The inverse of `requirementsByFlag`: flags that directly need a flag, sorted.
  private let dependentsByFlag: [String: [String]]

  /// Builds a catalog from entries in any order.
  public init(entries: [AddonEntry], source: String = "") {
    let sorted = entries.sorted { $0.applicationSetName < $1.applicationSetName }
    self.entries = sorted
    self.source = source

    var flags = Set<String>()
    var entriesByFlag: [String: [AddonEntry]] = [:]
    var requirements: [String: Set<String>] = [:]
    var dependents: [String: Set<String>] = [:]
    for entry in sorted {
      flags.insert(entry.flag)
      entriesByFlag[entry.flag, default: []].append(entry)
      for requirement in entry.requires where requirement != entry.flag {
        flags.insert(requirement)
        requirements[entry.flag, default: []].insert(requirement)
        dependents[requirement, default: []].insert(entry.flag)
      }
    }
    self.flags = flags
    self.categories = Set(sorted.map(\.category)).sorted()
    self.tiers = Set(sorted.map(\.tier)).sorted()
    self.entriesByFlag = entriesByFlag
    self.requirementsByFlag = requirements.mapValues { $0.sorted() }
    self.dependentsByFlag = dependents.mapValues { $0.sorted() }
  }

  /// Whether `flag` is a flag of this catalog.
  public func contains(flag: String) -> Bool { flags.contains(flag) }

  /// All flags, sorted; handy for documentation and deterministic iteration.
  public var sortedFlags: [String] { flags.sorted() }

  /// The entries whose own flag is `flag`, sorted by ApplicationSet name: what turning the
  /// flag on deploys (once its requirements are on too). Empty for unknown flags and for flags
  /// that are only ever a requirement.
  public func entries(enabledBy flag: String) -> [AddonEntry] {
    entriesByFlag[flag] ?? []
  }

  /// The entry named `applicationSetName`, if any.
  public func entry(named applicationSetName: String) -> AddonEntry? {
    entries.first { $0.applicationSetName == applicationSetName }
  }

  /// The flags that `flag` directly needs, sorted: the union of ``AddonEntry/requires`` over
  /// ``entries(enabledBy:)``. Not transitive; ``AddonFlagResolver`` follows chains.
  public func requirements(of flag: String) -> [String] {
    requirementsByFlag[flag] ?? []
  }

  /// The flags that directly need `flag`, sorted; the inverse of ``requirements(of:)``.
  public func dependents(of flag: String) -> [String] {
    dependentsByFlag[flag] ?? []
  }

}
