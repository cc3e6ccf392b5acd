import TerraformValues
import Testing

@Suite("Value conformance")
struct ValueConformanceTests {
  static let nodeType = CtyType.object(["role": .string, "image": .string], optional: ["image"])
  static let clusterType = CtyType.object([
    "name": .string,
    "nodes": .list(nodeType),
    "labels": .map(.string),
    "pair": .tuple([.string, .number]),
    "extra": .dynamic,
  ])

  @Test(
    "Values that fit",
    arguments: [
      (Value.string("a"), CtyType.string), (1, .number), (true, .bool), (.null, .list(.string)),
      (.unknownValue, .object(["a": .string])), (.list(["a", .null, .unknownValue]), .list(.string)),
      (.set([1, 2]), .set(.number)), (.map(["k": .list([true])]), .map(.list(.bool))),
      (.tuple(["a", 1, .null]), .tuple([.string, .number, .bool])), ("anything", .dynamic),
      (.object(["x": .list([1, "mixed"])]), .dynamic), (.dynamic(.list(.string), .list(["a"])), .dynamic),
      (.dynamic(.string, "a"), .string), (.object([:]), .object([:])),
    ])
  func fits(_ value: Value, _ type: CtyType) {
    #expect(value.conformanceErrors(to: type).isEmpty)
  }

  @Test("A whole cluster that fits")
  func wholeObject() {
    let value: Value = .object([
      "name": "dev",
      "nodes": .list([.object(["role": "control-plane", "image": .null])]),
      "labels": .map(["a": "b"]),
      "pair": .tuple(["x", 2]),
      "extra": .object(["anything": .list([1, 2])]),
    ])
    #expect(value.conformanceErrors(to: Self.clusterType) == [])
  }

  @Test("Errors name every element at fault")
  func errorsWithPaths() {
    let value: Value = .object([
      "name": 5,
      "nodes": .list([.object(["role": "worker", "image": .null]), .object(["role": true])]),
      "labels": .map(["a": .list([])]),
      "pair": .tuple(["x"]),
      "extra": .null,
      "surprise": "!",
    ])
    let errors = value.conformanceErrors(to: Self.clusterType)
    let described = Set(errors.map(\.description))
    #expect(described.contains("name: expected a string, found a number"))
    #expect(described.contains("nodes[1].role: expected a string, found a bool"))
    #expect(described.contains("nodes[1].image: attribute \"image\" is required"))
    #expect(described.contains("labels[\"a\"]: expected a string, found a list"))
    #expect(described.contains("pair: expected a tuple of 2 elements, found 1"))
    #expect(described.contains("surprise: unsupported attribute \"surprise\""))
    #expect(errors.count == 6)
    #expect(
      errors.first { $0.path == AttributePath("nodes").index(1).attribute("role") }?.message
        == "expected a string, found a bool")
  }

  @Test(
    "Kind mismatches",
    arguments: [
      (Value.list(["a"]), CtyType.set(.string), "expected a set, found a list"),
      (.tuple(["a"]), .list(.string), "expected a list, found a tuple"),
      (.map([:]), .object([:]), "expected an object, found a map"),
      (.object([:]), .map(.string), "expected a map, found an object"),
      (.dynamic(.number, 1), .string, "expected a string of type string, found a dynamic value of type number"),
      (.dynamic(.string, 1), .dynamic, "expected a string, found a number"),
    ])
  func mismatches(_ value: Value, _ type: CtyType, _ message: String) {
    #expect(value.conformanceErrors(to: type).map(\.message) == [message])
  }

  @Test("The starting path prefixes every error")
  func startingPath() {
    let errors = Value.list([1]).conformanceErrors(to: .list(.string), at: AttributePath("outer"))
    #expect(errors == [ValueError(path: AttributePath("outer").index(0), message: "expected a string, found a number")])
  }
}
