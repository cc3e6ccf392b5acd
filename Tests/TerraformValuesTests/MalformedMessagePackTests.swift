import TerraformValues
import Testing

@Suite("Malformed msgpack")
struct MalformedMessagePackTests {
  struct Case: Sendable, CustomTestStringConvertible {
    let bytes: [UInt8]
    let type: CtyType
    let path: String
    let message: String
    var testDescription: String {
      "\(bytes.prefix(12).map { String($0, radix: 16) }.joined(separator: " ")) as \(type.friendlyName)"
    }

    init(_ bytes: [UInt8], _ type: CtyType, path: String = "", _ message: String) {
      self.bytes = bytes
      self.type = type
      self.path = path
      self.message = message
    }
  }

  static let objectAB = CtyType.object(["a": .number, "b": .string])

  static let cases: [Case] = [
    Case([], .string, "unexpected end of msgpack data at byte 0 (needed 1 more, 0 left)"),
    Case(hex("a5 61"), .string, "msgpack length 5 at byte 1 claims more data than remains (1 bytes)"),
    Case(hex("c1"), .string, "invalid msgpack format byte 0xc1 at byte 0"),
    Case(hex("d9"), .string, "unexpected end of msgpack data at byte 1 (needed 1 more, 0 left)"),
    Case(
      hex("db ff ff ff ff 61"), .string, "msgpack length 4294967295 at byte 5 claims more data than remains (1 bytes)"),
    Case(
      hex("dd ff ff ff ff c0"), .list(.string),
      "msgpack length 4294967295 at byte 5 claims more data than remains (1 bytes)"),
    Case(
      hex("df 7f ff ff ff c0 c0"), .map(.string),
      "msgpack length 2147483647 at byte 5 claims more data than remains (2 bytes)"),
    Case(hex("de 00 01"), .map(.string), "msgpack length 1 at byte 3 claims more data than remains (0 bytes)"),
    Case(hex("c6 ff ff ff ff"), .string, "msgpack length 4294967295 at byte 5 claims more data than remains (0 bytes)"),
    Case(hex("c7 ff 00"), .string, "msgpack length 255 at byte 3 claims more data than remains (0 bytes)"),
    Case(hex("d4"), .string, "unexpected end of msgpack data at byte 1 (needed 1 more, 0 left)"),
    Case(hex("d7 00 01 02"), .string, "msgpack length 8 at byte 2 claims more data than remains (2 bytes)"),
    Case(hex("cb 3f f0"), .number, "unexpected end of msgpack data at byte 1 (needed 8 more, 2 left)"),
    Case(hex("a1 ff"), .string, "msgpack string at byte 1 is not valid UTF-8"),
    Case(hex("a2 c3 28"), .string, "msgpack string at byte 1 is not valid UTF-8"),
    Case(hex("01 02"), .number, "unexpected data after the msgpack value (1 bytes)"),
    Case(hex("c0 c0"), .string, "unexpected data after the msgpack value (1 bytes)"),
    Case(hex("92 01"), .list(.number), "msgpack length 2 at byte 1 claims more data than remains (1 bytes)"),
    Case(
      hex("92 01 cd 01"), .list(.number), path: "[1]",
      "unexpected end of msgpack data at byte 3 (needed 2 more, 1 left)"),
    Case(hex("a1 61"), .number, "expected a number, found the string \"a\""),
    Case(hex("91 01"), .number, "expected a number, found a msgpack array"),
    Case(hex("c3"), .string, "expected a string, found a msgpack bool"),
    Case(hex("a1 61"), .bool, "expected a bool, found a msgpack string"),
    Case(hex("81 a1 61 01"), .list(.number), "expected a list, found a msgpack map"),
    Case(hex("91 01"), .set(.string), path: "[0]", "expected a string, found a msgpack integer"),
    Case(hex("91 01"), .map(.number), "expected a map, found a msgpack array"),
    Case(hex("91 01"), objectAB, "expected an object, found a msgpack array"),
    Case(hex("82 a1 61 01 a1 78 01"), objectAB, path: "x", "unsupported attribute \"x\""),
    Case(hex("81 a1 61 01"), objectAB, path: "b", "attribute \"b\" is missing"),
    Case(hex("82 a1 61 01 a1 61 02"), objectAB, path: "a", "duplicate attribute \"a\""),
    Case(hex("82 a1 6b 01 a1 6b 02"), .map(.number), path: "[\"k\"]", "duplicate map key \"k\""),
    Case(hex("81 01 01"), .map(.number), "expected a string map key, found a msgpack integer"),
    Case(hex("81 a1 ff 01"), .map(.number), "msgpack string at byte 2 is not valid UTF-8"),
    Case(hex("91 01"), .tuple([.number, .number]), "expected a tuple of 2 elements, found 1"),
    Case(
      hex("92 c4 07") + utf8("\"bogus\"") + hex("01"), .dynamic,
      "invalid type of a dynamic value: invalid type description: unknown primitive type \"bogus\""),
    Case(
      hex("92 c4 03") + utf8("[1,") + hex("01"), .dynamic,
      "invalid type of a dynamic value: invalid JSON at byte 3: unexpected end of input, expected a value"),
    Case(
      hex("93 c4 08") + utf8("\"number\"") + hex("01 01"), .dynamic,
      "expected a dynamic value as a 2-element [type, value] array, found 3 elements"),
    Case(hex("92 01 01"), .dynamic, "expected the type of a dynamic value as JSON bytes, found a msgpack integer"),
    Case(hex("a1 61"), .dynamic, "expected a dynamic value (a [type, value] array), found a msgpack string"),
    Case(hex("92 c4 08") + utf8("\"number\"") + hex("a1 61"), .dynamic, "expected a number, found the string \"a\""),
    Case(hex("cb 7f f8 00 00 00 00 00 00"), .number, "NaN is not a number Terraform allows"),
    Case(hex("ca 7f c0 00 00"), .number, "NaN is not a number Terraform allows"),
    Case(hex("ab") + utf8("1e999999999"), .number, "expected a number, found the string \"1e999999999\""),
    Case(
      hex("c8 04 01 0c") + Array(repeating: 0, count: 1025), .string,
      "unknown value refinements are 1025 bytes long, more than the 1024 allowed"),
  ]

