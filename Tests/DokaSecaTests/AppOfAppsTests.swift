import DokaSeca
import Foundation
import KubernetesClient
import Testing

/// The App of Apps: one ApplicationSet per repository role with a path, whose cluster generator
/// selects exactly this bridge's cluster Secret and whose template reads the repository from the
/// Secret's annotations. Every rendered ApplicationSet must be valid for the ArgoCD v3.5.1 CRD.
@Suite struct AppOfAppsTests {
  static let addons = GitOpsRepository(
    role: "addons", url: "https://github.com/dokaseca/gitops-addons.git", revision: "main", basepath: "gitops",
    path: "bootstrap/control-plane/addons")
  static let addonsExtras = GitOpsRepository(
    role: "addons_extras", url: "https://github.com/dokaseca/gitops-extras.git", revision: "v1.2.0",
    path: "bootstrap/extras")
  static let workloads = GitOpsRepository(
    role: "workloads", url: "https://github.com/dokaseca/gitops-workloads.git", path: "bootstrap/workloads")
  /// Published on the Secret, but with no path there is nothing to deploy from it.
  static let clusters = GitOpsRepository(role: "clusters", url: "https://github.com/dokaseca/gitops-clusters.git")

  /// Repositories deliberately out of role order.
  static let secret = ClusterSecret(
    name: "hub-dev", namespace: "argocd", environment: "dev",
    extraLabels: ["enable_kyverno": "true"],
    repositories: [workloads, clusters, addonsExtras, addons])

  static func applicationSet(_ appOfApps: AppOfApps, role: String) throws -> JSON {
    let name = appOfApps.applicationSetName(role: role)
    return try #require(appOfApps.applicationSets.first { $0["metadata"]["name"] == .string(name) }, "no \(name)")
  }

  static func source(role: String) throws -> JSON {
    try applicationSet(AppOfApps(secret: secret), role: role)["spec"]["template"]["spec"]["source"]
  }

  /// Every `{{...}}` parameter in `text`.
  static func parameters(in text: String) -> [String] {
    text.matches(of: /\{\{([^{}]*)\}\}/).map { String($0.output.1) }
  }

  /// Every string anywhere in `value`.
  static func strings(in value: JSON) -> [String] {
    switch value {
    case .string(let string): [string]
    case .array(let elements): elements.flatMap(strings(in:))
    case .object(let members): members.values.flatMap(strings(in:))
    default: []
    }
  }

  // MARK: Which ApplicationSets

  @Test func oneApplicationSetPerRoleWithAPathSortedByRole() {
    let names = AppOfApps(secret: Self.secret).applicationSets.map { $0["metadata"]["name"].stringValue }
    #expect(names == ["hub-dev-addons", "hub-dev-addons-extras", "hub-dev-workloads"])
  }

  @Test func noApplicationSetWithoutAPath() {
    var secret = Self.secret
    secret.repositories = [
      Self.clusters, GitOpsRepository(role: "addons", url: "https://example.com/a.git", basepath: "x"),
    ]
    #expect(AppOfApps(secret: secret).applicationSets == [])
    secret.repositories = []
    #expect(AppOfApps(secret: secret).applicationSets == [])
  }

  /// Object names allow no `_`; roles (which are annotation prefixes) do.
  @Test func namesSpellUnderscoresAsDashes() {
    let appOfApps = AppOfApps(secret: Self.secret)
    #expect(appOfApps.applicationSetName(role: "addons") == "hub-dev-addons")
    #expect(appOfApps.applicationSetName(role: "addons_extras") == "hub-dev-addons-extras")
    #expect(appOfApps.applicationSetName(role: "a_b_c") == "hub-dev-a-b-c")
    for appSet in appOfApps.applicationSets {
      let name = appSet["metadata"]["name"].stringValue ?? ""
      #expect(!name.contains("_"), "\(name)")
      let generated = appSet["spec"]["template"]["metadata"]["name"].stringValue ?? ""
      #expect(!generated.contains("_"), "\(generated)")
    }
  }

  @Test func applicationSetsLiveBesideTheSecret() {
    var secret = Self.secret
    secret.namespace = "gitops"
    for appSet in AppOfApps(secret: secret).applicationSets {
      #expect(appSet["apiVersion"] == "argoproj.io/v1alpha1")
      #expect(appSet["kind"] == "ApplicationSet")
      #expect(appSet["metadata"]["namespace"] == "gitops")
    }
  }

