import Foundation
import JSONSyntax
import Testing

@testable import KubernetesClient

@Suite("JSON values")
struct JSONTests {
  @Test("parses every JSON type, keeping integers exact")
  func parsesTypes() throws {
    let text = #"{"i": 9007199254740993, "n": -7, "d": 1.5, "e": 2e3, "s": "x", "b": true, "z": null, "a": [1, "2"]}"#
    let value = try JSON(parsing: Array(text.utf8))
    #expect(value["i"] == .integer(9_007_199_254_740_993))
    #expect(value["n"].int64Value == -7)
    #expect(value["d"] == .double(1.5))
    #expect(value["e"] == .double(2000))
    #expect(value["s"].stringValue == "x")
    #expect(value["b"].boolValue == true)
    #expect(value["z"] == .null)
    #expect(value["a"] == [1, "2"])
    #expect(value["missing"]["deeper"][3] == .null)
  }

  @Test("integers beyond Int64 become doubles, as in Go")
  func hugeIntegers() throws {
    #expect(try JSON(parsing: Array("18446744073709551616".utf8)) == .double(18_446_744_073_709_551_616))
  }

  @Test("a repeated key keeps its last value, as Go's decoder does")
  func repeatedKeys() throws {
    #expect(try JSON(parsing: Array(#"{"a": 1, "b": 2, "a": 3}"#.utf8)) == ["a": 3, "b": 2])
  }

  @Test("string escapes, surrogate pairs and non-ASCII round trip")
  func strings() throws {
    let text = #""quote \" backslash \\ tab \t newline \n unicode \u00e9 pair \ud83d\ude80 slash \/""#
    let value = try JSON(parsing: Array(text.utf8))
    #expect(value.stringValue == "quote \" backslash \\ tab \t newline \n unicode é pair 🚀 slash /")
    #expect(try JSON(parsing: value.jsonBytes) == value)
    #expect(JSON.string("\u{1}").jsonText == #""\u0001""#)
  }

  @Test("serialization is compact with sorted keys")
  func serialization() {
    let value: JSON = ["b": [1, 2.5, true, nil], "a": ["y": "z"]]
    #expect(value.jsonText == #"{"a":{"y":"z"},"b":[1,2.5,true,null]}"#)
  }

  @Test("rejects malformed JSON", arguments: ["{", "[1,]", "{\"a\" 1}", "tru", "\"open", "1 2", "{\"a\":1,}", ""])
  func rejectsMalformed(text: String) {
    #expect(throws: JSONSyntaxError.self) { try JSON(parsing: Array(text.utf8)) }
  }

  @Test("the public text initializer parses, and reports where the text is wrong")
  func publicInitializer() throws {
    #expect(try JSON(jsonText: #"{"kind": "Pod"}"#)["kind"] == "Pod")
    #expect(
      throws: KubernetesError.invalidConfiguration(
        #"invalid JSON at byte 7: unexpected character '"' in an object, expected ',' or '}'"#)
    ) {
      try JSON(jsonText: #"{"a":1 "b":2}"#)
    }
  }

  @Test("rejects nesting deeper than any Kubernetes object")
  func rejectsDeepNesting() {
    let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
    #expect(throws: JSONSyntaxError.self) { try JSON(parsing: Array(text.utf8)) }
  }

  @Test("subscripts set nested members, creating objects on the way")
  func settingMembers() {
    var object: JSON = ["kind": "ConfigMap"]
    object["metadata"]["namespace"] = "default"
    object["data"]["key"] = "value"
    #expect(object["metadata"]["namespace"].stringValue == "default")
    object["metadata"].removeValue(forKey: "namespace")
    #expect(object["metadata"] == [:])
    #expect(object["data"]["key"] == "value")
  }

  @Test("Codable round trip through Foundation's coders")
  func codable() throws {
    let value: JSON = ["n": 3, "d": 0.25, "s": "text", "a": [false, nil], "o": ["k": -1]]
    let data = try JSONEncoder().encode(value)
    #expect(try JSONDecoder().decode(JSON.self, from: data) == value)
  }

  @Test("numeric accessors convert where exact")
  func accessors() {
    #expect(JSON.double(3).int64Value == 3)
    #expect(JSON.double(3.5).int64Value == nil)
    #expect(JSON.integer(4).doubleValue == 4)
    #expect(JSON.string("4").intValue == nil)
  }
}
