import Foundation
import TerraformValues
import Testing

@Suite("Nesting limit")
struct NestingLimitTests {
  /// A value nested as deeply as the codecs allow, in a dynamic slot so that its type travels as
  /// type JSON too. Objects, being the largest stack frames and taking two JSON levels in a type
  /// description, are the worst case.
  static func deepest() -> (value: Value, type: CtyType) {
    var value = Value.string("leaf")
    var type = CtyType.string
    for _ in 0..<(CodecLimits.maximumNestingDepth - 1) {
      value = .object(["a": value])
      type = .object(["a": type])
    }
    return (.dynamic(type, value), .dynamic)
  }

  @Test("One level more is refused by every decoder")
  func beyondTheLimit() throws {
    var type = CtyType.string
    var value = Value.string("leaf")
    for _ in 0..<CodecLimits.maximumNestingDepth {
      type = .list(type)
      value = .list([value])
    }
    // The type itself is within the limit; the value in its dynamic wrapper is one level over.
    #expect(try CtyType(json: type.json) == type)
    let msgpackError = try #require(
      valueError { () throws(ValueError) in
        try Value(messagePack: Value.dynamic(type, value).messagePack(as: .dynamic), as: .dynamic)
      })
    #expect(msgpackError.message == "msgpack data nests deeper than \(CodecLimits.maximumNestingDepth) levels")
    let jsonError = try #require(
      valueError { () throws(ValueError) in try Value(json: Value.dynamic(type, value).json(as: .dynamic), as: .dynamic)
      })
    #expect(jsonError.message == "JSON value nests deeper than \(CodecLimits.maximumNestingDepth) levels")
    let typeError = try #require(valueError { () throws(ValueError) in try CtyType(json: CtyType.list(type).json) })
    #expect(
      typeError.message == "invalid type description: types nest deeper than \(CodecLimits.maximumNestingDepth) levels")
  }

  @Test("Values at the limit round-trip through msgpack and JSON")
  func atTheLimit() throws {
    let (value, type) = Self.deepest()
    #expect(try Value(messagePack: value.messagePack(as: type), as: type) == value)
    #expect(try Value(json: value.json(as: type), as: type) == value)
  }

  /// Decoding recurses once per level; the limit must keep that within the 512 KiB stacks of
  /// secondary threads on macOS, where Swift concurrency may run the provider's handlers.
  @Test("Every codec works at the limit on a thread with a 512 KiB stack")
  func smallStack() async throws {
    let (value, type) = Self.deepest()
    let msgpack = try value.messagePack(as: type)
    let json = try value.json(as: type)
    let results = await withCheckedContinuation { (continuation: CheckedContinuation<[Bool], Never>) in
      let thread = Thread {
        let checks = [
          (try? value.messagePack(as: type)) == msgpack,
          (try? Value(messagePack: msgpack, as: type)) == value,
          (try? value.json(as: type)) == json,
          (try? Value(json: json, as: type)) == value,
          value.conformanceErrors(to: type).isEmpty,
          value.isWhollyKnown,
          value.hashValue == Self.deepest().value.hashValue,
        ]
        continuation.resume(returning: checks)
      }
      thread.stackSize = 512 * 1024
      thread.start()
    }
    #expect(results == Array(repeating: true, count: 7))
  }
}
