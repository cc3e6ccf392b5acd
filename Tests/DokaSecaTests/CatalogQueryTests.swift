import DokaSeca
import Testing

@Suite struct CatalogQueryTests {
  let catalog = AddonCatalog.dokaSeca

  @Test func entriesEnabledByAFlag() {
    #expect(
      catalog.entries(enabledBy: "enable_cert_manager").map(\.applicationSetName) == [
        "addons-cert-manager"
      ])
    #expect(
      catalog.entries(enabledBy: "enable_kargo").map(\.applicationSetName) == ["addons-kargo"])
    // Some flags deploy more than one ApplicationSet; upstream's data is kept as it is.
    #expect(
      catalog.entries(enabledBy: "enable_falco").map(\.applicationSetName) == [
        "addons-falco", "addons-falcosidekick",
      ])
    #expect(
      catalog.entries(enabledBy: "enable_traefik").map(\.applicationSetName) == [
        "addons-tracee", "addons-traefik",
      ])
    #expect(catalog.entries(enabledBy: "enable_nonexistent").isEmpty)
  }

  @Test func everyEntryIsFoundThroughItsOwnFlag() {
    for entry in catalog.entries {
      #expect(catalog.entries(enabledBy: entry.flag).contains(entry), "\(entry.applicationSetName)")
    }
    let total = Set(catalog.entries.map(\.flag)).reduce(0) {
      $0 + catalog.entries(enabledBy: $1).count
    }
    #expect(total == catalog.entries.count)
  }

  @Test func dependentsAreTheInverseOfRequirements() {
    #expect(
      catalog.dependents(of: "enable_cert_manager") == [
        "enable_azure_service_operator", "enable_flink_operator", "enable_kargo",
        "enable_kube_green", "enable_open_feature", "enable_slurm_operator",
      ])
    #expect(
      catalog.dependents(of: "enable_kyverno") == [
        "enable_kyverno_policies", "enable_policy_reporter",
      ])
    #expect(catalog.dependents(of: "enable_kargo").isEmpty)
    for flag in catalog.flags {
      for requirement in catalog.requirements(of: flag) {
        #expect(catalog.dependents(of: requirement).contains(flag))
      }
    }
  }

  @Test func unknownFlagsHaveNoRequirementsOrDependents() {
    #expect(!catalog.contains(flag: "enable_nonexistent"))
    #expect(catalog.requirements(of: "enable_nonexistent").isEmpty)
    #expect(catalog.dependents(of: "enable_nonexistent").isEmpty)
    #expect(catalog.contains(flag: "enable_kargo"))
  }

  @Test func categoriesAndTiersAreSortedAndDistinct() throws {
    let upstream = try UpstreamDocument.load()
    #expect(catalog.categories == Set(upstream.applicationsets.map(\.category)).sorted())
    #expect(catalog.categories.count == 37)
    #expect(catalog.categories.first == "analytics")
    #expect(catalog.tiers == ["azure", "enterprise", "exclude", "internal", "oss"])
  }

  @Test func sortedFlagsListsEveryFlagOnce() {
    #expect(catalog.sortedFlags == catalog.flags.sorted())
    #expect(catalog.sortedFlags.count == 167)
  }

  @Test func handBuiltCatalogSortsEntriesAndMergesRequirements() {
    let custom = AddonCatalog(
      entries: [
        AddonEntry(applicationSetName: "b", tier: "t", category: "y", flag: "enable_b"),
        AddonEntry(
          applicationSetName: "a2", tier: "t", category: "x", flag: "enable_a",
          requires: ["enable_c"]),
        AddonEntry(
          applicationSetName: "a1", tier: "t", category: "x", flag: "enable_a",
          requires: ["enable_b", "enable_a"]),
      ], source: "test")
    #expect(custom.entries.map(\.applicationSetName) == ["a1", "a2", "b"])
    #expect(custom.flags == ["enable_a", "enable_b", "enable_c"])
    // A flag listed as its own requirement is ignored rather than treated as a cycle.
    #expect(custom.requirements(of: "enable_a") == ["enable_b", "enable_c"])
    #expect(custom.dependents(of: "enable_c") == ["enable_a"])
    #expect(custom.categories == ["x", "y"])
    #expect(custom.source == "test")
  }

  @Test func entryInitializerSortsRequirements() {
    let entry = AddonEntry(
      applicationSetName: "x", tier: "t", category: "c", flag: "enable_x",
      requires: ["enable_z", "enable_a"])
    #expect(entry.requires == ["enable_a", "enable_z"])
    #expect(entry.flags == ["enable_a", "enable_x", "enable_z"])
    #expect(entry.chart == nil)
    #expect(entry.chartVersionByEnvironment.isEmpty)
  }
}
