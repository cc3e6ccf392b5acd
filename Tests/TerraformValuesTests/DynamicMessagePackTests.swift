import TerraformValues
import Testing

@Suite("Dynamic values in msgpack")
struct DynamicMessagePackTests {
  static let stringType = utf8("\"string\"")

  @Test("A dynamic value is [type JSON as bin, value]")
  func wrapped() throws {
    let expected = hex("92 c4 08") + Self.stringType + hex("a2 68 69")
    #expect(try Value.dynamic(.string, "hi").messagePack(as: .dynamic) == expected)
    #expect(try Value(messagePack: expected, as: .dynamic) == .dynamic(.string, "hi"))
  }

  @Test("The type may also arrive as str")
  func typeAsString() throws {
    #expect(
      try Value(messagePack: hex("92 a8") + Self.stringType + hex("a2 68 69"), as: .dynamic) == .dynamic(.string, "hi"))
  }

  @Test("Bare values carry the type they imply")
  func inferred() throws {
    #expect(try Value.string("hi").messagePack(as: .dynamic) == hex("92 c4 08") + Self.stringType + hex("a2 68 69"))
    let tupleType = utf8(#"["tuple",["string","number"]]"#)
    let list = try Value.list(["a", 1]).messagePack(as: .dynamic)
    #expect(list == hex("92 c4") + [UInt8(tupleType.count)] + tupleType + hex("92 a1 61 01"))
    #expect(try Value(messagePack: list, as: .dynamic) == .dynamic(.tuple([.string, .number]), .tuple(["a", 1])))
    let objectType = utf8(#"["object",{"a":"bool","b":"number"}]"#)
    let map = try Value.map(["b": 2, "a": true]).messagePack(as: .dynamic)
    #expect(map == hex("92 c4") + [UInt8(objectType.count)] + objectType + hex("82 a1 61 c3 a1 62 02"))
    #expect(
      try Value(messagePack: map, as: .dynamic)
        == .dynamic(.object(["a": .bool, "b": .number]), .object(["a": true, "b": 2])))
  }

  @Test("Null is nil and a wholly unknown dynamic value is a bare extension")
  func nullAndUnknown() throws {
    #expect(try Value.null.messagePack(as: .dynamic) == hex("c0"))
    #expect(try Value.unknownValue.messagePack(as: .dynamic) == hex("d4 00 00"))
    #expect(try Value(messagePack: hex("c0"), as: .dynamic) == .null)
    #expect(try Value(messagePack: hex("d4 00 00"), as: .dynamic) == .unknownValue)
  }

  @Test("A typed null or unknown keeps its type")
  func typedNullAndUnknown() throws {
    let typedNull = try Value.dynamic(.string, .null).messagePack(as: .dynamic)
    #expect(typedNull == hex("92 c4 08") + Self.stringType + hex("c0"))
    #expect(try Value(messagePack: typedNull, as: .dynamic) == .dynamic(.string, .null))
    let refined = Value.dynamic(.number, .unknown(Refinements(isNullable: false)))
    #expect(try Value(messagePack: refined.messagePack(as: .dynamic), as: .dynamic) == refined)
  }

  @Test(
    "Round trips",
    arguments: [
      (Value.dynamic(.list(.string), .list(["a", "b"])), CtyType.dynamic),
      (.dynamic(.object(["port": .number], optional: ["port"]), .object(["port": 8080])), .dynamic),
      (.dynamic(.list(.dynamic), .list([.dynamic(.string, "nested")])), .dynamic),
      (.dynamic(.map(.set(.bool)), .map(["k": .set([true, false])])), .dynamic),
      (
        .object(["config": .dynamic(.tuple([.string, .number]), .tuple(["x", 1])), "name": "n"]),
        .object(["config": .dynamic, "name": .string])
      ),
      (.list([.dynamic(.string, "a"), .dynamic(.number, 1), .null]), .list(.dynamic)),
    ])
  func roundTrips(_ value: Value, _ type: CtyType) throws {
    let bytes = try value.messagePack(as: type)
    #expect(try Value(messagePack: bytes, as: type) == value)
  }
}
