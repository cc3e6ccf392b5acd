import TerraformValues
import Testing

@Suite("msgpack decoding")
struct MessagePackDecodingTests {
  @Test(
    "Every integer and float format reads as a number",
    arguments: [
      ("05", "5"), ("7f", "127"), ("e0", "-32"), ("ff", "-1"), ("cc ff", "255"), ("cd 01 00", "256"),
      ("ce ff ff ff ff", "4294967295"), ("cf ff ff ff ff ff ff ff ff", "18446744073709551615"),
      ("d0 80", "-128"), ("d0 7f", "127"), ("d1 80 00", "-32768"), ("d2 80 00 00 00", "-2147483648"),
      ("d3 80 00 00 00 00 00 00 00", "-9223372036854775808"), ("d3 00 00 00 00 00 00 00 2a", "42"),
      ("ca 3f c0 00 00", "1.5"), ("ca c1 20 00 00", "-10"), ("cb 3f f8 00 00 00 00 00 00", "1.5"),
      ("cb 3f b9 99 99 99 99 99 9a", "0.1000000000000000055511151231257827021181583404541015625"),
      ("a3 31 65 32", "100"), ("a7 2d 31 32 2e 35 30 30", "-12.5"),
    ])
  func numbers(_ bytes: String, _ expected: String) throws {
    #expect(try Value(messagePack: hex(bytes), as: .number) == .number(number(expected)))
  }

  @Test("Infinities read from float64 and from text")
  func infinities() throws {
    #expect(try Value(messagePack: hex("cb 7f f0 00 00 00 00 00 00"), as: .number) == .number(.infinity))
    #expect(try Value(messagePack: hex("ca ff 80 00 00"), as: .number) == .number(.negativeInfinity))
    #expect(try Value(messagePack: hex("a4") + utf8("+Inf"), as: .number) == .number(.infinity))
  }

  @Test(
    "Every str and bin format reads as a string",
    arguments: [
      ("a0", 0), ("a3", 3), ("bf", 31), ("d9 20", 32), ("d9 ff", 255), ("da 01 00", 256), ("db 00 00 01 00", 256),
      ("c4 05", 5), ("c5 01 00", 256), ("c6 00 00 00 04", 4),
    ])
  func strings(_ header: String, _ length: Int) throws {
    let text = String(repeating: "z", count: length)
    #expect(try Value(messagePack: hex(header) + utf8(text), as: .string) == .string(text))
  }

