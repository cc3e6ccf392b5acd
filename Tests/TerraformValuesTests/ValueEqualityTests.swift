import TerraformValues
import Testing

@Suite("Value equality and hashing")
struct ValueEqualityTests {
  @Test("Sets are equal whatever the element order, and hash alike")
  func setOrder() {
    let a: Value = .set(["x", "y", "z"])
    let b: Value = .set(["z", "x", "y"])
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Set([a, b]).count == 1)
  }

  @Test("A set is its distinct members")
  func setRepeats() {
    let repeated: Value = .set(["x", "x", "y"])
    let distinct: Value = .set(["y", "x"])
    #expect(repeated == distinct)
    #expect(repeated.hashValue == distinct.hashValue)
    #expect(Value.set(["x"]) != Value.set(["x", "y"]))
  }

  @Test("Sets nested in other values compare by membership")
  func nestedSets() {
    let a: Value = .object(["tags": .set(["a", "b"]), "n": 1])
    let b: Value = .object(["n": 1, "tags": .set(["b", "a"])])
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    let setOfSets: Value = .set([.set([1, 2]), .set([3])])
    #expect(setOfSets == .set([.set([3]), .set([2, 1])]))
  }

  @Test("Numbers compare by value")
  func numbers() {
    let a: Value = .number(number("1.50"))
    let b: Value = .number(number("15e-1"))
    #expect(a == b)
    #expect(a.hashValue == b.hashValue)
    #expect(Value.number(number("-0")) == 0)
    #expect(Value.number(number("1.5")) != Value.number(number("1.05")))
  }

  @Test("Maps and objects compare by keys, not insertion order")
  func mapsAndObjects() {
    var first: [String: Value] = [:]
    first["a"] = 1
    first["b"] = 2
    var second: [String: Value] = [:]
    second["b"] = 2
    second["a"] = 1
    #expect(Value.map(first) == .map(second))
    #expect(Value.map(first).hashValue == Value.map(second).hashValue)
    #expect(Value.object(first) == .object(second))
    #expect(Value.map(first) != .object(first), "a map is not an object")
    #expect(Value.map(["a": 1]) != .map(["a": 2]))
  }

  @Test("Unknowns are equal when their refinements are")
  func unknowns() {
    #expect(Value.unknownValue == .unknown(Refinements()))
    let notNull = Value.unknown(Refinements(isNullable: false))
    #expect(notNull == .unknown(Refinements(isNullable: false)))
    #expect(notNull != .unknownValue)
    #expect(Value.unknown(Refinements(stringPrefix: "a")) != .unknown(Refinements(stringPrefix: "b")))
    #expect(Value.unknownValue != .null)
  }

  @Test("Different kinds are never equal")
  func kinds() {
    #expect(Value.list([]) != .set([]))
    #expect(
      Set<Value>([.list([]), .set([]), .tuple([]), .map([:]), .object([:]), .null, .unknownValue, ""]).count == 8)
    #expect(Value.list([1, 2]) != .tuple([1, 2]))
    #expect(Value.list([1, 2]) != .list([2, 1]), "lists are ordered")
    #expect(Value.string("1") != 1)
    #expect(Value.bool(true) != "true")
    #expect(Value.null != .string(""))
  }

  @Test("Dynamic wrappers compare type and value")
  func dynamic() {
    #expect(Value.dynamic(.string, "a") == .dynamic(.string, "a"))
    #expect(Value.dynamic(.string, "a") != .dynamic(.dynamic, "a"))
    #expect(Value.dynamic(.string, "a") != "a")
    #expect(
      Value.dynamic(.list(.string), .list(["a"])).hashValue == Value.dynamic(.list(.string), .list(["a"])).hashValue)
  }
}
