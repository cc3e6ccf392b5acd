import DokaSeca
import Testing

@Suite struct LabelValidationTests {
  static let name63 = String(repeating: "a", count: 63)
  static let name64 = String(repeating: "a", count: 64)
  /// 253 characters: four 62-character DNS labels joined by dots, plus a fifth of 1 character.
  static let prefix253 =
    Array(repeating: String(repeating: "b", count: 62), count: 4).joined(separator: ".") + ".c"
  static let prefix254 = "d" + prefix253

  @Test(arguments: [
    "environment", "enable_kargo", "a", "Z", "1", "a-b_c.d", "MyName", "123-abc",
    "app.kubernetes.io/name", "example.com/owner", "k8s.io/x", "a/b", "x-1.y-2/Z_z",
    name63, "example.com/" + name63, prefix253 + "/x",
  ])
  func validKeys(key: String) {
    #expect(LabelValidation.invalidKeyReason(key) == nil)
    #expect(LabelValidation.isValidKey(key))
  }

  @Test(arguments: [
    ("", "must not be empty"),
    ("-a", "start and end with an alphanumeric"),
    ("a-", "start and end with an alphanumeric"),
    ("_a", "start and end with an alphanumeric"),
    ("a.", "start and end with an alphanumeric"),
    ("a b", "alphanumeric characters"),
    ("a:b", "alphanumeric characters"),
    ("ñame", "alphanumeric characters"),
    ("/name", "prefix before \"/\" must not be empty"),
    ("example.com/", "name part after \"/\" must not be empty"),
    ("a/b/c", "at most one \"/\""),
    ("Example.com/name", "DNS subdomain"),
    ("exa_mple.com/x", "DNS subdomain"),
    ("example..com/x", "DNS subdomain"),
    (".example.com/x", "DNS subdomain"),
    ("-example.com/x", "DNS subdomain"),
    ("example.com/-x", "name part after \"/\""),
    (name64, "no more than 63 characters (this one has 64)"),
    ("example.com/" + name64, "no more than 63"),
    (prefix254 + "/x", "no more than 253 characters (this one has 254)"),
  ])
  func invalidKeys(key: String, reasonFragment: String) throws {
    let reason = try #require(LabelValidation.invalidKeyReason(key))
    #expect(reason.contains(reasonFragment), "\(reason)")
    #expect(!LabelValidation.isValidKey(key))
  }

  @Test(arguments: [
    "", "true", "false", "a", "dev", "prod", "v1.2.3", "A_b-c.D", "123", name63,
  ])
  func validValues(value: String) {
    #expect(LabelValidation.invalidValueReason(value) == nil)
    #expect(LabelValidation.isValidValue(value))
  }

  @Test(arguments: [
    ("-dev", "start and end with an alphanumeric"),
    ("dev-", "start and end with an alphanumeric"),
    ("a b", "alphanumeric characters"),
    ("a/b", "alphanumeric characters"),
    ("é", "alphanumeric characters"),
    ("{{values}}", "alphanumeric characters"),
    (name64, "no more than 63 characters (this one has 64)"),
  ])
  func invalidValues(value: String, reasonFragment: String) throws {
    let reason = try #require(LabelValidation.invalidValueReason(value))
    #expect(reason.contains(reasonFragment), "\(reason)")
    #expect(!LabelValidation.isValidValue(value))
  }

  @Test func limitsMatchKubernetes() {
    #expect(LabelValidation.maximumNameLength == 63)
    #expect(LabelValidation.maximumPrefixLength == 253)
    #expect(Self.prefix253.utf8.count == 253)
    #expect(Self.prefix254.utf8.count == 254)
  }

  @Test func lengthCountsUTF8BytesLikeKubernetes() throws {
    // 32 two-byte characters are 64 bytes: too long, whatever the character rules say.
    let value = String(repeating: "é", count: 32)
    let reason = try #require(LabelValidation.invalidValueReason(value))
    #expect(reason.contains("no more than 63"))
  }
}
