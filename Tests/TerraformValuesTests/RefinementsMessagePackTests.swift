import TerraformValues
import Testing

@Suite("Refined unknowns in msgpack")
struct RefinementsMessagePackTests {
  @Test(
    "Each refinement key round-trips",
    arguments: [
      (Refinements(isNullable: false), CtyType.string),
      (Refinements(isNullable: false), .list(.number)),
      (Refinements(stringPrefix: "https://"), .string),
      (Refinements(isNullable: false, stringPrefix: "ü-"), .string),
      (Refinements(numberLowerBound: NumberBound(0, isInclusive: true)), .number),
      (Refinements(numberUpperBound: NumberBound(number("12345678901234567890.5"), isInclusive: false)), .number),
      (
        Refinements(
          numberLowerBound: NumberBound(.negativeInfinity, isInclusive: false),
          numberUpperBound: NumberBound(number("2.5"), isInclusive: true)), .number
      ),
      (Refinements(lengthLowerBound: 1), .list(.string)),
      (Refinements(lengthUpperBound: 10), .set(.string)),
      (Refinements(isNullable: false, lengthLowerBound: 2, lengthUpperBound: 70000), .map(.bool)),
    ])
  func roundTrip(_ refinements: Refinements, _ type: CtyType) throws {
    let bytes = try Value.unknown(refinements).messagePack(as: type)
    #expect(bytes.first != 0xd4 || bytes[1] == 0x0c, "a refined unknown uses extension 12")
    #expect(try Value(messagePack: bytes, as: type) == .unknown(refinements))
  }

  @Test("Refinements decode from every integer and number form cty might use")
  func decodeForms() throws {
    // {1: false, 5: uint8 3, 6: uint16 300}
    #expect(
      try Value(messagePack: hex("c7 0a 0c 83 01 c2 05 cc 03 06 cd 01 2c"), as: .list(.string))
        == .unknown(Refinements(isNullable: false, lengthLowerBound: 3, lengthUpperBound: 300)))
    // {3: ["1.5" as text, true], 4: [float32 2, false]}
    #expect(
      try Value(messagePack: hex("c7 10 0c 82 03 92 a3 31 2e 35 c3 04 92 ca 40 00 00 00 c2"), as: .number)
        == .unknown(
          Refinements(
            numberLowerBound: NumberBound(number("1.5"), isInclusive: true),
            numberUpperBound: NumberBound(2, isInclusive: false))))
    // {2: bin "ab"}
    #expect(
      try Value(messagePack: hex("c7 06 0c 81 02 c4 02 61 62"), as: .string)
        == .unknown(Refinements(stringPrefix: "ab")))
  }

  @Test("Unknown keys are skipped, whatever their value")
  func unknownKeys() throws {
    // {99: [1, {"x": "y"}], 1: false, 7: nil}
    let payload = hex("83 63 92 01 81 a1 78 a1 79 01 c2 07 c0")
    let bytes = hex("c7") + [UInt8(payload.count)] + [0x0c] + payload
    #expect(try Value(messagePack: bytes, as: .string) == .unknown(Refinements(isNullable: false)))
  }

  @Test("Trailing bytes after the refinement map are ignored, as cty reserves them")
  func trailingPayload() throws {
    #expect(try Value(messagePack: hex("d6 0c 81 01 c2 ff"), as: .string) == .unknown(Refinements(isNullable: false)))
  }

  @Test("Nullness true means the value is null")
  func definitelyNull() throws {
    #expect(try Value(messagePack: hex("c7 03 0c 81 01 c3"), as: .string) == .null)
  }

  @Test("Refinements of a dynamic value are ignored")
  func dynamicRefinements() throws {
    #expect(try Value(messagePack: hex("c7 03 0c 81 01 c2"), as: .dynamic) == .unknownValue)
  }

  @Test("Payloads up to 1024 bytes are read, longer ones refused")
  func payloadLimit() throws {
    // A map with one unknown key (9) whose value is a long string.
    func payload(total: Int) -> [UInt8] {
      let stringLength = total - 5  // 81, 09, da, 2 length bytes
      return hex("81 09 da") + [UInt8(stringLength >> 8), UInt8(stringLength & 0xff)]
        + Array(repeating: 0x61, count: stringLength)
    }
    let fits = payload(total: 1024)
    #expect(try Value(messagePack: hex("c8 04 00 0c") + fits, as: .string) == .unknownValue)
    let tooLong = payload(total: 1025)
    let error = try #require(
      valueError { () throws(ValueError) in try Value(messagePack: hex("c8 04 01 0c") + tooLong, as: .string) })
    #expect(error.message.contains("1025 bytes"))
  }

  @Test(
    "Malformed refinements are errors",
    arguments: [
      ("d5 0c 01 02", CtyType.string, "expected a msgpack map"),
      ("c7 03 0c 81 a1 61", .string, "expected an integer key"),
      ("c7 03 0c 81 01 01", .string, "nullness must be a bool"),
      ("c7 03 0c 81 02 01", .string, "the string prefix must be a string"),
      ("c7 04 0c 81 02 a1 61", .number, "a string prefix for a number"),
      ("c7 03 0c 81 03 01", .number, "a number bound must be a [number, bool] array"),
      ("c7 05 0c 81 03 92 01 01", .number, "a number bound must be a [number, bool] array"),
      ("c7 05 0c 81 03 92 c0 c3", .number, "a number bound must be a [number, bool] array"),
      ("c7 05 0c 81 03 92 01 c3", .string, "a number bound for a string"),
      ("c7 03 0c 81 05 ff", .list(.string), "a length bound must be a non-negative integer"),
      ("c7 03 0c 81 05 01", .tuple([.string]), "a length bound for a tuple"),
      ("c7 04 0c 81 02 a1 ff", .string, "not valid UTF-8"),
      ("c7 03 0c 82 01 c2", .string, "invalid unknown value refinements: msgpack length 2"),
      ("c7 06 0c 81 03 92 cd 00 c3", .number, "invalid unknown value refinements: unexpected end of msgpack data"),
    ])
  func malformed(_ bytes: String, _ type: CtyType, _ messagePart: String) throws {
    let error = try #require(valueError { () throws(ValueError) in try Value(messagePack: hex(bytes), as: type) })
    #expect(error.message.contains(messagePart), "\(error.message)")
  }

  @Test("Errors in refinements name the path of the unknown")
  func errorPath() throws {
    let type = CtyType.object(["id": .number])
    let error = try #require(
      valueError { () throws(ValueError) in try Value(messagePack: hex("81 a2 69 64 c7 04 0c 81 02 a1 61"), as: type) })
    #expect(error.path == AttributePath("id"))
  }
}
