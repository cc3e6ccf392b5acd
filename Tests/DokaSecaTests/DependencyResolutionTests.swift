import DokaSeca
import Testing

@Suite struct DependencyResolutionTests {
  let resolver = AddonFlagResolver()

  /// A → B → C, plus D which nothing needs: a chain the built-in data does not have.
  static let chain = AddonCatalog(entries: [
    AddonEntry(
      applicationSetName: "addons-a", tier: "t", category: "c", flag: "enable_a",
      requires: ["enable_b"]),
    AddonEntry(
      applicationSetName: "addons-b", tier: "t", category: "c", flag: "enable_b",
      requires: ["enable_c"]),
    AddonEntry(applicationSetName: "addons-c", tier: "t", category: "c", flag: "enable_c"),
    AddonEntry(applicationSetName: "addons-d", tier: "t", category: "c", flag: "enable_d"),
  ])

  /// A needs B and C, both of which need D.
  static let diamond = AddonCatalog(entries: [
    AddonEntry(
      applicationSetName: "addons-a", tier: "t", category: "c", flag: "enable_a",
      requires: ["enable_b", "enable_c"]),
    AddonEntry(
      applicationSetName: "addons-b", tier: "t", category: "c", flag: "enable_b",
      requires: ["enable_d"]),
    AddonEntry(
      applicationSetName: "addons-c", tier: "t", category: "c", flag: "enable_c",
      requires: ["enable_d"]),
    AddonEntry(applicationSetName: "addons-d", tier: "t", category: "c", flag: "enable_d"),
  ])

  // MARK: - Without dependency resolution

