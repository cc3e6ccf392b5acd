/// An `apiVersion` split into its API group and version: `apps/v1`, or `v1` for the core group.
struct GroupVersion: Sendable, Hashable {
  var group: String
  var version: String

  init(group: String, version: String) {
    self.group = group
    self.version = version
  }

  init(apiVersion: String) throws(KubernetesError) {
    let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1 where !apiVersion.isEmpty:
      (group, version) = ("", apiVersion)
    case 2 where !parts[0].isEmpty && !parts[1].isEmpty:
      (group, version) = (String(parts[0]), String(parts[1]))
    default:
      throw .invalidConfiguration("\"\(apiVersion)\" is not an apiVersion (expected group/version, or v1)")
    }
  }

  /// Where discovery lists the group version's resources.
  var path: String { group.isEmpty ? "/api/\(version)" : "/apis/\(group)/\(version)" }
}