  @Test("Each malformed input throws an error naming the path", arguments: cases)
  func malformed(_ testCase: Case) throws {
    let error = try #require(
      valueError { () throws(ValueError) in try Value(messagePack: testCase.bytes, as: testCase.type) })
    #expect(error.path.description == testCase.path)
    #expect(error.message == testCase.message)
  }

  @Test("Paths point into nested structures")
  func nestedPath() throws {
    let type = CtyType.object(["nodes": .list(.object(["labels": .map(.string)]))])
    // {"nodes": [{"labels": {"k": 1}}]}
    let bytes = hex("81 a5 6e 6f 64 65 73 91 81 a6 6c 61 62 65 6c 73 81 a1 6b 01")
    let error = try #require(valueError { () throws(ValueError) in try Value(messagePack: bytes, as: type) })
    #expect(error.path == AttributePath("nodes").index(0).attribute("labels").key("k"))
    #expect(error.description == "nodes[0].labels[\"k\"]: expected a string, found a msgpack integer")
  }

  @Test("Absurd nesting is refused, not a stack overflow")
  func deepNesting() throws {
    var type = CtyType.string
    for _ in 0..<1_000 { type = .list(type) }
    let bytes = Array(repeating: UInt8(0x91), count: 1_000) + hex("a0")
    let error = try #require(valueError { () throws(ValueError) in try Value(messagePack: bytes, as: type) })
    #expect(error.message == "msgpack data nests deeper than \(CodecLimits.maximumNestingDepth) levels")
    #expect(error.path.steps.count == CodecLimits.maximumNestingDepth + 1)

    // Through dynamic values, where the input chooses the depth.
    let deepType = String(repeating: "[\"list\",", count: 10_000) + "\"string\"" + String(repeating: "]", count: 10_000)
    let dynamicBytes =
      hex("92 c6") + withUnsafeBytes(of: UInt32(deepType.utf8.count).bigEndian, Array.init) + utf8(deepType) + hex("90")
    let dynamicError = try #require(
      valueError { () throws(ValueError) in try Value(messagePack: dynamicBytes, as: .dynamic) })
    #expect(dynamicError.message.contains("nests deeper than"))

    var nestedDynamic: [UInt8] = []
    for _ in 0..<10_000 { nestedDynamic += hex("92 c4 09") + utf8("\"dynamic\"") }
    let nestedError = try #require(
      valueError { () throws(ValueError) in try Value(messagePack: nestedDynamic + hex("c0"), as: .dynamic) })
    #expect(nestedError.message.contains("nests deeper than"))
  }

  @Test("Nesting up to the limit is fine")
  func nestingAtLimit() throws {
    var type = CtyType.string
    var value = Value.string("")
    for _ in 0..<CodecLimits.maximumNestingDepth {
      type = .list(type)
      value = .list([value])
    }
    #expect(try Value(messagePack: value.messagePack(as: type), as: type) == value)
  }

  @Test("Every truncation of a valid encoding is an error")
  func truncations() throws {
    let type = CtyType.object([
      "name": .string, "count": .number, "ratio": .number, "tags": .map(.string), "items": .list(.dynamic),
      "later": .string, "big": .number,
    ])
    let value: Value = .object([
      "name": "cluster", "count": 70000, "ratio": 2.5, "tags": .map(["a": "b"]),
      "items": .list([.dynamic(.bool, true)]),
      "later": .unknown(Refinements(isNullable: false, stringPrefix: "x")), "big": .number(number("1e40")),
    ])
    let bytes = try value.messagePack(as: type)
    #expect(try Value(messagePack: bytes, as: type) == value)
    for length in 0..<bytes.count {
      #expect(
        valueError { () throws(ValueError) in try Value(messagePack: bytes.prefix(length), as: type) } != nil,
        "prefix of \(length) bytes")
    }
  }

  @Test("Random and mutated bytes never crash, and whatever decodes re-encodes stably")
  func randomInput() throws {
    var generator = SplitMix64(seed: 0x7E44_AF00)
    let type = CtyType.object([
      "name": .string, "count": .number, "tags": .map(.string), "items": .list(.dynamic), "flags": .set(.bool),
      "pair": .tuple([.string, .number]), "later": .string,
    ])
    let seeds: [Value] = [
      .object([
        "name": "a", "count": 1, "tags": .map(["k": "v"]), "items": .list([.dynamic(.number, 2), .null]),
        "flags": .set([true]),
        "pair": .tuple(["x", .number(number("1e30"))]),
        "later": .unknown(Refinements(isNullable: false, stringPrefix: "p")),
      ]),
      .object([
        "name": .null, "count": 1.5, "tags": .map([:]), "items": .list([.unknownValue]), "flags": .null, "pair": .null,
        "later": .unknownValue,
      ]),
      .null,
    ]
    let encodings = try seeds.map { try $0.messagePack(as: type) }
    var decodedCount = 0
    var failedCount = 0
    for round in 0..<20_000 {
      var bytes: [UInt8]
      if round % 4 == 0 {
        // Pure noise.
        bytes = (0..<Int.random(in: 0...16, using: &generator)).map { _ in UInt8.random(in: 0...255, using: &generator)
        }
      } else {
        // A valid encoding with a few bytes changed, cut short or extended.
        bytes = encodings.randomElement(using: &generator)!
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
          switch Int.random(in: 0..<4, using: &generator) {
          case 0:
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
          case 1:
            bytes[Int.random(in: 0..<bytes.count, using: &generator)] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
          case 2: bytes = Array(bytes.prefix(Int.random(in: 1...bytes.count, using: &generator)))
          default:
            bytes.insert(
              UInt8.random(in: 0...255, using: &generator), at: Int.random(in: 0...bytes.count, using: &generator))
          }
        }
      }
      guard let value = try? Value(messagePack: bytes, as: type) else {
        failedCount += 1
        continue
      }
      decodedCount += 1
      let reencoded = try value.messagePack(as: type)
      #expect(try Value(messagePack: reencoded, as: type) == value, "\(bytes)")
    }
    #expect(decodedCount > 500)
    #expect(failedCount > 5000)
  }
}