  @Test func strictModeReportsTheMissingRequirementAtTheFlagThatNeedsIt() throws {
    let result = resolver.resolve(flags: ["enable_kargo": true], resolveDependencies: false)
    #expect(
      result.problems == [
        .missingRequirement(flag: "enable_kargo", requirement: "enable_cert_manager", via: [])
      ])
    let problem = try #require(result.problems.first)
    #expect(problem.location == .addons(key: "enable_kargo"))
    #expect(problem.summary == "Addon requirement not enabled")
    #expect(problem.detail.contains("enable_kargo needs enable_cert_manager"))
    #expect(result.labels == ["enable_kargo": "true"])
    #expect(result.enabled == ["enable_kargo"])
    #expect(result.autoEnabled.isEmpty)
    #expect(result.deployedEntries.isEmpty)
    #expect(result.hasProblems)
  }

  @Test func strictModeAcceptsSatisfiedRequirements() {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_cert_manager": true], resolveDependencies: false)
    #expect(result.problems.isEmpty)
    #expect(!result.hasProblems)
    #expect(result.labels == ["enable_kargo": "true", "enable_cert_manager": "true"])
    #expect(result.enabled == ["enable_kargo", "enable_cert_manager"])
    #expect(
      result.deployedEntries.map(\.applicationSetName) == ["addons-cert-manager", "addons-kargo"])
  }

  @Test func strictModeReportsTransitiveRequirementsWithTheirPath() throws {
    let result = AddonFlagResolver(catalog: Self.chain).resolve(
      flags: ["enable_a": true], resolveDependencies: false)
    #expect(
      result.problems == [
        .missingRequirement(flag: "enable_a", requirement: "enable_b", via: []),
        .missingRequirement(flag: "enable_a", requirement: "enable_c", via: ["enable_b"]),
      ])
    #expect(result.problems.allSatisfy { $0.location == .addons(key: "enable_a") })
    let indirect = try #require(result.problems.last)
    #expect(indirect.detail.contains("enable_a needs enable_c (through enable_b)"))
    #expect(result.labels == ["enable_a": "true"])
  }

  @Test func strictModeStopsAtFlagsTheUserEnabled() {
    // enable_b is the user's own root, so enable_c is reported for enable_b only.
    let result = AddonFlagResolver(catalog: Self.chain).resolve(
      flags: ["enable_a": true, "enable_b": true], resolveDependencies: false)
    #expect(
      result.problems == [
        .missingRequirement(flag: "enable_b", requirement: "enable_c", via: [])
      ])
  }

  // MARK: - With dependency resolution

  @Test func resolvingEnablesTheRequirementAndSaysSo() throws {
    let result = resolver.resolve(flags: ["enable_kargo": true], resolveDependencies: true)
    #expect(result.problems.isEmpty)
    #expect(result.labels == ["enable_kargo": "true", "enable_cert_manager": "true"])
    #expect(result.enabled == ["enable_kargo", "enable_cert_manager"])
    #expect(
      result.autoEnabled == [
        AutoEnabledFlag(flag: "enable_cert_manager", requiredBy: ["enable_kargo"])
      ])
    let auto = try #require(result.autoEnabled.first)
    #expect(auto.message == "enable_kargo needs enable_cert_manager; it was enabled too.")
    #expect(
      result.deployedEntries.map(\.applicationSetName) == ["addons-cert-manager", "addons-kargo"])
  }

  @Test func resolvingNamesEveryFlagThatNeededTheRequirement() throws {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_kube_green": true, "enable_kyverno_policies": true],
      resolveDependencies: true)
    #expect(result.problems.isEmpty)
    #expect(
      result.autoEnabled == [
        AutoEnabledFlag(
          flag: "enable_cert_manager", requiredBy: ["enable_kargo", "enable_kube_green"]),
        AutoEnabledFlag(flag: "enable_kyverno", requiredBy: ["enable_kyverno_policies"]),
      ])
    #expect(
      result.autoEnabled.first?.message
        == "enable_kargo and enable_kube_green need enable_cert_manager; it was enabled too.")
  }

  @Test func resolvingDoesNotTouchRequirementsTheUserAlreadyEnabled() {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_cert_manager": true], resolveDependencies: true)
    #expect(result.autoEnabled.isEmpty)
    #expect(result.problems.isEmpty)
  }

  @Test func resolvingIsTransitive() {
    let result = AddonFlagResolver(catalog: Self.chain).resolve(
      flags: ["enable_a": true], resolveDependencies: true)
    #expect(result.problems.isEmpty)
    #expect(result.labels == ["enable_a": "true", "enable_b": "true", "enable_c": "true"])
    #expect(
      result.autoEnabled == [
        AutoEnabledFlag(flag: "enable_b", requiredBy: ["enable_a"]),
        AutoEnabledFlag(flag: "enable_c", requiredBy: ["enable_b"]),
      ])
    #expect(
      result.deployedEntries.map(\.applicationSetName) == ["addons-a", "addons-b", "addons-c"])
  }

  @Test func diamondRequirementIsEnabledOnceForBothPaths() {
    let result = AddonFlagResolver(catalog: Self.diamond).resolve(
      flags: ["enable_a": true], resolveDependencies: true)
    #expect(
      result.autoEnabled == [
        AutoEnabledFlag(flag: "enable_b", requiredBy: ["enable_a"]),
        AutoEnabledFlag(flag: "enable_c", requiredBy: ["enable_a"]),
        AutoEnabledFlag(flag: "enable_d", requiredBy: ["enable_b", "enable_c"]),
      ])
    let strict = AddonFlagResolver(catalog: Self.diamond).resolve(
      flags: ["enable_a": true], resolveDependencies: false)
    #expect(
      strict.problems == [
        .missingRequirement(flag: "enable_a", requirement: "enable_b", via: []),
        .missingRequirement(flag: "enable_a", requirement: "enable_c", via: []),
        .missingRequirement(flag: "enable_a", requirement: "enable_d", via: ["enable_b"]),
      ])
  }

  @Test func cyclicCatalogStillTerminates() {
    let cyclic = AddonCatalog(entries: [
      AddonEntry(
        applicationSetName: "addons-a", tier: "t", category: "c", flag: "enable_a",
        requires: ["enable_b"]),
      AddonEntry(
        applicationSetName: "addons-b", tier: "t", category: "c", flag: "enable_b",
        requires: ["enable_c"]),
      AddonEntry(
        applicationSetName: "addons-c", tier: "t", category: "c", flag: "enable_c",
        requires: ["enable_a"]),
    ])
    let resolved = AddonFlagResolver(catalog: cyclic).resolve(
      flags: ["enable_a": true], resolveDependencies: true)
    #expect(resolved.enabled == ["enable_a", "enable_b", "enable_c"])
    #expect(resolved.problems.isEmpty)
    #expect(resolved.deployedEntries.count == 3)
    let strict = AddonFlagResolver(catalog: cyclic).resolve(
      flags: ["enable_b": true], resolveDependencies: false)
    #expect(
      strict.problems == [
        .missingRequirement(flag: "enable_b", requirement: "enable_c", via: []),
        .missingRequirement(flag: "enable_b", requirement: "enable_a", via: ["enable_c"]),
      ])
  }

  // MARK: - Explicit false

  @Test(arguments: [false, true])
  func disabledRequirementIsAConflictInBothModes(resolveDependencies: Bool) throws {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_cert_manager": false],
      resolveDependencies: resolveDependencies)
    #expect(
      result.problems == [
        .disabledRequirement(requirement: "enable_cert_manager", requiredBy: ["enable_kargo"])
      ])
    let problem = try #require(result.problems.first)
    #expect(problem.location == .addons(key: "enable_cert_manager"))
    #expect(problem.summary == "Addon requirement disabled")
    #expect(
      problem.detail.contains("enable_cert_manager is set to false, but enable_kargo needs it"))
    // The explicit false is never overridden.
    #expect(result.labels == ["enable_kargo": "true", "enable_cert_manager": "false"])
    #expect(result.enabled == ["enable_kargo"])
    #expect(result.autoEnabled.isEmpty)
    #expect(result.deployedEntries.isEmpty)
  }

  @Test func oneConflictNamesEveryFlagThatNeedsTheDisabledRequirement() {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_kube_green": true, "enable_cert_manager": false],
      resolveDependencies: true)
    #expect(
      result.problems == [
        .disabledRequirement(
          requirement: "enable_cert_manager", requiredBy: ["enable_kargo", "enable_kube_green"])
      ])
    #expect(
      result.problems.first?.detail.contains("enable_kargo and enable_kube_green need it") == true)
  }

  @Test func transitiveConflictNamesTheDirectDependent() {
    let result = AddonFlagResolver(catalog: Self.chain).resolve(
      flags: ["enable_a": true, "enable_c": false], resolveDependencies: true)
    #expect(
      result.problems == [.disabledRequirement(requirement: "enable_c", requiredBy: ["enable_b"])])
    #expect(result.autoEnabled == [AutoEnabledFlag(flag: "enable_b", requiredBy: ["enable_a"])])
    #expect(result.labels["enable_c"] == "false")
  }

  @Test func disabledFlagsNeedNothing() {
    for resolve in [false, true] {
      let result = resolver.resolve(
        flags: ["enable_kargo": false, "enable_kyverno_policies": false],
        resolveDependencies: resolve)
      #expect(result.problems.isEmpty)
      #expect(result.enabled.isEmpty)
      #expect(result.autoEnabled.isEmpty)
      #expect(result.labels == ["enable_kargo": "false", "enable_kyverno_policies": "false"])
    }
  }

  // MARK: - Unknown flags

  @Test func unknownFlagIsReportedWithASuggestionAndLeftOut() throws {
    let result = resolver.resolve(
      flags: ["enable_kyvern": true, "kyverno": false, "enable_zzzzzzzz": true],
      resolveDependencies: true)
    #expect(
      result.problems == [
        .unknownFlag(key: "enable_kyvern", suggestion: "enable_kyverno"),
        .unknownFlag(key: "enable_zzzzzzzz", suggestion: nil),
        .unknownFlag(key: "kyverno", suggestion: "enable_kyverno"),
      ])
    #expect(result.labels.isEmpty)
    #expect(result.enabled.isEmpty)
    let problem = try #require(result.problems.first)
    #expect(problem.location == .addons(key: "enable_kyvern"))
    #expect(problem.summary == "Unknown addon flag")
    #expect(problem.detail.contains("Did you mean \"enable_kyverno\"?"))
    #expect(result.problems[1].detail.contains("Did you mean") == false)
  }

  @Test func requirementOnlyFlagsAreValidInput() {
    let result = resolver.resolve(flags: ["enable_kafka": true], resolveDependencies: false)
    #expect(result.problems.isEmpty)
    #expect(result.labels == ["enable_kafka": "true"])
    #expect(result.deployedEntries.isEmpty)
  }

  // MARK: - Whole catalog and determinism

  @Test func enablingEveryFlagDeploysEveryEntry() {
    let all = Dictionary(uniqueKeysWithValues: AddonCatalog.dokaSeca.flags.map { ($0, true) })
    let result = resolver.resolve(flags: all, resolveDependencies: false)
    #expect(result.problems.isEmpty)
    #expect(result.enabled.count == 167)
    #expect(result.deployedEntries == AddonCatalog.dokaSeca.entries)
  }

  @Test func problemsComeInAFixedOrder() throws {
    let badKeyReason = try #require(LabelValidation.invalidKeyReason("bad key"))
    let result = resolver.resolve(
      flags: [
        "enable_kargo": true, "enable_cert_manager": false, "enable_kyverno_policies": true,
        "enable_kargoo": true,
      ],
      resolveDependencies: false,
      extraLabels: ["bad key": "x", "enable_kargo": "true"])
    #expect(
      result.problems == [
        .unknownFlag(key: "enable_kargoo", suggestion: "enable_kargo"),
        .disabledRequirement(requirement: "enable_cert_manager", requiredBy: ["enable_kargo"]),
        .missingRequirement(
          flag: "enable_kyverno_policies", requirement: "enable_kyverno", via: []),
        .invalidExtraLabelKey(key: "bad key", reason: badKeyReason),
        .extraLabelIsAddonFlag(key: "enable_kargo"),
      ])
  }

  @Test func resultsAreDeterministic() {
    let flags: [String: Bool] = [
      "enable_kargo": true, "enable_kube_green": true, "enable_kyverno_policies": true,
      "enable_policy_reporter": true, "enable_keda_addons_http": true,
      "enable_keda_kaito_scaler": true, "enable_cert_manager": false, "enable_kyvern": true,
    ]
    let extra = ["team": "platform", "example.com/owner": "alice", "enable_keda": "x"]
    let first = resolver.resolve(flags: flags, resolveDependencies: true, extraLabels: extra)
    for _ in 0..<20 {
      // Rebuilt dictionaries hash in a different order; the result must not care.
      let shuffledFlags = Dictionary(uniqueKeysWithValues: flags.shuffled())
      let shuffledExtra = Dictionary(uniqueKeysWithValues: extra.shuffled())
      let again = resolver.resolve(
        flags: shuffledFlags, resolveDependencies: true, extraLabels: shuffledExtra)
      #expect(again == first)
    }
    #expect(first.autoEnabled.map(\.flag) == ["enable_keda", "enable_kyverno"])
    #expect(
      first.problems.map(\.location) == [
        .addons(key: "enable_kyvern"), .addons(key: "enable_cert_manager"),
        .extraLabels(key: "enable_keda"),
      ])
  }
}
