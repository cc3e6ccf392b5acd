import TerraformValues
import Testing

@testable import TerraformProviderFramework

/// The plan the framework hands a resource, and the rules it holds the resource's results to.
@Suite struct PlanningTests {
  let schema = Schema(attributes: [
    Attribute("name", type: .string, .required, description: "x", planModifiers: [.requiresReplace]),
    Attribute("flags", type: .map(.bool), .optional, description: "x"),
    Attribute("retries", type: .number, .optionalComputed, description: "x", defaultValue: 3),
    Attribute("labels", type: .map(.string), .computed, description: "x"),
    Attribute("id", type: .string, .computed, description: "x", planModifiers: [.useStateForUnknown]),
  ])

  var planner: ResourcePlanner { ResourcePlanner(schema: schema) }

  @Test func createPlansDefaultsAndUnknownComputedValues() {
    let config: Value = .object(["name": "a", "flags": .null, "retries": .null, "labels": .null, "id": .null])
    let planned = planner.plan(proposed: config, config: config, prior: .null)
    #expect(planned[attribute: "retries"] == 3)
    #expect(planned[attribute: "labels"] == .unknownValue)
    #expect(planned[attribute: "id"] == .unknownValue)
    #expect(planned[attribute: "name"] == "a")
    #expect(ConsistencyRules.planErrors(schema: schema, config: config, planned: planned).isEmpty)
  }

  @Test func anUnchangedConfigurationPlansThePriorStateExactly() {
    let prior: Value = .object([
      "name": "a", "flags": .map(["x": true]), "retries": 3, "labels": .map(["x": "true"]), "id": "a",
    ])
    let config: Value = .object([
      "name": "a", "flags": .map(["x": true]), "retries": .null, "labels": .null, "id": .null,
    ])
    #expect(planner.plan(proposed: prior, config: config, prior: prior) == prior)
  }

  @Test func aChangeMarksComputedValuesUnknownButKeepsStableOnes() {
    let prior: Value = .object([
      "name": "a", "flags": .map(["x": true]), "retries": 3, "labels": .map(["x": "true"]), "id": "a",
    ])
    let config: Value = .object([
      "name": "a", "flags": .map(["x": false]), "retries": .null, "labels": .null, "id": .null,
    ])
    let proposed = prior.settingAttribute("flags", to: .map(["x": false]))
    let planned = planner.plan(proposed: proposed, config: config, prior: prior)
    #expect(planned[attribute: "labels"] == .unknownValue)
    #expect(planned[attribute: "id"] == "a")
    #expect(planner.replacementPaths(planned: planned, prior: prior).isEmpty)
    let renamed = planned.settingAttribute("name", to: "b")
    #expect(planner.replacementPaths(planned: renamed, prior: prior) == [AttributePath("name")])
  }

  @Test func planErrorsNameTheAttributeAProviderChanged() {
    let config: Value = .object(["name": "a", "flags": .null, "retries": .null, "labels": .null, "id": .null])
    let planned: Value = .object([
      "name": "b", "flags": .map([:]), "retries": 3, "labels": .unknownValue, "id": .unknownValue,
    ])
    let errors = ConsistencyRules.planErrors(schema: schema, config: config, planned: planned)
    #expect(Set(errors.compactMap(\.attribute)) == [AttributePath("name"), AttributePath("flags")])
  }

  @Test func applyErrorsCatchChangedAndUnknownValues() {
    let planned: Value = .object([
      "name": "a", "flags": .null, "retries": 3, "labels": .unknownValue, "id": .unknownValue,
    ])
    let good: Value = .object(["name": "a", "flags": .null, "retries": 3, "labels": .map([:]), "id": "x"])
    #expect(ConsistencyRules.applyErrors(planned: planned, newState: good).isEmpty)
    let bad: Value = .object(["name": "a", "flags": .null, "retries": 4, "labels": .unknownValue, "id": "x"])
    let errors = ConsistencyRules.applyErrors(planned: planned, newState: bad)
    #expect(Set(errors.compactMap(\.attribute)) == [AttributePath("retries"), AttributePath("labels")])
  }

  /// Terraform 1.0 to 1.2 propose null for a configured empty nested map; the plan keeps `{}`.
  @Test func aConfiguredEmptyNestedMapProposedAsNullIsPlannedAsConfigured() {
    let schema = Schema(attributes: [
      Attribute(
        "repositories", .nested(NestedAttributes(.map, [Attribute("url", type: .string, .required, description: "x")])),
        .optional, description: "x")
    ])
    let config: Value = .object(["repositories": .map([:])])
    let planned = ResourcePlanner(schema: schema).plan(
      proposed: .object(["repositories": .null]), config: config, prior: .null)
    #expect(planned[attribute: "repositories"] == .map([:]))
    #expect(ConsistencyRules.planErrors(schema: schema, config: config, planned: planned).isEmpty)
  }
}
