import Foundation

/// The upstream data the catalog was generated from, read at test time so that the compiled
/// catalog is checked against the source rather than against itself.
///
/// The file lives outside the repository, in `../shared/data/` (see `SharedFolder`).
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

  static func locate() throws(UpstreamFixtureError) -> URL {
    do {
      return try SharedFolder.locate("data/\(fileName)")
    } catch {
      throw UpstreamFixtureError(message: error.description)
    }
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
