import DokaSeca
import Testing

/// Every problem points at the map entry the provider should attach its diagnostic to, and
/// its text names the keys involved.
@Suite struct AddonProblemTests {
  static let cases: [(problem: AddonProblem, location: AddonProblem.Location, mentions: [String])] =
    [
      (
        .unknownFlag(key: "kyverno", suggestion: "enable_kyverno"), .addons(key: "kyverno"),
        ["\"kyverno\"", "Did you mean \"enable_kyverno\"?"]
      ),
      (
        .unknownFlag(key: "zzz", suggestion: nil), .addons(key: "zzz"),
        ["\"zzz\" is not a DoKa Seca addon flag."]
      ),
      (
        .missingRequirement(flag: "enable_kargo", requirement: "enable_cert_manager", via: []),
        .addons(key: "enable_kargo"),
        [
          "enable_kargo needs enable_cert_manager, which is not enabled",
          "Set enable_cert_manager to true",
        ]
      ),
      (
        .missingRequirement(
          flag: "enable_a", requirement: "enable_d", via: ["enable_b", "enable_c"]),
        .addons(key: "enable_a"),
        ["enable_a needs enable_d (through enable_b and enable_c)"]
      ),
      (
        .disabledRequirement(requirement: "enable_kyverno", requiredBy: ["enable_policy_reporter"]),
        .addons(key: "enable_kyverno"),
        ["enable_kyverno is set to false, but enable_policy_reporter needs it", "that addon"]
      ),
      (
        .disabledRequirement(
          requirement: "enable_x", requiredBy: ["enable_a", "enable_b", "enable_c"]),
        .addons(key: "enable_x"),
        ["enable_a, enable_b and enable_c need it", "those addons"]
      ),
      (
        .extraLabelIsAddonFlag(key: "enable_kargo"), .extraLabels(key: "enable_kargo"),
        ["\"enable_kargo\" is a DoKa Seca addon flag"]
      ),
      (
        .extraLabelIsReserved(key: "environment"), .extraLabels(key: "environment"),
        ["\"environment\""]
      ),
      (
        .invalidExtraLabelKey(key: "a b", reason: "why"), .extraLabels(key: "a b"),
        ["\"a b\" is not a valid Kubernetes label key: why."]
      ),
      (
        .invalidExtraLabelValue(key: "k", value: "a b", reason: "why"), .extraLabels(key: "k"),
        ["The value \"a b\" of extra label \"k\"", ": why."]
      ),
    ]

  @Test(arguments: cases)
  func locationAndText(problem: AddonProblem, location: AddonProblem.Location, mentions: [String]) {
    #expect(problem.location == location)
    #expect(!problem.summary.isEmpty)
    #expect(!problem.summary.hasSuffix("."))
    for fragment in mentions {
      #expect(problem.detail.contains(fragment), "\(problem.detail)")
    }
  }

  @Test func summariesAreDistinctPerKind() {
    let summaries = Set(Self.cases.map(\.problem.summary))
    #expect(summaries.count == 7)
  }
}
