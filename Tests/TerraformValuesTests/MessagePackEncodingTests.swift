import TerraformValues
import Testing

@Suite("msgpack encoding")
struct MessagePackEncodingTests {
  @Test(
    "Primitives, byte for byte as cty writes them",
    arguments: [
      (Value.null, CtyType.string, "c0"),
      (.null, .object(["a": .string]), "c0"),
      (.unknownValue, .string, "d4 00 00"),
      (.unknownValue, .list(.number), "d4 00 00"),
      ("", .string, "a0"),
      ("hi", .string, "a2 68 69"),
      ("é", .string, "a2 c3 a9"),
      (true, .bool, "c3"),
      (false, .bool, "c2"),
    ])
  func primitives(_ value: Value, _ type: CtyType, _ expected: String) throws {
    #expect(try value.messagePack(as: type) == hex(expected))
  }

  @Test(
    "String lengths pick fixstr, str8, str16 and str32",
    arguments: [
      (31, "bf"), (32, "d9 20"), (255, "d9 ff"), (256, "da 01 00"), (65535, "da ff ff"), (65536, "db 00 01 00 00"),
    ])
  func stringWidths(_ length: Int, _ header: String) throws {
    let string = String(repeating: "a", count: length)
    #expect(try Value.string(string).messagePack(as: .string) == hex(header) + utf8(string))
  }

  @Test(
    "Integers use the smallest form",
    arguments: [
      (Int64(0), "00"), (1, "01"), (127, "7f"), (128, "cc 80"), (255, "cc ff"), (256, "cd 01 00"), (65535, "cd ff ff"),
      (65536, "ce 00 01 00 00"), (4_294_967_295, "ce ff ff ff ff"), (4_294_967_296, "cf 00 00 00 01 00 00 00 00"),
      (Int64.max, "cf 7f ff ff ff ff ff ff ff"), (-1, "ff"), (-32, "e0"), (-33, "d0 df"), (-128, "d0 80"),
      (-129, "d1 ff 7f"), (-32768, "d1 80 00"), (-32769, "d2 ff ff 7f ff"), (-2_147_483_648, "d2 80 00 00 00"),
      (-2_147_483_649, "d3 ff ff ff ff 7f ff ff ff"), (Int64.min, "d3 80 00 00 00 00 00 00 00"),
    ])
  func integers(_ integer: Int64, _ expected: String) throws {
    #expect(try Value.number(Number(integer)).messagePack(as: .number) == hex(expected))
  }

  @Test(
    "Numbers: int when exact, float64 when exact, else decimal text",
    arguments: [
      (number("1e3"), "cd 03 e8"),
      (number("1.5"), "cb 3f f8 00 00 00 00 00 00"),
      (number("-0.25"), "cb bf d0 00 00 00 00 00 00"),
      // 0.1 is not a binary fraction: Terraform's 512-bit 0.1 goes out as text too.
      (number("0.1"), "a3 30 2e 31"),
      (Number(exactly: 0.1)!, "cb 3f b9 99 99 99 99 99 9a"),
      // Beyond Int64 but exactly a double: cty's encoder picks float64.
      (number("1180591620717411303424"), "cb 44 50 00 00 00 00 00 00"),
      (number("9223372036854775808"), "cb 43 e0 00 00 00 00 00 00"),
      (Number.infinity, "cb 7f f0 00 00 00 00 00 00"),
      (Number.negativeInfinity, "cb ff f0 00 00 00 00 00 00"),
    ])
  func numbers(_ value: Number, _ expected: String) throws {
    #expect(try Value.number(value).messagePack(as: .number) == hex(expected))
  }

