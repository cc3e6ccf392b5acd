import TerraformValues
import Testing

@Suite("JSON values")
struct JSONValueTests {
  static let stateType = CtyType.object([
    "id": .string,
    "replicas": .number,
    "enabled": .bool,
    "labels": .map(.string),
    "ports": .list(.number),
    "zones": .set(.string),
    "pair": .tuple([.string, .bool]),
    "extra": .dynamic,
    "nested": .object(["x": .string]),
  ])

  @Test("A whole state object")
  func stateObject() throws {
    let json = #"""
      {
        "id": "abc", "replicas": 3, "enabled": true,
        "labels": {"team": "platform", "env": "dev"},
        "ports": [80, 443], "zones": ["b", "a"], "pair": ["x", false],
        "extra": {"value": ["a", 1], "type": ["tuple", ["string", "number"]]},
        "nested": {"x": "y"}
      }
      """#
    let value = try Value(json: utf8(json), as: Self.stateType)
    #expect(
      value
        == .object([
          "id": "abc", "replicas": 3, "enabled": true, "labels": .map(["team": "platform", "env": "dev"]),
          "ports": .list([80, 443]), "zones": .set(["a", "b"]), "pair": .tuple(["x", false]),
          "extra": .dynamic(.tuple([.string, .number]), .tuple(["a", 1])), "nested": .object(["x": "y"]),
        ]))
  }

  @Test("Absent attributes are null; null is null for every type")
  func absentAndNull() throws {
    let value = try Value(json: utf8(#"{"id": null, "extra": null}"#), as: Self.stateType)
    #expect(value[attribute: "id"] == .null)
    #expect(value[attribute: "extra"] == .null)
    #expect(value[attribute: "labels"] == .null)
    #expect(value.attributes?.count == 9)
    #expect(try Value(json: utf8("null"), as: Self.stateType) == .null)
  }

  @Test(
    "Numbers keep every digit",
    arguments: [
      ("123456789012345678901234567890.123456789", "123456789012345678901234567890.123456789"),
      ("1e400", "1" + String(repeating: "0", count: 400)),
      ("-0.000000000000000000000000000001", "-0.000000000000000000000000000001"),
      ("1.0", "1"), ("-0", "0"), ("2E-3", "0.002"),
    ])
  func bigNumbers(_ json: String, _ expected: String) throws {
    let value = try Value(json: utf8(json), as: .number)
    #expect(value.numberValue?.description == expected)
  }

  @Test(
    "Strings holding numbers are numbers, as in cty",
    arguments: [(#""42""#, "42"), (#""1.50""#, "1.5"), (#""-1e2""#, "-100"), (#""+Inf""#, "+Inf")])
  func numbersAsStrings(_ json: String, _ expected: String) throws {
    #expect(try Value(json: utf8(json), as: .number).numberValue?.description == expected)
  }

  @Test("Strings and bools convert as cty converts them")
  func primitiveConversions() throws {
    #expect(try Value(json: utf8("12.50"), as: .string) == "12.50")
    #expect(try Value(json: utf8("true"), as: .string) == "true")
    #expect(try Value(json: utf8(#""false""#), as: .bool) == false)
    #expect(try Value(json: utf8(#""1""#), as: .bool) == true)
  }

  @Test("String escapes")
  func escapes() throws {
    #expect(try Value(json: utf8(#""a\"b\\c\/d\n\t\r\b\f""#), as: .string) == "a\"b\\c/d\n\t\r\u{8}\u{c}")
    #expect(try Value(json: utf8(#""\u00e9\u4e2d""#), as: .string) == "é中")
    #expect(try Value(json: utf8(#""\ud83d\ude00""#), as: .string) == "😀")
    #expect(
      try Value(json: utf8(#""\ud83dx""#), as: .string) == "\u{FFFD}x", "a lone surrogate becomes U+FFFD, as in Go")
    #expect(try Value(json: utf8(#""\ude00""#), as: .string) == "\u{FFFD}")
    #expect(try Value(json: utf8("\"é\""), as: .string) == "é")
  }

  @Test("Dynamic values need both keys, in any order")
  func dynamic() throws {
    #expect(try Value(json: utf8(#"{"type":"string","value":"x"}"#), as: .dynamic) == .dynamic(.string, "x"))
    #expect(
      try Value(json: utf8(#"{"value":null,"type":["list","number"]}"#), as: .dynamic)
        == .dynamic(.list(.number), .null))
    #expect(try Value(json: utf8("null"), as: .dynamic) == .null)
  }

  @Test(
    "Values that do not fit are errors with the path",
    arguments: [
      (#"{"bogus": 1}"#, stateType, "bogus", "unsupported attribute \"bogus\""),
      (#"{"ports": [1, "x"]}"#, stateType, "ports[1]", "\"x\" is not a number Terraform can hold"),
      (#"{"labels": {"k": [1]}}"#, stateType, "labels[\"k\"]", "expected a string, found a JSON array"),
      (#"{"pair": ["x"]}"#, stateType, "pair", "expected a tuple of 2 elements, found 1"),
      (#"{"nested": {"x": "y", "z": 1}}"#, stateType, "nested.z", "unsupported attribute \"z\""),
      (#"{"enabled": "yes"}"#, stateType, "enabled", "expected a bool, found a JSON string"),
      (#"{"extra": {"value": 1}}"#, stateType, "extra", "dynamic value has no \"type\""),
      (#"{"extra": {"type": "number"}}"#, stateType, "extra", "dynamic value has no \"value\""),
      (
        #"{"extra": {"type": "number", "value": 1, "more": 2}}"#, stateType, "extra",
        "unexpected key \"more\" in a dynamic value"
      ),
      (
        #"{"extra": {"type": "nope", "value": 1}}"#, stateType, "extra",
        "invalid type description: unknown primitive type \"nope\""
      ),
      (#"{"extra": {"type": "number", "value": "x"}}"#, stateType, "extra", "\"x\" is not a number Terraform can hold"),
      (
        #"{"extra": [1]}"#, stateType, "extra",
        "expected a dynamic value ({\"value\": …, \"type\": …}), found a JSON array"
      ),
      (#"[]"#, stateType, "", "expected an object, found a JSON array"),
      (#"{}"#, CtyType.list(.string), "", "expected a list, found a JSON object"),
      (#"1e100001"#, CtyType.number, "", "\"1e100001\" is not a number Terraform can hold"),
    ])
  func mismatches(_ json: String, _ type: CtyType, _ path: String, _ message: String) throws {
    let error = try #require(valueError { () throws(ValueError) in try Value(json: utf8(json), as: type) })
    #expect(error.path.description == path)
    #expect(error.message == message)
  }

  @Test(
    "Malformed JSON is an error, not a crash",
    arguments: [
      ("", "invalid JSON at byte 0: unexpected end of input, expected a value"),
      ("{", "invalid JSON at byte 1: unexpected end of input in an object, expected a string key"),
      ("[1,]", "invalid JSON at byte 3: unexpected character ']', expected a value"),
      ("01", "invalid JSON at byte 1: numbers may not have leading zeros"),
      ("1.", "invalid JSON at byte 2: expected a digit after the decimal point"),
      ("-", "invalid JSON at byte 1: expected a digit in a number"),
      ("1e", "invalid JSON at byte 2: expected a digit in an exponent"),
      ("tru", "invalid JSON at byte 3: unexpected end of input while reading 'true'"),
      ("\"abc", "invalid JSON at byte 4: unterminated string"),
      (#""\x""#, "invalid JSON at byte 2: invalid escape '\\x'"),
      (#""\u12g4""#, "invalid JSON at byte 5: invalid hex digit in a \\u escape"),
      (#"{"a" 1}"#, "invalid JSON at byte 5: unexpected character '1' after an object key, expected ':'"),
      (#"{"a":1 "b":2}"#, "invalid JSON at byte 7: unexpected character '\"' in an object, expected ',' or '}'"),
      (#"{1:2}"#, "invalid JSON at byte 1: unexpected character '1' in an object, expected a string key"),
      ("[1] 2", "invalid JSON at byte 4: unexpected character '2' after the JSON document"),
      ("\"a\u{1}\"", "invalid JSON at byte 2: control character 0x1 in a string must be escaped"),
      ("NaN", "invalid JSON at byte 0: unexpected character 'N', expected a value"),
      ("'a'", "invalid JSON at byte 0: unexpected character ''', expected a value"),
      ("[1 2]", "invalid JSON at byte 3: unexpected character '2' in an array, expected ',' or ']'"),
      ("+1", "invalid JSON at byte 0: unexpected character '+', expected a value"),
    ])
  func malformed(_ json: String, _ message: String) throws {
    let error = try #require(valueError { () throws(ValueError) in try Value(json: utf8(json), as: .dynamic) })
    #expect(error.message == message)
  }

  @Test("Invalid UTF-8 and absurd nesting are refused")
  func hostileInput() throws {
    let badUTF8 = try #require(
      valueError { () throws(ValueError) in try Value(json: [0x22, 0xff, 0x22], as: .string) })
    #expect(badUTF8.message == "invalid JSON at byte 0: string is not valid UTF-8")
    let deep = utf8(String(repeating: "[", count: 100_000))
    let deepError = try #require(valueError { () throws(ValueError) in try Value(json: deep, as: .dynamic) })
    #expect(deepError.message.hasSuffix("JSON nests deeper than 258 levels"))
  }

  @Test("Encoding is compact and deterministic")
  func encoding() throws {
    let value: Value = .object([
      "id": "a\"b\n", "replicas": .number(number("12345678901234567890.5")), "enabled": false,
      "labels": .map(["z": "1", "a": "2"]), "ports": .list([80]), "zones": .set(["x"]), "pair": .tuple(["p", true]),
      "extra": .list(["a", 1]),
    ])
    let json = String(decoding: try value.json(as: Self.stateType), as: UTF8.self)
    #expect(
      json
        == #"{"enabled":false,"extra":{"value":["a",1],"type":["tuple",["string","number"]]},"id":"a\"b\n","labels":{"a":"2","z":"1"},"nested":null,"pair":["p",true],"ports":[80],"replicas":12345678901234567890.5,"zones":["x"]}"#
    )
  }

  @Test("Encoding control characters and infinities")
  func encodingEdges() throws {
    #expect(String(decoding: try Value.string("\u{1}é").json(as: .string), as: UTF8.self) == #""\u0001é""#)
    #expect(String(decoding: try Value.number(.infinity).json(as: .number), as: UTF8.self) == #""+Inf""#)
    #expect(
      try Value(json: Value.number(.negativeInfinity).json(as: .number), as: .number) == .number(.negativeInfinity))
    #expect(
      String(decoding: try Value.dynamic(.string, .null).json(as: .dynamic), as: UTF8.self)
        == #"{"value":null,"type":"string"}"#)
    #expect(String(decoding: try Value.null.json(as: .dynamic), as: UTF8.self) == "null")
  }

  @Test("Unknown values cannot be written")
  func unknowns() throws {
    let error = try #require(
      valueError { () throws(ValueError) in
        try Value.object(["ports": .list([1, .unknownValue])]).json(as: Self.stateType)
      })
    #expect(error.path == AttributePath("ports").index(1))
    #expect(error.message == "an unknown value cannot be written as JSON")
  }

  @Test(
    "Round trips",
    arguments: [
      (
        Value.object(["id": "x", "replicas": .number(number("0.1")), "extra": .dynamic(.map(.number), .map(["a": 1]))]),
        stateType
      ),
      (.list([.set([.tuple(["a", .null])])]), CtyType.list(.set(.tuple([.string, .number])))),
      (.map(["ü": "\u{0}\u{1F600}"]), .map(.string)),
      (.dynamic(.object(["a": .list(.dynamic)]), .object(["a": .list([.dynamic(.bool, true)])])), .dynamic),
    ])
  func roundTrips(_ value: Value, _ type: CtyType) throws {
    let json = try value.json(as: type)
    let decoded = try Value(json: json, as: type)
    #expect(decoded.conformanceErrors(to: type).isEmpty)
    #expect(try decoded.json(as: type) == json)
    if case .object(let attributes) = value, case .object(let decodedAttributes) = decoded {
      for (name, attribute) in attributes { #expect(decodedAttributes[name] == attribute) }
    } else {
      #expect(decoded == value)
    }
  }
}
