import Foundation

/// A `kind version` such as `kind v0.27.0 go1.23.4 linux/amd64`.
public struct KindVersion: Sendable, Comparable, CustomStringConvertible {
  public var major: Int
  public var minor: Int
  public var patch: Int
  /// The whole line, for messages.
  public var text: String

  /// The oldest kind this provider drives: v0.20 brought the v1alpha4 fields it renders and
  /// `get kubeconfig --internal` as it behaves today.
  public static let minimum = KindVersion(major: 0, minor: 20, patch: 0, text: "v0.20.0")

  public init(major: Int, minor: Int, patch: Int, text: String) {
    self.major = major
    self.minor = minor
    self.patch = patch
    self.text = text
  }

  /// Parses the first `vX.Y.Z` of the output; `nil` when there is none.
  public init?(parsing output: String) {
    for word in output.split(whereSeparator: { $0 == " " || $0 == "\n" }) where word.hasPrefix("v") {
      let numbers = word.dropFirst().split(separator: "-").first?.split(separator: ".").compactMap { Int($0) } ?? []
      if numbers.count == 3 {
        self.init(
          major: numbers[0], minor: numbers[1], patch: numbers[2],
          text: output.trimmingCharacters(in: .whitespacesAndNewlines))
        return
      }
    }
    return nil
  }

  public var description: String { "v\(major).\(minor).\(patch)" }

  public static func < (lhs: KindVersion, rhs: KindVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) < (rhs.major, rhs.minor, rhs.patch)
  }

  public static func == (lhs: KindVersion, rhs: KindVersion) -> Bool {
    (lhs.major, lhs.minor, lhs.patch) == (rhs.major, rhs.minor, rhs.patch)
  }
}
