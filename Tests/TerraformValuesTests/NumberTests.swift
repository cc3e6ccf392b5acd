import TerraformValues
import Testing

@Suite("Number")
struct NumberTests {
  @Test(
    "Equal values have one canonical form",
    arguments: [
      ("1.50", "1.5"), ("-0", "0"), ("1e3", "1000"), ("0.00100", "1e-3"), ("+5", "5"), ("007", "7"),
      (".5", "0.5"), ("5.", "5"), ("1E+2", "100"), ("-0.0e10", "0"), ("12345e-2", "123.45"),
      ("100e-2", "1"), ("0e99999", "0"),
    ])
  func canonicalForm(_ left: String, _ right: String) throws {
    let l = try #require(Number(decimalString: left))
    let r = try #require(Number(decimalString: right))
    #expect(l == r)
    #expect(l.hashValue == r.hashValue)
    #expect(Set([l, r]).count == 1)
    #expect(l.description == r.description)
  }

  @Test(
    "Description is plain decimal text like big.Float.Text('f', -1)",
    arguments: [
      ("1e3", "1000"), ("-12.5000", "-12.5"), ("1e-7", "0.0000001"), ("123.456e1", "1234.56"), ("0", "0"),
      ("-0.25", "-0.25"), ("123456789012345678901234567890", "123456789012345678901234567890"),
      ("0.000123456789012345678901234567890", "0.00012345678901234567890123456789"), ("9.99e2", "999"),
      ("-1E-1", "-0.1"), ("42", "42"),
    ])
  func description(_ text: String, _ expected: String) throws {
    #expect(try #require(Number(decimalString: text)).description == expected)
  }

  @Test("Infinities", arguments: [(Number.infinity, "+Inf"), (Number.negativeInfinity, "-Inf")])
  func infinities(_ number: Number, _ text: String) {
    #expect(number.description == text)
    #expect(number.isInfinite)
    #expect(!number.isInteger)
    #expect(number.int64Value == nil)
    #expect(number.doubleValue.isInfinite)
    #expect(Number(decimalString: text) == nil, "decimalString accepts only finite text")
  }

  @Test(
    "Invalid decimal text is refused",
    arguments: [
      "", "-", "+", ".", "abc", "1e", "1e+", "1.2.3", "Inf", "-Inf", "NaN", " 1", "1 ", "0x10", "1e100001",
      "--1", "1_000", "1,5", "e5", "1..2", "١",
    ])
  func invalidText(_ text: String) {
    #expect(Number(decimalString: text) == nil)
  }

  @Test("The exponent is bounded but the digits are not")
  func exponentBound() throws {
    #expect(Number(decimalString: "1e100000") != nil)
    #expect(Number(decimalString: "1e-100000") != nil)
    #expect(Number(decimalString: "1e100001") == nil)
    #expect(Number(decimalString: "1e99999999999999999999999") == nil)
    let longDigits = String(repeating: "9", count: 5000)
    #expect(try #require(Number(decimalString: longDigits)).description == longDigits)
  }

  @Test(
    "int64Value is exact only",
    arguments: [
      ("9223372036854775807", Int64.max as Int64?), ("-9223372036854775808", Int64.min), ("9223372036854775808", nil),
      ("-9223372036854775809", nil), ("1.5", nil), ("1e18", 1_000_000_000_000_000_000), ("1e19", nil), ("-42", -42),
      ("0", 0), ("4200e-2", 42), ("99999999999999999999", nil),
    ])
  func int64Value(_ text: String, _ expected: Int64?) throws {
    let value = try #require(Number(decimalString: text))
    #expect(value.int64Value == expected)
    #expect(value.intValue == expected.map(Int.init))
  }

  @Test("uint64Value covers the unsigned range")
  func uint64Value() throws {
    #expect(number("18446744073709551615").uint64Value == UInt64.max)
    #expect(number("18446744073709551616").uint64Value == nil)
    #expect(number("-1").uint64Value == nil)
    #expect(Number(UInt64.max).description == "18446744073709551615")
  }

  @Test("Integer initialisers are exact")
  func integerInitialisers() {
    #expect(Number(Int64.min).description == "-9223372036854775808")
    #expect(Number(Int64.max).int64Value == Int64.max)
    #expect(Number(0) == .zero)
    #expect(Number(-7).isNegative)
    #expect(Number(1000) == number("1e3"))
  }

