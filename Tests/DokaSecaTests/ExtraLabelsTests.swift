import DokaSeca
import Testing

@Suite struct ExtraLabelsTests {
  let resolver = AddonFlagResolver()

  @Test func extraLabelsAreMergedWithFlagLabels() {
    let result = resolver.resolve(
      flags: ["enable_kargo": true, "enable_argo_cd": false],
      resolveDependencies: true,
      extraLabels: ["team": "platform", "example.com/owner": "alice", "empty": ""])
    #expect(result.problems.isEmpty)
    #expect(
      result.labels == [
        "enable_kargo": "true", "enable_cert_manager": "true", "enable_argo_cd": "false",
        "team": "platform", "example.com/owner": "alice", "empty": "",
      ])
    // Extra labels are not flags.
    #expect(result.enabled == ["enable_kargo", "enable_cert_manager"])
  }

  @Test func extraLabelThatTheUserAlsoSetAsAFlagIsRejected() throws {
    let result = resolver.resolve(
      flags: ["enable_kargo": false], resolveDependencies: true,
      extraLabels: ["enable_kargo": "true"])
    #expect(result.problems == [.extraLabelIsAddonFlag(key: "enable_kargo")])
    let problem = try #require(result.problems.first)
    #expect(problem.location == .extraLabels(key: "enable_kargo"))
    #expect(problem.summary == "Extra label is an addon flag")
    #expect(result.labels == ["enable_kargo": "false"])
  }

  @Test func extraLabelThatCollidesWithAnAutoEnabledFlagIsRejected() {
    let result = resolver.resolve(
      flags: ["enable_kargo": true], resolveDependencies: true,
      extraLabels: ["enable_cert_manager": "false"])
    #expect(result.problems == [.extraLabelIsAddonFlag(key: "enable_cert_manager")])
    #expect(result.labels["enable_cert_manager"] == "true")
  }

  @Test func extraLabelNamedLikeAnyFlagIsRejectedEvenIfUnset() {
    // Setting a flag label through extra labels would bypass requirement checks.
    let result = resolver.resolve(
      flags: [:], resolveDependencies: false, extraLabels: ["enable_kyverno": "true"])
    #expect(result.problems == [.extraLabelIsAddonFlag(key: "enable_kyverno")])
    #expect(result.labels.isEmpty)
    #expect(result.enabled.isEmpty)
  }

  @Test func reservedKeysAreRejected() throws {
    let result = resolver.resolve(
      flags: [:], resolveDependencies: false,
      extraLabels: ["environment": "prod", "team": "a"],
      reservedLabelKeys: ["environment", "cluster_name"])
    #expect(result.problems == [.extraLabelIsReserved(key: "environment")])
    #expect(try #require(result.problems.first).location == .extraLabels(key: "environment"))
    #expect(result.labels == ["team": "a"])
  }

  @Test func invalidKeysAndValuesAreReportedWithReasons() throws {
    let result = resolver.resolve(
      flags: [:], resolveDependencies: false,
      extraLabels: [
        "-bad": "ok", "good": "not ok", "worse key": "-bad-", "fine": "yes",
      ])
    #expect(result.problems.count == 4)
    #expect(result.labels == ["fine": "yes"])
    let locations = result.problems.map(\.location)
    #expect(
      locations == [
        .extraLabels(key: "-bad"), .extraLabels(key: "good"), .extraLabels(key: "worse key"),
        .extraLabels(key: "worse key"),
      ])
    guard case .invalidExtraLabelKey(let key, let reason) = result.problems[0] else {
      Issue.record("expected an invalid key, got \(result.problems[0])")
      return
    }
    #expect(key == "-bad")
    #expect(reason.contains("start and end with an alphanumeric character"))
    guard case .invalidExtraLabelValue(let key2, let value, _) = result.problems[1] else {
      Issue.record("expected an invalid value, got \(result.problems[1])")
      return
    }
    #expect(key2 == "good")
    #expect(value == "not ok")
    #expect(result.problems[1].summary == "Invalid extra label value")
    #expect(result.problems[1].detail.contains("\"not ok\""))
    #expect(result.problems[0].detail.contains("is not a valid Kubernetes label key"))
  }

  @Test func longValueIsRejected() {
    let value = String(repeating: "a", count: 64)
    let result = resolver.resolve(
      flags: [:], resolveDependencies: false, extraLabels: ["k": value])
    #expect(result.labels.isEmpty)
    guard case .invalidExtraLabelValue(_, _, let reason) = result.problems.first else {
      Issue.record("expected an invalid value, got \(result.problems)")
      return
    }
    #expect(reason.contains("63"))
  }
}
