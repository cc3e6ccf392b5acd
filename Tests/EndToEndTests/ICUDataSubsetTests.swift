import Foundation
import ProviderTesting
import Testing

/// The release build links a subset of ICU's data (`scripts/icu-data-subset.py`) in place of the
/// 34 MB that static Foundation brings. A probe program is linked statically twice, once with the
/// toolchain's data and once with the subset, and both must answer alike for everything the
/// provider and Yams reach through Foundation; they differ only where another language's data or
/// a legacy encoding is asked for, which also shows the subset is what the probe linked.
@Suite struct ICUDataSubsetTests {
  static let toolchainArchive: String? = {
    guard let swiftc = SearchPath.executables(named: "swiftc").first else { return nil }
    let archive = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath()
      .deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("lib/swift_static/linux/lib_FoundationICU.a").path
    return FileManager.default.fileExists(atPath: archive) ? archive : nil
  }()

  /// Each line is `name=result`; lines starting `left-out:` ask for what the subset leaves out.
  static let probe = #"""
    import Foundation

    // What Yams reaches: timestamps (Gregorian calendar, fixed offsets), dates and floats as
    // en_US_POSIX and en_US write them, scalar resolution by regular expression.
    let instant = Date(timeIntervalSince1970: 1_008_370_783.1)
    var components = DateComponents()
    components.calendar = Calendar(identifier: .gregorian)
    components.timeZone = TimeZone(secondsFromGMT: -5 * 3600)
    (components.year, components.month, components.day, components.hour, components.minute) = (2001, 12, 14, 21, 59)
    print("timestamp=\(components.date?.timeIntervalSince1970 ?? -1)")
    let posix = DateFormatter()
    posix.locale = Locale(identifier: "en_US_POSIX")
    posix.timeZone = TimeZone(secondsFromGMT: 0)
    posix.dateFormat = "yyyy-MM-dd'T'HH:mm:ss.SSS'Z'"
    print("posix-date=\(posix.string(from: instant))")
    print("posix-parse=\(posix.date(from: "2001-12-15T02:59:43.100Z")?.timeIntervalSince1970 ?? -1)")
    print("iso8601=\(ISO8601DateFormatter().string(from: instant))")
    let number = NumberFormatter()
    number.locale = Locale(identifier: "en_US")
    number.numberStyle = .scientific
    number.usesSignificantDigits = true
    number.maximumSignificantDigits = 15
    print("number=\(number.string(from: 1234567.891) ?? "nil") \(number.string(from: 1e-7) ?? "nil")")
    let float = try NSRegularExpression(pattern: #"^[-+]?[0-9][0-9_]*(\.[0-9_]*)?([eE][-+][0-9]+)?$"#)
    let letters = try NSRegularExpression(pattern: #"\p{Lu}+"#, options: .caseInsensitive)
    let text = "1_000.5e+3 Ärger"
    print("regex=\(float.numberOfMatches(in: text, range: NSRange(location: 0, length: 10))) \(letters.numberOfMatches(in: text, range: NSRange(text.startIndex..., in: text)))")

    // The rest of Foundation's ICU use, in the current locale (en_001 on Linux) and in English.
    print("current-locale=\(Locale.current.identifier)")
    print("case=\("straße istanbul".uppercased()) \("hello wide world".capitalized)")
    print("compare=\("a".compare("B", options: .caseInsensitive).rawValue) \("file10".localizedStandardCompare("file9").rawValue)")
    print("nfkc=\("ﬁ①".precomposedStringWithCompatibilityMapping)")
    let newYork = TimeZone(identifier: "America/New_York")
    print("time-zone=\(newYork?.secondsFromGMT(for: instant) ?? 0) \(newYork?.abbreviation(for: instant) ?? "nil")")
    let english = Locale(identifier: "en_US")
    print("names=\(english.localizedString(forLanguageCode: "de") ?? "nil") \(english.localizedString(forRegionCode: "JP") ?? "nil") \(english.currencySymbol ?? "nil")")
    print("encodings=\("héllo".data(using: .isoLatin1)?.count ?? -1) \(String(data: "héllo".data(using: .utf16)!, encoding: .utf16) ?? "nil")")

    let german = DateFormatter()
    german.locale = Locale(identifier: "de_DE")
    german.timeZone = TimeZone(secondsFromGMT: 0)
    german.dateStyle = .full
    print("left-out:german-date=\(german.string(from: instant))")
    print("left-out:japanese-name=\(Locale(identifier: "ja").localizedString(forLanguageCode: "en") ?? "nil")")
    print("left-out:shift-jis=\("日本".data(using: .shiftJIS)?.count ?? -1)")
    """#

  @Test(.enabled(if: toolchainArchive != nil, "needs a Linux toolchain's static Foundation"))
  func theSubsetAnswersAsTheWholeDataForEnglishAndLocaleIndependentWork() throws {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("icu-subset-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let environment = ProcessInfo.processInfo.environment

    let generated = try ProcessRunner.run(
      "/usr/bin/env", ["python3", "scripts/icu-data-subset.py", "--output-dir", scratch.path],
      environment: environment, directory: TerraformConfigurationsTests.repository)
    try #require(generated.exitCode == 0, "\(generated.combinedOutput)")
    let argumentsFile = generated.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
    // As scripts/build-release.sh links: lld, unreferenced sections dropped, the subset's arguments.
    let subsetArguments = try String(contentsOfFile: argumentsFile, encoding: .utf8)
      .split(separator: "\n").flatMap { ["-Xlinker", String($0)] }

    let source = scratch.appendingPathComponent("probe.swift")
    try Self.probe.write(to: source, atomically: true, encoding: .utf8)
    func probe(named name: String, linking extra: [String]) throws -> (lines: [String], size: Int) {
      let binary = scratch.appendingPathComponent(name).path
      let built = try ProcessRunner.run(
        "/usr/bin/env",
        ["swiftc", "-static-stdlib", "-use-ld=lld", "-Xlinker", "--gc-sections", source.path] + extra + ["-o", binary],
        environment: environment)
      try #require(built.exitCode == 0, "\(built.combinedOutput)")
      let ran = try ProcessRunner.run(binary, [], environment: environment)
      try #require(ran.exitCode == 0, "\(ran.combinedOutput)")
      let size = try FileManager.default.attributesOfItem(atPath: binary)[.size] as? Int ?? 0
      return (ran.standardOutput.split(separator: "\n").map(String.init), size)
    }
    let whole = try probe(named: "whole", linking: [])
    let subset = try probe(named: "subset", linking: subsetArguments)

    let isLeftOut = { (line: String) in line.hasPrefix("left-out:") }
    #expect(whole.lines.filter { !isLeftOut($0) }.count == 13)
    #expect(subset.lines.filter { !isLeftOut($0) } == whole.lines.filter { !isLeftOut($0) })
    let leftOut = zip(whole.lines.filter(isLeftOut), subset.lines.filter(isLeftOut))
    #expect(leftOut.count { $0 != $1 } == 3, "the probe did not link the subset: \(Array(leftOut))")
    #expect(whole.size - subset.size > 25_000_000, "whole \(whole.size) bytes, with the subset \(subset.size)")
  }
}
