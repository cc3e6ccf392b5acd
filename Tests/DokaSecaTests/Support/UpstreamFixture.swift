import Foundation

/// The upstream data the catalog was generated from, read at test time so that the compiled
/// catalog is checked against the source rather than against itself.
///
/// The file lives outside the repository (`../shared/data/` beside the repository root) and is
/// never copied into it. It is found, in order, through `DOKASECA_SHARED_DIR` (the `shared`
/// folder, or its `data` folder), then by walking up from this source file, both as compiled and
/// with symlinks resolved, to a folder that holds `Package.swift` and has `../shared/data/` with
/// the file: tests may be built from a package that links this folder in from elsewhere.
struct UpstreamDocument: Decodable, Sendable {
  var source: String
  var applicationsets: [UpstreamApplicationSet]

  static let fileName = "dokaseca-addons-applicationsets.json"

  /// Loaded once; every test shares it.
  static let shared: Result<UpstreamDocument, UpstreamFixtureError> = read()

  private static func read() -> Result<UpstreamDocument, UpstreamFixtureError> {
    let url: URL
    do {
      url = try locate()
    } catch {
      return .failure(error)
    }
    do {
      let data = try Data(contentsOf: url)
      return .success(try JSONDecoder().decode(UpstreamDocument.self, from: data))
    } catch {
      return .failure(UpstreamFixtureError(message: "cannot read \(url.path): \(error)"))
    }
  }

  static func load() throws -> UpstreamDocument { try shared.get() }

  static func locate(filePath: String = #filePath) throws(UpstreamFixtureError) -> URL {
    let files = FileManager.default
    var tried: [String] = []

    if let shared = ProcessInfo.processInfo.environment["DOKASECA_SHARED_DIR"], !shared.isEmpty {
      let base = URL(fileURLWithPath: shared, isDirectory: true)
      for candidate in [base.appendingPathComponent("data"), base] {
        let url = candidate.appendingPathComponent(fileName)
        if files.fileExists(atPath: url.path) { return url }
        tried.append(url.path)
      }
    }

    let file = URL(fileURLWithPath: filePath)
    for start in [file, file.resolvingSymlinksInPath()] {
      var directory = start.deletingLastPathComponent()
      while directory.path != "/" && !directory.path.isEmpty {
        let url = directory.deletingLastPathComponent()
          .appendingPathComponent("shared/data", isDirectory: true)
          .appendingPathComponent(fileName)
        let isPackageRoot = files.fileExists(
          atPath: directory.appendingPathComponent("Package.swift").path)
        if isPackageRoot && files.fileExists(atPath: url.path) { return url }
        if isPackageRoot { tried.append(url.path) }
        directory = directory.deletingLastPathComponent()
      }
    }
    throw UpstreamFixtureError(
      message: "cannot find \(fileName); set DOKASECA_SHARED_DIR. Tried: "
        + tried.joined(separator: ", "))
  }
}

/// One ApplicationSet as the upstream JSON describes it.
struct UpstreamApplicationSet: Decodable, Sendable {
  var file: String
  var tier: String
  var category: String
  var appset: String
  var flags: [String]
  var chart: String?
  var chartRepository: String?
  var chartVersion: String?
  var chartVersionByEnvironment: [String: String]
  var namespace: String

  enum CodingKeys: String, CodingKey {
    case file, tier, category, appset, flags, chart, namespace
    case chartRepository = "chart_repository"
    case chartVersion = "chart_version"
    case chartVersionByEnvironment = "chart_version_by_environment"
  }
}

struct UpstreamFixtureError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}