  @Test("Every array format reads as a list, set or tuple")
  func arrays() throws {
    #expect(try Value(messagePack: hex("92 01 02"), as: .list(.number)) == .list([1, 2]))
    #expect(try Value(messagePack: hex("dc 00 02 01 02"), as: .set(.number)) == .set([2, 1]))
    #expect(
      try Value(messagePack: hex("dd 00 00 00 02 a1 61 c3"), as: .tuple([.string, .bool])) == .tuple(["a", true]))
    #expect(try Value(messagePack: hex("90"), as: .list(.string)) == .list([]))
    let seventeen = hex("dc 00 11") + Array(repeating: 0xc2, count: 17)
    #expect(try Value(messagePack: seventeen, as: .list(.bool)) == .list(Array(repeating: false, count: 17)))
  }

  @Test("Every map format reads as a map or an object")
  func maps() throws {
    #expect(try Value(messagePack: hex("81 a1 61 01"), as: .map(.number)) == .map(["a": 1]))
    #expect(try Value(messagePack: hex("de 00 01 a1 61 01"), as: .map(.number)) == .map(["a": 1]))
    #expect(try Value(messagePack: hex("df 00 00 00 01 a1 61 01"), as: .map(.number)) == .map(["a": 1]))
    #expect(
      try Value(messagePack: hex("81 c4 01 61 01"), as: .map(.number)) == .map(["a": 1]), "bin keys are read as strings"
    )
    let type = CtyType.object(["a": .number, "b": .string])
    #expect(
      try Value(messagePack: hex("82 a1 62 a1 78 a1 61 01"), as: type) == .object(["a": 1, "b": "x"]), "any key order")
    #expect(try Value(messagePack: hex("de 00 02 a1 61 01 a1 62 c0"), as: type) == .object(["a": 1, "b": .null]))
  }

  @Test("An empty map is an object whose every attribute is null")
  func emptyObject() throws {
    let type = CtyType.object(["a": .number, "b": .list(.string)])
    #expect(try Value(messagePack: hex("80"), as: type) == .object(["a": .null, "b": .null]))
  }

  @Test(
    "nil is null for every type",
    arguments: [
      CtyType.string, .number, .bool, .dynamic, .list(.string), .set(.number), .map(.bool), .object(["a": .string]),
      .tuple([.string]),
    ])
  func nilIsNull(_ type: CtyType) throws {
    #expect(try Value(messagePack: [0xc0], as: type) == .null)
  }

  @Test(
    "Any extension but type 12 is a plain unknown, its payload ignored",
    arguments: [
      "d4 00 00", "d4 05 ff", "d5 00 01 02", "d6 7f 01 02 03 04", "d7 01 00 00 00 00 00 00 00 00",
      "d8 ff 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00", "c7 00 00", "c7 02 03 ab cd", "c8 00 01 09 ee",
      "c9 00 00 00 01 80 00", "c7 00 0c", "d4 0c 80", "d4 0c 01",
    ])
  func otherExtensions(_ bytes: String) throws {
    #expect(try Value(messagePack: hex(bytes), as: .string) == .unknownValue)
    #expect(try Value(messagePack: hex("91") + hex(bytes), as: .list(.string)) == .list([.unknownValue]))
  }

  @Test("Unknowns inside structures")
  func nestedUnknowns() throws {
    let type = CtyType.object(["id": .string, "tags": .map(.string)])
    let decoded = try Value(messagePack: hex("82 a2 69 64 d4 00 00 a4 74 61 67 73 81 a1 6b d4 00 00"), as: type)
    #expect(decoded == .object(["id": .unknownValue, "tags": .map(["k": .unknownValue])]))
    #expect(!decoded.isWhollyKnown)
  }

  @Test(
    "Round trips",
    arguments: [
      (
        Value.object([
          "name": "kind", "nodes": .list([.object(["role": "worker", "count": 3])]), "labels": .map(["a": "b"]),
          "ratio": .number(number("0.333333333333333333333333333")),
        ]),
        CtyType.object([
          "name": .string, "nodes": .list(.object(["role": .string, "count": .number])), "labels": .map(.string),
          "ratio": .number,
        ])
      ),
      (.set([.tuple(["a", .null]), .tuple(["b", .unknownValue])]), .set(.tuple([.string, .bool]))),
      (
        .list([
          .number(.infinity), .number(number("-1e-30")), .number(Number(Int64.min)),
          .number(number("18446744073709551616")),
        ]), .list(.number)
      ),
      (.map(["": "", "ü": "✓"]), .map(.string)),
    ])
  func roundTrips(_ value: Value, _ type: CtyType) throws {
    let bytes = try value.messagePack(as: type)
    #expect(try Value(messagePack: bytes, as: type) == value)
    #expect(try Value(messagePack: bytes, as: type).messagePack(as: type) == bytes)
  }

  @Test("Decoding a float and encoding it again gives the same bytes")
  func floatsAreStable() throws {
    for double in [0.1, 1.0 / 3.0, 2.5e-300, 6.02214076e23, -123.456] {
      var bytes: [UInt8] = [0xcb]
      for shift in stride(from: 56, through: 0, by: -8) {
        bytes.append(UInt8(truncatingIfNeeded: double.bitPattern >> UInt64(shift)))
      }
      #expect(try Value(messagePack: bytes, as: .number).messagePack(as: .number) == bytes)
    }
  }
}
