import DokaSeca
import Testing

/// The compiled catalog against the upstream JSON it was generated from: a stale or hand-edited
/// `AddonCatalog+Entries.swift` fails here.
@Suite struct CatalogDataTests {
  let catalog = AddonCatalog.dokaSeca

  /// The own flag and requirement of every ApplicationSet with two flags, written out by hand
  /// so the generator's rule is checked against an independent answer.
  static let twoFlagDecisions: [(appset: String, own: String, requirement: String)] = [
    ("addons-azure-service-operator", "enable_azure_service_operator", "enable_cert_manager"),
    ("addons-backstage", "enable_backstage", "enable_cloudnative_pg"),
    ("addons-dapr-dashboard", "enable_dapr_dashboard", "enable_dapr"),
    ("addons-flink-operator", "enable_flink_operator", "enable_cert_manager"),
    ("addons-gateways", "enable_gateway_class", "enable_gateway_api"),
    ("addons-kafbat-ui", "enable_kafka_ui", "enable_kafka"),
    ("addons-kargo", "enable_kargo", "enable_cert_manager"),
    ("addons-keda-addons-http", "enable_keda_addons_http", "enable_keda"),
    ("addons-keda-kaito-scaler", "enable_keda_kaito_scaler", "enable_keda"),
    ("addons-kepler", "enable_kepler", "enable_kube_prometheus_stack"),
    ("addons-kiali-operator", "enable_kiali", "enable_istio"),
    ("addons-komoplane", "enable_komoplane", "enable_crossplane"),
    ("addons-kro-rgds", "enable_kro_rgds", "enable_kro"),
    ("addons-kube-green", "enable_kube_green", "enable_cert_manager"),
    ("addons-kyverno-policies", "enable_kyverno_policies", "enable_kyverno"),
    ("addons-kyverno-policy-reporter", "enable_policy_reporter", "enable_kyverno"),
    ("addons-open-dora", "enable_open_dora", "enable_devlake"),
    ("addons-open-feature", "enable_open_feature", "enable_cert_manager"),
    ("addons-openobserve", "enable_openobserve", "enable_certmanager"),
    ("addons-slurm-operator", "enable_slurm_operator", "enable_cert_manager"),
  ]

  @Test func countsMatchUpstream() throws {
    let upstream = try UpstreamDocument.load()
    #expect(upstream.applicationsets.count == 168)
    #expect(catalog.entries.count == 168)
    #expect(catalog.entries.count == upstream.applicationsets.count)
    #expect(catalog.flags.count == 167)
    #expect(catalog.flags == Set(upstream.applicationsets.flatMap(\.flags)))
  }

  @Test func sourceNamesTheUpstreamCommit() throws {
    let upstream = try UpstreamDocument.load()
    #expect(catalog.source == upstream.source)
    #expect(AddonCatalog.dokaSecaSource == upstream.source)
    #expect(catalog.source.contains("97bf92c"))
  }

  @Test func entriesAreSortedByApplicationSetNameAndUnique() throws {
    let names = catalog.entries.map(\.applicationSetName)
    #expect(names == names.sorted())
    #expect(Set(names).count == names.count)
    let upstream = try UpstreamDocument.load()
    #expect(Set(names) == Set(upstream.applicationsets.map(\.appset)))
  }

