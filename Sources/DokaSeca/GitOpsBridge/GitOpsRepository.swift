/// A Git repository the GitOps Bridge publishes on the cluster Secret, by role: `addons`,
/// `addons_extras`, `workloads`, `clusters`, …
///
/// ArgoCD ApplicationSets read these annotations through their cluster generator
/// (`{{metadata.annotations.addons_repo_url}}`), which is how one Secret steers every addon.
public struct GitOpsRepository: Sendable, Hashable {
  public var role: String
  public var url: String
  public var revision: String?
  public var basepath: String?
  public var path: String?

  public init(role: String, url: String, revision: String? = nil, basepath: String? = nil, path: String? = nil) {
    self.role = role
    self.url = url
    self.revision = revision
    self.basepath = basepath
    self.path = path
  }

  /// `<role>_repo_url`, `<role>_repo_revision`, `<role>_repo_basepath`, `<role>_repo_path`: the
  /// annotation names DoKa Seca's ApplicationSets read. Unset parts are left out.
  public var annotations: [String: String] {
    var annotations = [annotationKey("url"): url]
    if let revision { annotations[annotationKey("revision")] = revision }
    if let basepath { annotations[annotationKey("basepath")] = basepath }
    if let path { annotations[annotationKey("path")] = path }
    return annotations
  }

  /// The annotation key of one part of this repository (`addons_repo_url`).
  public func annotationKey(_ part: String) -> String { "\(role)_repo_\(part)" }
}