  /// Two ApplicationSets generating Applications of one name would fight over them.
  @Test func generatedApplicationNamesDifferByRole() {
    let names = AppOfApps(secret: Self.secret).applicationSets.map {
      $0["spec"]["template"]["metadata"]["name"].stringValue ?? ""
    }
    #expect(Set(names).count == names.count)
    for name in names { #expect(Self.parameters(in: name) == ["name"], "\(name)") }
  }

  // MARK: The generator

  @Test func generatorSelectsTheSecretByTypeAndClusterName() throws {
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      let generators = try #require(appSet["spec"]["generators"].arrayValue)
      #expect(generators.count == 1)
      let selector = generators[0]["clusters"]["selector"]
      #expect(
        selector["matchLabels"] == ["argocd.argoproj.io/secret-type": "cluster", "cluster_name": "hub-dev"])
      // Selecting by the cluster's name alone would miss the type; by the type alone, every cluster.
      #expect(selector["matchExpressions"] == .null)
    }
  }

  /// The generator must match the Secret this very bridge writes, extra labels or not.
  @Test func selectorMatchesTheSecretsLabels() throws {
    var secret = Self.secret
    secret.extraLabels = ["enable_argocd": "false", "team": "platform"]
    for appSet in AppOfApps(secret: secret).applicationSets {
      let matchLabels = try #require(appSet["spec"]["generators"][0]["clusters"]["selector"]["matchLabels"].objectValue)
      #expect(!matchLabels.isEmpty)
      for (key, value) in matchLabels {
        #expect(secret.labels[key].map { JSON.string($0) } == value, "\(key)")
      }
    }
  }

  /// A second bridge's Secret in the same ArgoCD (another cluster) must not be selected.
  @Test func selectorDoesNotMatchAnotherClustersSecret() throws {
    let other = ClusterSecret(name: "spoke-prod", namespace: "argocd", repositories: [Self.addons])
    let appSet = try Self.applicationSet(AppOfApps(secret: Self.secret), role: "addons")
    let matchLabels = try #require(appSet["spec"]["generators"][0]["clusters"]["selector"]["matchLabels"].objectValue)
    #expect(matchLabels.contains { key, value in other.labels[key].map { JSON.string($0) } != value })
  }

  // MARK: The template

  @Test func repoURLIsTheRolesAnnotation() throws {
    #expect(try Self.source(role: "addons")["repoURL"] == "{{metadata.annotations.addons_repo_url}}")
    #expect(try Self.source(role: "addons_extras")["repoURL"] == "{{metadata.annotations.addons_extras_repo_url}}")
    #expect(try Self.source(role: "workloads")["repoURL"] == "{{metadata.annotations.workloads_repo_url}}")
  }

  @Test func pathWithBasepath() throws {
    #expect(
      try Self.source(role: "addons")["path"]
        == "{{metadata.annotations.addons_repo_basepath}}/{{metadata.annotations.addons_repo_path}}")
  }

  @Test func pathWithoutBasepath() throws {
    #expect(try Self.source(role: "workloads")["path"] == "{{metadata.annotations.workloads_repo_path}}")
    #expect(try Self.source(role: "addons_extras")["path"] == "{{metadata.annotations.addons_extras_repo_path}}")
  }

  /// The source path ArgoCD renders for one `addons` repository with this basepath and path.
  static func renderedPath(basepath: String, path: String) throws -> String {
    var secret = Self.secret
    secret.repositories = [
      GitOpsRepository(role: "addons", url: "https://example.com/a.git", basepath: basepath, path: path)
    ]
    let template = try #require(AppOfApps(secret: secret).applicationSets.first)["spec"]["template"]["spec"]["source"][
      "path"]
    return Self.render(try #require(template.stringValue), annotations: secret.annotations)
  }

  /// ArgoCD's repo server refuses an absolute source path ("app path is absolute"). GitOps
  /// Bridge configurations commonly publish `basepath = ""` (their templates concatenate
  /// `{{basepath}}{{path}}`), which must not turn `bootstrap/addons` into `/bootstrap/addons`.
  @Test func emptyBasepathDoesNotMakeTheRenderedPathAbsolute() throws {
    #expect(try Self.renderedPath(basepath: "", path: "bootstrap/addons") == "bootstrap/addons")
  }

  /// A basepath written with its trailing slash (GitOps Bridge's habit) is not doubled.
  @Test func basepathWithTrailingSlashIsJoinedOnce() throws {
    #expect(try Self.renderedPath(basepath: "argocd/", path: "appsets") == "argocd/appsets")
    #expect(try Self.renderedPath(basepath: "argocd", path: "appsets") == "argocd/appsets")
  }

  /// Renders `{{metadata.annotations.X}}` the way ArgoCD's cluster generator does.
  static func render(_ template: String, annotations: [String: String]) -> String {
    var text = template
    for (key, value) in annotations {
      text = text.replacingOccurrences(of: "{{metadata.annotations.\(key)}}", with: value)
    }
    return text
  }

  @Test func renderedPathsAreTheRepositoriesFolders() throws {
    let appOfApps = AppOfApps(secret: Self.secret)
    let addons = try Self.source(role: "addons")["path"].stringValue ?? ""
    #expect(Self.render(addons, annotations: Self.secret.annotations) == "gitops/bootstrap/control-plane/addons")
    let workloads = try Self.source(role: "workloads")["path"].stringValue ?? ""
    #expect(Self.render(workloads, annotations: Self.secret.annotations) == "bootstrap/workloads")
    let url = try Self.applicationSet(appOfApps, role: "addons_extras")["spec"]["template"]["spec"]["source"]["repoURL"]
    #expect(Self.render(url.stringValue ?? "", annotations: Self.secret.annotations) == Self.addonsExtras.url)
  }

  @Test func targetRevisionIsTheAnnotationOrHEAD() throws {
    #expect(try Self.source(role: "addons")["targetRevision"] == "{{metadata.annotations.addons_repo_revision}}")
    #expect(
      try Self.source(role: "addons_extras")["targetRevision"] == "{{metadata.annotations.addons_extras_repo_revision}}"
    )
    #expect(try Self.source(role: "workloads")["targetRevision"] == "HEAD")
  }

  /// A template parameter naming an annotation the Secret lacks would render unresolved: every
  /// `metadata.annotations.X` a template reads is one the Secret carries, and the only other
  /// parameter is the cluster's `name`.
  @Test func everyTemplateParameterResolvesOnTheSecret() {
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      let parameters = Set(Self.strings(in: appSet["spec"]["template"]).flatMap(Self.parameters(in:)))
      #expect(parameters.contains("name"))
      for parameter in parameters where parameter != "name" {
        #expect(parameter.hasPrefix("metadata.annotations."), "\(parameter)")
        let key = String(parameter.dropFirst("metadata.annotations.".count))
        #expect(Self.secret.annotations[key] != nil, "\(appSet["metadata"]["name"]): \(parameter)")
      }
    }
  }

  /// `{{metadata.annotations.x}}` is the fasttemplate syntax; with `goTemplate: true` ArgoCD would
  /// want `{{.metadata.annotations.x}}` and leave these unrendered.
  @Test func templatesAreNotGoTemplates() {
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      #expect(appSet["spec"]["goTemplate"] == .null || appSet["spec"]["goTemplate"] == false)
    }
  }

  @Test func templateCarriesTheResourcesFinalizer() {
    #expect(AppOfApps.resourcesFinalizer == "resources-finalizer.argocd.argoproj.io")
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      let finalizers = appSet["spec"]["template"]["metadata"]["finalizers"].arrayValue ?? []
      #expect(finalizers.contains("resources-finalizer.argocd.argoproj.io"))
    }
  }

  @Test func destinationIsTheGeneratedCluster() {
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      let destination = appSet["spec"]["template"]["spec"]["destination"]
      #expect(destination["name"] == "{{name}}")
      #expect(destination["server"] == .null)  // name and server together are rejected by ArgoCD
    }
  }

  @Test func projectDefaultsToDefault() {
    for appSet in AppOfApps(secret: Self.secret).applicationSets {
      #expect(appSet["spec"]["template"]["spec"]["project"] == "default")
    }
    for appSet in AppOfApps(secret: Self.secret, project: "platform").applicationSets {
      #expect(appSet["spec"]["template"]["spec"]["project"] == "platform")
    }
  }

  // MARK: Valid for the ApplicationSet CRD

  /// Cases of bridges to render, each validated whole.
  static let validationCases: [(label: String, appOfApps: AppOfApps)] = [
    ("every role", AppOfApps(secret: secret)),
    ("custom project", AppOfApps(secret: secret, project: "platform-team")),
    (
      "addons_extras only",
      AppOfApps(secret: ClusterSecret(name: "edge-1", namespace: "argocd", repositories: [addonsExtras]))
    ),
    (
      "spoke in its own namespace",
      AppOfApps(
        secret: ClusterSecret(
          name: "spoke-prod", namespace: "gitops", environment: "prod", server: "https://spoke.example.com:6443",
          credentials: ClusterCredentials(bearerToken: "t"), extraLabels: ["enable_argocd": "false"],
          extraAnnotations: ["example.com/owner": "alice"], repositories: [addons, addonsExtras, workloads, clusters]),
        project: "spokes")
    ),
  ]

  @Test(arguments: validationCases)
  func everyApplicationSetIsValidForTheCRD(label: String, appOfApps: AppOfApps) throws {
    let validator = try CRDSchemaValidator.argocd("applicationset")
    #expect(validator.unsupportedKeywords == [])
    let appSets = appOfApps.applicationSets
    #expect(!appSets.isEmpty, "\(label)")
    for appSet in appSets {
      #expect(validator.validate(appSet) == [], "\(label): \(appSet["metadata"]["name"])")
    }
  }

  /// The validator is not vacuous here: the same objects with one field misspelt are rejected.
  @Test func validationWouldCatchAMistake() throws {
    let validator = try CRDSchemaValidator.argocd("applicationset")
    var appSet = try Self.applicationSet(AppOfApps(secret: Self.secret), role: "addons_extras")
    appSet["spec"]["template"]["spec"]["source"]["targetRevison"] = "HEAD"
    #expect(validator.validate(appSet) == ["spec.template.spec.source.targetRevison: unknown field"])
  }
}
