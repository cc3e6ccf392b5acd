import TerraformValues
import Testing

@Suite("cty type JSON")
struct TypeJSONTests {
  @Test(
    "Types encode as cty writes them",
    arguments: [
      (CtyType.string, #""string""#), (.number, #""number""#), (.bool, #""bool""#), (.dynamic, #""dynamic""#),
      (.list(.string), #"["list","string"]"#), (.set(.number), #"["set","number"]"#), (.map(.bool), #"["map","bool"]"#),
      (.object(["b": .string, "a": .list(.number)]), #"["object",{"a":["list","number"],"b":"string"}]"#),
      (
        .object(["b": .string, "a": .number, "c": .bool], optional: ["c", "a"]),
        #"["object",{"a":"number","b":"string","c":"bool"},["a","c"]]"#
      ),
      (.object([:]), #"["object",{}]"#), (.tuple([]), #"["tuple",[]]"#),
      (.tuple([.string, .map(.dynamic)]), #"["tuple",["string",["map","dynamic"]]]"#),
      (.list(.object(["x": .set(.tuple([.bool]))])), #"["list",["object",{"x":["set",["tuple",["bool"]]]}]]"#),
    ])
  func encode(_ type: CtyType, _ json: String) throws {
    #expect(String(decoding: type.json, as: UTF8.self) == json)
    #expect(try CtyType(json: utf8(json)) == type)
  }

  @Test("Decoding accepts whitespace and any key order")
  func decodeLoosely() throws {
    let type = try CtyType(json: utf8(#" [ "object" , { "b" : "string" , "a" : [ "list" , "number" ] } , [ "b" ] ] "#))
    #expect(type == .object(["a": .list(.number), "b": .string], optional: ["b"]))
    #expect(try CtyType(json: utf8(#"["object",{"a":"string"},[]]"#)) == .object(["a": .string]))
  }

  @Test(
    "Invalid type descriptions are errors",
    arguments: [
      (#""strin""#, "invalid type description: unknown primitive type \"strin\""),
      (#"[]"#, "invalid type description: a type array must start with its kind as a string"),
      (#"["list"]"#, "invalid type description: \"list\" takes exactly one element type"),
      (#"["list","string","extra"]"#, "invalid type description: \"list\" takes exactly one element type"),
      (#"["vector","string"]"#, "invalid type description: unknown type kind \"vector\""),
      (
        #"["object",["a"]]"#,
        "invalid type description: \"object\" takes an object of attribute types and optionally a list of optional attributes"
      ),
      (
        #"["object",{"a":"string"},["b"]]"#,
        "invalid type description: optional attribute \"b\" is not an attribute of the object"
      ),
      (
        #"["object",{"a":"string"},"a"]"#,
        "invalid type description: the optional attributes of an object must be an array of names"
      ),
      (#"["object",{"a":"string"},[1]]"#, "invalid type description: optional attribute names must be strings"),
      (#"["tuple","string"]"#, "invalid type description: \"tuple\" takes an array of element types"),
      (#"{"type":"string"}"#, "invalid type description: expected a string or an array, found a JSON object"),
      (#"42"#, "invalid type description: expected a string or an array, found a JSON number"),
      (#"["list",["map",null]]"#, "invalid type description: expected a string or an array, found JSON null"),
      (#""string" x"#, "invalid JSON at byte 9: unexpected character 'x' after the JSON document"),
    ])
  func invalid(_ json: String, _ message: String) throws {
    let error = try #require(valueError { () throws(ValueError) in try CtyType(json: utf8(json)) })
    #expect(error.message == message)
  }

  @Test("friendlyName")
  func friendlyName() {
    #expect(
      CtyType.list(.object(["b": .string, "a": .number], optional: ["a"])).friendlyName
        == "list(object({a=optional(number),b=string}))")
    #expect(CtyType.tuple([.string, .map(.bool)]).friendlyName == "tuple([string,map(bool)])")
  }
}
