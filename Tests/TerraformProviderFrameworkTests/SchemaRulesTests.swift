import TerraformValues
import Testing

@testable import TerraformProviderFramework

/// Terraform's `InternalValidate` rules, so a broken schema fails here and not at `terraform init`.
@Suite struct SchemaRulesTests {
  @Test func aValidSchemaHasNoErrors() {
    let schema = Schema(
      attributes: [
        Attribute("name", type: .string, .required, description: "Name."),
        Attribute("size", type: .number, .optionalComputed, description: "Size.", defaultValue: 3),
        Attribute("id", type: .string, .computed, description: "ID.", planModifiers: [.useStateForUnknown]),
      ],
      blocks: [
        Block(
          "timeouts", .single, description: "Timeouts.",
          attributes: [Attribute("create", type: .string, .optional, description: "Create.")])
      ])
    #expect(schema.validationErrors().isEmpty)
  }

  @Test(arguments: [
    (Attribute("Name", type: .string, .required, description: "x"), "name must match"),
    (Attribute("count", type: .string, .required, description: "x"), "reserved meta-argument"),
    (Attribute("name", type: .string, .required, description: ""), "has no description"),
    (Attribute("name", type: .string, .optional, description: "x", defaultValue: "a"), "a default needs"),
    (
      Attribute("name", type: .string, .required, description: "x", planModifiers: [.useStateForUnknown]),
      "only applies to computed"
    ),
  ])
  func brokenAttributesAreReported(attribute: Attribute, expected: String) {
    let errors = Schema(attributes: [attribute]).validationErrors()
    #expect(errors.contains { $0.contains(expected) }, "\(errors)")
  }

  @Test func brokenBlocksAreReported() {
    let schema = Schema(
      attributes: [
        Attribute("a", type: .string, .optional, description: "x"),
        Attribute("a", type: .string, .optional, description: "x"),
      ],
      blocks: [
        Block("one", .single, description: "x", attributes: [], maxItems: 2),
        Block("range", .list, description: "x", attributes: [], minItems: 3, maxItems: 1),
      ])
    let errors = schema.validationErrors()
    #expect(errors.contains("a: declared twice"))
    #expect(errors.contains("one: a single block has at most one item"))
    #expect(errors.contains("range: min items exceeds max items"))
  }

  @Test func valueTypeFollowsAttributesAndBlocks() {
    let schema = Schema(
      attributes: [
        Attribute("name", type: .string, .required, description: "x"),
        Attribute(
          "nodes", .nested(NestedAttributes(.list, [Attribute("role", type: .string, .optional, description: "x")])),
          .optional, description: "x"),
      ],
      blocks: [
        Block(
          "timeouts", .single, description: "x",
          attributes: [Attribute("create", type: .string, .optional, description: "x")])
      ])
    #expect(
      schema.valueType
        == .object(
          [
            "name": .string,
            "nodes": .list(.object(["role": .string], optional: ["role"])),
            "timeouts": .object(["create": .string], optional: ["create"]),
          ], optional: ["nodes"]))
  }
}