  @Test("isInteger and isZero")
  func predicates() {
    #expect(number("1e3").isInteger)
    #expect(number("12345678901234567890123").isInteger)
    #expect(!number("1.5").isInteger)
    #expect(number("0").isInteger)
    #expect(number("-0.000").isZero)
    #expect(!number("-0.000").isNegative)
  }

  @Test(
    "Ordering",
    arguments: [["-Inf", "-1e30", "-1.5", "-1", "0", "0.001", "0.01", "1", "1.0001", "2", "10", "1e30", "+Inf"]])
  func ordering(_ texts: [String]) {
    let numbers = texts.map { text -> Number in
      switch text {
      case "+Inf": .infinity
      case "-Inf": .negativeInfinity
      default: number(text)
      }
    }
    #expect(numbers.shuffled().sorted() == numbers)
    for (smaller, larger) in zip(numbers, numbers.dropFirst()) {
      #expect(smaller < larger)
      #expect(!(larger < smaller))
    }
    #expect(!(Number.infinity < .infinity))
    #expect(!(number("1.50") < number("1.5")))
  }

  @Test("Number(Double) is the shortest decimal that rounds to the double")
  func fromDoubleShortest() throws {
    func converted(_ double: Double) -> Number? { Number(double) }
    #expect(try #require(converted(0.1)).description == "0.1")
    #expect(try #require(converted(1e16)).description == "10000000000000000")
    #expect(try #require(converted(-2.5)).description == "-2.5")
    #expect(try #require(converted(-0.0)) == .zero)
    #expect(try #require(converted(0.1 + 0.2)).description == "0.30000000000000004")
    #expect(converted(.nan) == nil)
    #expect(converted(.infinity) == .infinity)
    #expect(converted(-.infinity) == .negativeInfinity)
    // `Number(0.1)` with a literal is the float-literal conformance, with the same meaning.
    #expect(Number(0.1) == converted(0.1))
  }

  @Test("Number(exactly:) is the exact binary value")
  func fromDoubleExact() throws {
    #expect(
      try #require(Number(exactly: 0.1)).description == "0.1000000000000000055511151231257827021181583404541015625")
    #expect(try #require(Number(exactly: 1.5)).description == "1.5")
    #expect(try #require(Number(exactly: 0x1p70)).description == "1180591620717411303424")
    let smallest = try #require(Number(exactly: Double.leastNonzeroMagnitude)).description
    #expect(smallest.hasPrefix("0." + String(repeating: "0", count: 323) + "4940656458412465441765687928682213723650"))
    #expect(Number(exactly: .nan) == nil)
  }

  @Test(
    "doubleValue round-trips doubles",
    arguments: [
      0.1, 1.5, -2.75, 1e300, Double.leastNonzeroMagnitude, Double.greatestFiniteMagnitude, 123456.789, 0x1p70, -1e-10,
      3.0,
    ])
  func doubleRoundTrip(_ double: Double) throws {
    #expect(try #require(Number(exactly: double)).doubleValue == double)
    #expect(try #require(Number(double)).doubleValue == double)
  }

  @Test("doubleValue rounds to nearest and overflows to infinity")
  func doubleValueRounding() {
    #expect(number("0.1000000000000000055511151231257827021181583404541015626").doubleValue == 0.1)
    #expect(number("1e400").doubleValue == .infinity)
    #expect(number("-1e400").doubleValue == -.infinity)
    #expect(number("1e-400").doubleValue == 0)
    #expect(number("123456789012345678901234567890").doubleValue == 1.2345678901234568e29)
  }

  @Test("Literals")
  func literals() {
    let big: Number = 123456789012345678901234567890
    #expect(big.description == "123456789012345678901234567890")
    let negativeBig: Number = -98765432109876543210987654321
    #expect(negativeBig.description == "-98765432109876543210987654321")
    let small: Number = -5
    #expect(small.int64Value == -5)
    let fraction: Number = 0.1
    #expect(fraction == number("0.1"))
    let minimum: Number = -9223372036854775808
    #expect(minimum.int64Value == Int64.min)
  }
}
