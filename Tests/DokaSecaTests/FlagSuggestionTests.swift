import Testing

@testable import DokaSeca

@Suite struct FlagSuggestionTests {
  let catalog = AddonCatalog.dokaSeca

  @Test(arguments: [
    ("enable_kyvern", "enable_kyverno"),  // a dropped letter
    ("kyverno", "enable_kyverno"),  // the forgotten prefix
    ("kyvern", "enable_kyverno"),  // both
    ("enable_kyevrno", "enable_kyverno"),  // a transposition counts once
    ("Enable-Cert-Manager", "enable_cert_manager"),  // case and dashes
    ("cert-manager", "enable_cert_manager"),
    ("enable_cert_manger", "enable_cert_manager"),
    ("enable_argo_cd_image_updater", "enable_argo_cd_image_updater"),  // already valid
    ("enable_argocd_image_updater", "enable_argo_cd_image_updater"),
    ("argocd", "enable_argo_cd"),
    ("enabel_kargo", "enable_kargo"),
  ])
  func suggestsTheClosestFlag(input: String, expected: String) {
    #expect(catalog.suggestion(for: input) == expected)
  }

  @Test(arguments: [
    "banana", "xyzzy", "enable_zzzzzzzz", "", "completely_unrelated_setting", "enable_",
    "enable_foo",
  ])
  func nonsenseHasNoSuggestion(input: String) {
    #expect(catalog.suggestion(for: input) == nil)
  }

  @Test func tiesGoToTheAlphabeticallyFirstFlag() {
    let custom = AddonCatalog(entries: [
      AddonEntry(applicationSetName: "b", tier: "t", category: "c", flag: "enable_abcdefgx"),
      AddonEntry(applicationSetName: "a", tier: "t", category: "c", flag: "enable_abcdefgy"),
    ])
    #expect(custom.suggestion(for: "enable_abcdefgz") == "enable_abcdefgx")
    for _ in 0..<5 {
      #expect(custom.suggestion(for: "enable_abcdefgz") == "enable_abcdefgx")
    }
  }

  @Test(arguments: [
    ("kitten", "sitting", 3),
    ("", "abc", 3),
    ("abc", "", 3),
    ("abc", "abc", 0),
    ("ab", "ba", 1),  // transposition
    ("ca", "abc", 3),  // optimal string alignment: no edit of a transposed pair
    ("enable_kyverno", "enable_kyvenro", 1),
    ("é", "e", 1),  // one Unicode scalar, not two UTF-8 bytes
  ])
  func editDistance(a: String, b: String, expected: Int) {
    #expect(EditDistance.optimalStringAlignment(a, b) == expected)
    #expect(EditDistance.optimalStringAlignment(b, a) == expected)
  }
}