  @Test func everyFieldOfEveryEntryMatchesUpstream() throws {
    let upstream = try UpstreamDocument.load()
    for expected in upstream.applicationsets {
      let entry = try #require(
        catalog.entry(named: expected.appset), "missing \(expected.appset)")
      #expect(entry.tier == expected.tier, "\(expected.appset)")
      #expect(entry.category == expected.category, "\(expected.appset)")
      #expect(entry.chart == expected.chart, "\(expected.appset)")
      #expect(entry.chartRepository == expected.chartRepository, "\(expected.appset)")
      #expect(entry.chartVersion == expected.chartVersion, "\(expected.appset)")
      #expect(
        entry.chartVersionByEnvironment == expected.chartVersionByEnvironment,
        "\(expected.appset)")
      #expect(entry.namespace == expected.namespace, "\(expected.appset)")
      #expect(entry.file == expected.file, "\(expected.appset)")
      #expect(entry.flags == expected.flags.sorted(), "\(expected.appset)")
      #expect(expected.flags.contains(entry.flag), "\(expected.appset)")
      #expect(
        entry.requires == expected.flags.filter { $0 != entry.flag }.sorted(),
        "\(expected.appset)")
    }
  }

  @Test func singleFlagEntriesOwnTheirFlagAndRequireNothing() throws {
    let upstream = try UpstreamDocument.load()
    let single = upstream.applicationsets.filter { $0.flags.count == 1 }
    #expect(single.count == 148)
    for expected in single {
      let entry = try #require(catalog.entry(named: expected.appset))
      #expect(entry.flag == expected.flags[0])
      #expect(entry.requires.isEmpty)
    }
  }

  @Test func twoFlagEntriesAreExactlyTheKnownTwenty() throws {
    let upstream = try UpstreamDocument.load()
    let twoFlag = upstream.applicationsets.filter { $0.flags.count == 2 }.map(\.appset)
    #expect(twoFlag.count == 20)
    #expect(upstream.applicationsets.allSatisfy { (1...2).contains($0.flags.count) })
    #expect(Set(twoFlag) == Set(Self.twoFlagDecisions.map(\.appset)))
    let withRequirements = catalog.entries.filter { !$0.requires.isEmpty }
    #expect(withRequirements.map(\.applicationSetName) == Self.twoFlagDecisions.map(\.appset))
  }

  @Test(arguments: twoFlagDecisions)
  func ownFlagAndRequirementOfTwoFlagEntry(appset: String, own: String, requirement: String)
    throws
  {
    let entry = try #require(catalog.entry(named: appset))
    #expect(entry.flag == own)
    #expect(entry.requires == [requirement])
    #expect(catalog.requirements(of: own) == [requirement])
    #expect(catalog.dependents(of: requirement).contains(own))
  }

  /// `requirements(of:)` for every flag, derived independently from the upstream flags and the
  /// hand-written decisions above.
  @Test func requirementMappingForEveryFlag() throws {
    let upstream = try UpstreamDocument.load()
    var expected: [String: Set<String>] = [:]
    let decisions = Dictionary(
      uniqueKeysWithValues: Self.twoFlagDecisions.map { ($0.appset, ($0.own, $0.requirement)) })
    for applicationSet in upstream.applicationsets {
      if let (own, requirement) = decisions[applicationSet.appset] {
        expected[own, default: []].insert(requirement)
      }
    }
    for flag in catalog.sortedFlags {
      #expect(catalog.requirements(of: flag) == (expected[flag] ?? []).sorted(), "\(flag)")
    }
  }

  @Test func namedExamples() {
    #expect(catalog.requirements(of: "enable_kargo") == ["enable_cert_manager"])
    #expect(catalog.requirements(of: "enable_kyverno_policies") == ["enable_kyverno"])
    #expect(catalog.requirements(of: "enable_openobserve") == ["enable_certmanager"])
    #expect(catalog.requirements(of: "enable_cert_manager").isEmpty)
    #expect(catalog.requirements(of: "enable_kyverno").isEmpty)
  }

  @Test func requirementOnlyFlagsAreFlagsWithoutEntries() {
    // Upstream's odd `enable_certmanager` and `enable_kafka` are kept as they are.
    for flag in ["enable_kafka", "enable_certmanager"] {
      #expect(catalog.flags.contains(flag))
      #expect(catalog.entries(enabledBy: flag).isEmpty)
    }
    let ownFlags = Set(catalog.entries.map(\.flag))
    #expect(catalog.flags.subtracting(ownFlags) == ["enable_kafka", "enable_certmanager"])
  }

  @Test func kustomizeEntriesHaveNoChart() throws {
    let kustomize = catalog.entries.filter { $0.chart == nil }
    #expect(
      kustomize.map(\.applicationSetName) == [
        "addons-gateway-api", "addons-kokumi", "addons-parca",
      ])
    for entry in kustomize {
      #expect(entry.chartRepository == nil)
      #expect(entry.chartVersion == nil)
      #expect(entry.chartVersionByEnvironment.isEmpty)
    }
  }

  @Test func everyFlagIsAValidLabelKey() {
    for flag in catalog.flags {
      #expect(LabelValidation.invalidKeyReason(flag) == nil, "\(flag)")
    }
  }

  @Test func requirementsFormNoCycle() {
    // The resolver guards against cycles anyway; this pins down that the data has none.
    func reaches(_ start: String, _ target: String, seen: inout Set<String>) -> Bool {
      for next in catalog.requirements(of: start) where seen.insert(next).inserted {
        if next == target || reaches(next, target, seen: &seen) { return true }
      }
      return false
    }
    for flag in catalog.flags {
      var seen = Set<String>()
      #expect(!reaches(flag, flag, seen: &seen), "\(flag)")
    }
  }
}