  @Test("Numbers no double holds go out as plain decimal text")
  func numbersAsText() throws {
    let thirty = "123456789012345678901234567890"
    #expect(try Value.number(number(thirty)).messagePack(as: .number) == [0xbe] + utf8(thirty))
    let precise = "0.30000000000000000000000000000000000001"
    #expect(
      try Value.number(number(precise)).messagePack(as: .number) == [0xd9, UInt8(precise.utf8.count)] + utf8(precise))
    let huge = try Value.number(number("1e400")).messagePack(as: .number)
    #expect(huge == [0xda, 0x01, 0x91] + utf8("1" + String(repeating: "0", count: 400)))
  }

  @Test("Collections")
  func collections() throws {
    #expect(try Value.list(["a", "b"]).messagePack(as: .list(.string)) == hex("92 a1 61 a1 62"))
    #expect(try Value.list([]).messagePack(as: .list(.string)) == hex("90"))
    #expect(try Value.set([1, 2]).messagePack(as: .set(.number)) == hex("92 01 02"))
    #expect(
      try Value.tuple(["a", 1, true]).messagePack(as: .tuple([.string, .number, .bool])) == hex("93 a1 61 01 c3"))
    #expect(try Value.list([.null, .unknownValue]).messagePack(as: .list(.string)) == hex("92 c0 d4 00 00"))
    let sixteen = Value.list(Array(repeating: 1, count: 16))
    #expect(try sixteen.messagePack(as: .list(.number)) == hex("dc 00 10") + Array(repeating: 1, count: 16))
    let big = Value.list(Array(repeating: true, count: 65536))
    #expect(try Array(big.messagePack(as: .list(.bool)).prefix(6)) == hex("dd 00 01 00 00 c3"))
  }

  @Test("Maps sort their keys by bytes")
  func maps() throws {
    #expect(try Value.map(["b": 1, "a": 2]).messagePack(as: .map(.number)) == hex("82 a1 61 02 a1 62 01"))
    #expect(try Value.map([:]).messagePack(as: .map(.number)) == hex("80"))
    // "Z" (0x5a) sorts before "a" (0x61), and "é" (c3 a9) after "z".
    #expect(
      try Value.map(["é": 1, "z": 2, "Z": 3]).messagePack(as: .map(.number)) == hex("83 a1 5a 03 a1 7a 02 a2 c3 a9 01"))
    var sixteen: [String: Value] = [:]
    for index in 0..<16 { sixteen[String(UnicodeScalar(UInt8(0x61 + index)))] = .bool(true) }
    let encoded = try Value.map(sixteen).messagePack(as: .map(.bool))
    #expect(Array(encoded.prefix(6)) == hex("de 00 10 a1 61 c3"))
    #expect(encoded.count == 3 + 16 * 3)
  }

  @Test("Objects write every attribute of the type, sorted, absent ones as nil")
  func objects() throws {
    let type = CtyType.object(["b": .string, "a": .number, "c": .bool])
    #expect(try Value.object(["a": 1, "b": "x"]).messagePack(as: type) == hex("83 a1 61 01 a1 62 a1 78 a1 63 c0"))
    #expect(try Value.object([:]).messagePack(as: .object([:])) == hex("80"))
    let nested = CtyType.object(["inner": .object(["z": .string, "y": .list(.number)])])
    #expect(
      try Value.object(["inner": .object(["z": "q", "y": .list([7])])]).messagePack(as: nested)
        == hex("81 a5 69 6e 6e 65 72 82 a1 79 91 07 a1 7a a1 71"))
  }

  @Test("Refined unknowns use extension 12 with only the keys that apply")
  func refinedUnknowns() throws {
    #expect(try Value.unknown(Refinements(isNullable: false)).messagePack(as: .string) == hex("c7 03 0c 81 01 c2"))
    #expect(
      try Value.unknown(Refinements(isNullable: false, stringPrefix: "abc")).messagePack(as: .string)
        == hex("d7 0c 82 01 c2 02 a3 61 62 63"))
    // A refinement that cannot apply to the type is dropped, never sent as an empty map.
    #expect(try Value.unknown(Refinements(stringPrefix: "abc")).messagePack(as: .number) == hex("d4 00 00"))
    #expect(try Value.unknown(Refinements(isNullable: true)).messagePack(as: .string) == hex("d4 00 00"))
    #expect(try Value.unknown(Refinements(isNullable: false)).messagePack(as: .dynamic) == hex("d4 00 00"))
    #expect(try Value.unknown(Refinements(lengthLowerBound: 0)).messagePack(as: .list(.string)) == hex("d4 00 00"))
    #expect(
      try Value.unknown(
        Refinements(
          numberLowerBound: NumberBound(0, isInclusive: true),
          numberUpperBound: NumberBound(number("1.5"), isInclusive: false))
      )
      .messagePack(as: .number) == hex("c7 11 0c 82 03 92 00 c3 04 92 cb 3f f8 00 00 00 00 00 00 c2"))
    #expect(
      try Value.unknown(Refinements(lengthLowerBound: 1, lengthUpperBound: 300)).messagePack(as: .map(.string))
        == hex("c7 07 0c 82 05 01 06 cd 01 2c"))
  }

  @Test("String prefixes are cut to 256 bytes on a character boundary")
  func prefixTruncation() throws {
    let prefix = String(repeating: "a", count: 255) + "é" + "tail"
    let encoded = try Value.unknown(Refinements(stringPrefix: prefix)).messagePack(as: .string)
    let decoded = try Value(messagePack: encoded, as: .string)
    #expect(decoded == .unknown(Refinements(stringPrefix: String(repeating: "a", count: 255))))
    let exact = String(repeating: "b", count: 254) + "é"
    let kept = try Value(
      messagePack: Value.unknown(Refinements(stringPrefix: exact)).messagePack(as: .string), as: .string)
    #expect(kept.refinements?.stringPrefix == exact)
  }

  @Test(
    "Values that do not fit the type are refused with the path",
    arguments: [
      (Value.number(1), CtyType.string, "", "expected a string, found a number"),
      (.object(["a": 1, "zz": 2]), .object(["a": .number]), "zz", "unsupported attribute \"zz\""),
      (.list([.object(["a": "x"])]), .list(.object(["a": .number])), "[0].a", "expected a number, found a string"),
      (.tuple([1]), .tuple([.number, .number]), "", "expected a tuple of 2 elements, found 1"),
      (.map(["k": .set([1])]), .map(.list(.number)), "[\"k\"]", "expected a list, found a set"),
      (.dynamic(.string, "a"), .number, "", "expected a number of type number, found a dynamic value of type string"),
      (
        .set(["a", 1]), .dynamic, "", "set elements have different types (string and number), so no set type fits them"
      ),
    ])
  func mismatches(_ value: Value, _ type: CtyType, _ path: String, _ message: String) throws {
    let error = try #require(valueError { () throws(ValueError) in try value.messagePack(as: type) })
    #expect(error.path.description == path)
    #expect(error.message == message)
  }
}
