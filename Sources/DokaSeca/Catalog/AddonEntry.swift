/// One DoKa Seca addon: an ArgoCD ApplicationSet of the upstream addons repository, and the
/// cluster labels that make it deploy.
///
/// The ApplicationSet's cluster generator selects clusters whose ArgoCD cluster Secret has the
/// label `<flag>: "true"` and, for every flag in ``requires``, that label too. So ``flag`` is what
/// a user turns on to get this addon and ``requires`` are the flags it cannot deploy without.
public struct AddonEntry: Hashable, Sendable {
  /// The ApplicationSet's name, such as `addons-kargo`. Unique within a catalog.
  public var applicationSetName: String
  /// The upstream tier folder the ApplicationSet lives in: `oss`, `enterprise`, `azure`, ...
  public var tier: String
  /// The addon's category, such as `gitops` or `security`.
  public var category: String
  /// The addon's own flag, such as `enable_kargo`: the cluster label that turns it on.
  public var flag: String
  /// Flags this addon needs besides its own, sorted; all must be `"true"` for it to deploy.
  public var requires: [String]
  /// The Helm chart's name; `nil` for addons deployed from Kustomize rather than a chart.
  public var chart: String?
  /// The Helm chart repository's URL; `nil` for Kustomize addons.
  public var chartRepository: String?
  /// The default chart version; `nil` for Kustomize addons. Kept verbatim, so it may be a
  /// template expression upstream has not resolved.
  public var chartVersion: String?
  /// Chart version per environment (`dev`, `prod`); empty when upstream pins none.
  public var chartVersionByEnvironment: [String: String]
  /// The target namespace as written in the ApplicationSet, usually a template expression.
  public var namespace: String
  /// The ApplicationSet's file, relative to the upstream `argocd/appsets` folder.
  public var file: String

  /// Creates an entry. `requires` is stored sorted so that equal entries compare equal.
  public init(
    applicationSetName: String,
    tier: String,
    category: String,
    flag: String,
    requires: [String] = [],
    chart: String? = nil,
    chartRepository: String? = nil,
    chartVersion: String? = nil,
    chartVersionByEnvironment: [String: String] = [:],
    namespace: String = "",
    file: String = ""
  ) {
    self.applicationSetName = applicationSetName
    self.tier = tier
    self.category = category
    self.flag = flag
    self.requires = requires.sorted()
    self.chart = chart
    self.chartRepository = chartRepository
    self.chartVersion = chartVersion
    self.chartVersionByEnvironment = chartVersionByEnvironment
    self.namespace = namespace
    self.file = file
  }

  /// Every flag the ApplicationSet's cluster generator matches on: ``flag`` and ``requires``.
  public var flags: [String] { ([flag] + requires).sorted() }
}
