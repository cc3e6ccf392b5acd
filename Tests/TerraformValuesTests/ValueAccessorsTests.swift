import TerraformValues
import Testing

@Suite("Value accessors")
struct ValueAccessorsTests {
  static let sample: Value = .object([
    "name": "kind",
    "count": 3,
    "enabled": true,
    "nodes": .list([.object(["role": "control-plane"]), .object(["role": .unknownValue])]),
    "labels": .map(["team": "platform"]),
    "pair": .tuple(["a", 1]),
    "tags": .set(["x"]),
    "missing": .null,
    "later": .unknownValue,
    "extra": .dynamic(.object(["port": .number]), .object(["port": 8080])),
  ])

  @Test("null, unknown and known")
  func states() {
    #expect(Value.null.isNull)
    #expect(!Value.null.isUnknown)
    #expect(Value.null.isKnown)
    #expect(Value.unknownValue.isUnknown)
    #expect(!Value.unknownValue.isKnown)
    #expect(!Value.unknownValue.isNull)
    #expect(Value.dynamic(.string, .null).isNull, "accessors look through dynamic")
    #expect(Value.dynamic(.string, .unknownValue).isUnknown)
    #expect(Self.sample.isKnown)
    #expect(Value.string("").isKnown && !Value.string("").isNull)
  }

  @Test("isWhollyKnown looks at every depth")
  func whollyKnown() {
    #expect(!Self.sample.isWhollyKnown)
    #expect(Value.object(["a": .list([.map(["k": 1])])]).isWhollyKnown)
    #expect(!Value.object(["a": .list([.map(["k": .unknownValue])])]).isWhollyKnown)
    #expect(!Value.set([.unknownValue]).isWhollyKnown)
    #expect(!Value.dynamic(.tuple([.string]), .tuple([.unknownValue])).isWhollyKnown)
    #expect(Value.null.isWhollyKnown)
  }

  @Test("Typed accessors")
  func typed() {
    #expect(Self.sample[attribute: "name"].stringValue == "kind")
    #expect(Self.sample[attribute: "count"].numberValue == 3)
    #expect(Self.sample[attribute: "count"].numberValue?.intValue == 3)
    #expect(Self.sample[attribute: "enabled"].boolValue == true)
    #expect(Self.sample[attribute: "nodes"].elements?.count == 2)
    #expect(Self.sample[attribute: "pair"].elements == ["a", 1])
    #expect(Self.sample[attribute: "tags"].elements == ["x"])
    #expect(Self.sample[attribute: "labels"].mapElements == ["team": "platform"])
    #expect(Self.sample[attribute: "extra"].attributes == ["port": 8080])
    #expect(Self.sample.attributes?.count == 10)
    #expect(Value.string("x").boolValue == nil)
    #expect(Value.null.stringValue == nil)
    #expect(Value.unknownValue.elements == nil)
    #expect(Value.map([:]).attributes == nil)
    #expect(Value.unknown(Refinements(isNullable: false)).refinements == Refinements(isNullable: false))
    #expect(Value.string("x").refinements == nil)
  }

  @Test("The attribute subscript")
  func attributeSubscript() {
    #expect(Self.sample[attribute: "name"] == "kind")
    #expect(Self.sample[attribute: "absent"] == .null)
    #expect(Self.sample[attribute: "later"] == .unknownValue)
    #expect(Value.null[attribute: "x"] == .null)
    #expect(Value.unknownValue[attribute: "x"] == .unknownValue)
    #expect(Value.unknown(Refinements(isNullable: false))[attribute: "x"] == .unknownValue)
    #expect(Value.string("s")[attribute: "x"] == .null)
  }

  static let pathCases: [(AttributePath, Value?)] = [
    (AttributePath("name"), "kind"),
    (AttributePath("nodes").index(0).attribute("role"), "control-plane"),
    (AttributePath("nodes").index(1).attribute("role"), .unknownValue),
    (AttributePath("labels").key("team"), "platform"),
    (AttributePath("pair").index(1), 1),
    (AttributePath("extra").attribute("port"), 8080),
    (AttributePath("later").attribute("deeper").index(3), .unknownValue),
    (AttributePath.root, sample),
    (AttributePath("missing"), .null),
    (AttributePath("absent"), nil),
    (AttributePath("missing").attribute("x"), nil),
    (AttributePath("nodes").index(2), nil),
    (AttributePath("nodes").index(-1), nil),
    (AttributePath("labels").key("other"), nil),
    (AttributePath("labels").attribute("team"), nil),
    (AttributePath("name").attribute("x"), nil),
    (AttributePath("tags").index(0), nil),
  ]

  @Test("value(at:) follows attributes, keys and indices", arguments: pathCases)
  func valueAtPath(_ path: AttributePath, _ expected: Value?) {
    #expect(Self.sample.value(at: path) == expected)
  }

  @Test("Literals")
  func literals() {
    let string: Value = "hello"
    let bool: Value = false
    let integer: Value = -12
    let float: Value = 0.25
    #expect(string == .string("hello"))
    #expect(bool == .bool(false))
    #expect(integer == .number(Number(-12)))
    #expect(float == .number(number("0.25")))
  }

  @Test("impliedType")
  func impliedType() {
    #expect(Value.string("a").impliedType == .string)
    #expect(Value.list(["a", 1]).impliedType == .tuple([.string, .number]))
    #expect(Value.map(["a": true]).impliedType == .object(["a": .bool]))
    #expect(Value.set(["a", .null, "b"]).impliedType == .set(.string))
    #expect(Value.set([]).impliedType == .set(.dynamic))
    #expect(Value.set(["a", 1]).impliedType == nil)
    #expect(Value.dynamic(.list(.string), .list([])).impliedType == .list(.string))
    #expect(Value.null.impliedType == .dynamic)
  }
}
