import DokaSeca
import KubernetesClient
import TerraformProviderFramework
import TerraformValues

/// The arguments of `dokaseca_gitops_bridge` as Swift values, with every default applied.
///
/// Built from a configuration or from a stored state (which holds the same arguments), so that
/// read and delete work from state alone.
struct GitOpsBridgeArguments: Sendable {
  enum ManifestSource: Sendable, Equatable {
    case url(String)
    case inline(String)
  }

  static let defaultVersion = "v3.5.1"
  static let defaultNamespace = "argocd"
  static let defaultWaitTimeout = Duration.seconds(600)
  static let defaultDeleteTimeout = Duration.seconds(600)

  var connection: KubernetesConnection
  var install: Bool
  var namespace: String
  var version: String
  var manifestSource: ManifestSource
  var wait: Bool
  var waitTimeout: Duration
  var secret: ClusterSecret
  /// The bootstrap objects to apply: the default ApplicationSets or the user's documents.
  var bootstrapObjects: [JSON]
  var forceConflicts: Bool
  var stripFinalizersOnDestroy: Bool
  var deleteTimeout: Duration

  /// What a configuration or state says.
  enum Parsed {
    case known(GitOpsBridgeArguments)
    /// Something needed is unknown (during plan), and nothing known is wrong.
    case unknown
    /// Problems, each on its attribute.
    case invalid(Diagnostics)

    var arguments: GitOpsBridgeArguments? {
      guard case .known(let arguments) = self else { return nil }
      return arguments
    }
  }

  static func parse(_ object: Value) -> Parsed {
    var problems = Diagnostics()
    let argocd = object[attribute: "argocd"]
    let install = argocd[attribute: "install"].boolValue ?? true
    let namespace = argocd[attribute: "namespace"].stringValue ?? defaultNamespace
    let version = argocd[attribute: "version"].stringValue ?? defaultVersion
    let manifestSource = Self.manifestSource(argocd, version: version, problems: &problems)
    let connection = Self.connection(object[attribute: "cluster"], problems: &problems)
    let secret = Self.secret(object, argoCDNamespace: namespace, runsArgoCD: install, problems: &problems)
    let userBootstrap = Self.userBootstrapDocuments(object[attribute: "bootstrap"], problems: &problems)
    var bootstrapObjects: [JSON]?
    if let secret {
      bootstrapObjects = Self.bootstrapObjects(
        object[attribute: "bootstrap"], userDocuments: userBootstrap, secret: secret, install: install)
    }
    guard problems.isEmpty else { return .invalid(problems) }
    guard object.isWhollyKnown, let connection, let manifestSource, let secret, let bootstrapObjects else {
      return .unknown
    }
    let timeouts = object[attribute: "timeouts"]
    return .known(
      GitOpsBridgeArguments(
        connection: connection, install: install, namespace: namespace, version: version,
        manifestSource: manifestSource, wait: argocd[attribute: "wait"].boolValue ?? true,
        waitTimeout: argocd[attribute: "timeout"].stringValue.flatMap(GoDuration.parse) ?? defaultWaitTimeout,
        secret: secret, bootstrapObjects: bootstrapObjects,
        forceConflicts: object[attribute: "force_conflicts"].boolValue ?? false,
        stripFinalizersOnDestroy: object[attribute: "strip_finalizers_on_destroy"].boolValue ?? false,
        deleteTimeout: timeouts[attribute: "delete"].stringValue.flatMap(GoDuration.parse) ?? defaultDeleteTimeout))
  }

  /// Where the bootstrap objects are.
  var bootstrapReferences: [ObjectReference] { bootstrapObjects.map { ObjectReference(from: $0) } }

  /// The names of the bootstrap ApplicationSets (and Applications).
  var bootstrapNames: [String] { bootstrapObjects.compactMap { $0["metadata"]["name"].stringValue } }

  /// The connection's endpoint as configured: what decides whether the resource moves to
  /// another cluster. `nil` while unknown.
  static func endpoint(of cluster: Value) -> String? {
    if let endpoint = cluster[attribute: "endpoint"].stringValue { return endpoint }
    guard let kubeconfig = cluster[attribute: "kubeconfig"].stringValue, cluster[attribute: "context"].isKnown else {
      return nil
    }
    return (try? KubernetesConnection(kubeconfig: kubeconfig, context: cluster[attribute: "context"].stringValue))?
      .endpoint
  }

  private static func connection(_ cluster: Value, problems: inout Diagnostics) -> KubernetesConnection? {
    let path = AttributePath("cluster")
    guard cluster.isWhollyKnown else { return nil }
    if let kubeconfig = cluster[attribute: "kubeconfig"].stringValue {
      do {
        var connection = try KubernetesConnection(
          kubeconfig: kubeconfig, context: cluster[attribute: "context"].stringValue)
        if cluster[attribute: "insecure_skip_tls_verify"].boolValue == true { connection.insecureSkipTLSVerify = true }
        return connection
      } catch {
        problems.addError("Unusable kubeconfig", detail: "\(error).", attribute: path.attribute("kubeconfig"))
        return nil
      }
    }
    guard let endpoint = cluster[attribute: "endpoint"].stringValue else {
      problems.addError(
        "No API server to connect to",
        detail:
          "Set cluster.endpoint (with cluster_ca_certificate and client_certificate/client_key or token), or cluster.kubeconfig. dokaseca_cluster.<name>.connection provides them all.",
        attribute: path)
      return nil
    }
    guard endpoint.hasPrefix("https://") || endpoint.hasPrefix("http://") else {
      problems.addError(
        "Invalid endpoint \"\(endpoint)\"", detail: "cluster.endpoint must be a URL such as https://127.0.0.1:6443.",
        attribute: path.attribute("endpoint"))
      return nil
    }
    return KubernetesConnection(
      endpoint: endpoint, certificateAuthorityPEM: cluster[attribute: "cluster_ca_certificate"].stringValue,
      clientCertificatePEM: cluster[attribute: "client_certificate"].stringValue,
      clientKeyPEM: cluster[attribute: "client_key"].stringValue, bearerToken: cluster[attribute: "token"].stringValue,
      insecureSkipTLSVerify: cluster[attribute: "insecure_skip_tls_verify"].boolValue ?? false)
  }

  /// Whether the manifest is the upstream release manifest of `argocd.version`, whose version
  /// is then known before it is fetched. `nil` while `argocd` is unknown.
  static func installsUpstreamRelease(_ argocd: Value) -> Bool? {
    guard argocd.isWhollyKnown else { return nil }
    let version = argocd[attribute: "version"].stringValue ?? defaultVersion
    return argocd[attribute: "manifest"].isNull
      && (argocd[attribute: "manifest_url"].stringValue ?? ArgoCDManifest.upstreamURL(version: version))
        == ArgoCDManifest.upstreamURL(version: version)
  }

  private static func manifestSource(_ argocd: Value, version: String, problems: inout Diagnostics) -> ManifestSource? {
    let path = AttributePath("argocd")
    let url = argocd[attribute: "manifest_url"], manifest = argocd[attribute: "manifest"]
    guard url.isKnown, manifest.isKnown, argocd[attribute: "version"].isKnown else { return nil }
    if let manifest = manifest.stringValue {
      if url.stringValue != nil {
        problems.addError(
          "Conflicting manifest sources", detail: "Set argocd.manifest or argocd.manifest_url, not both.",
          attribute: path.attribute("manifest"))
      }
      return .inline(manifest)
    }
    guard let url = url.stringValue else { return .url(ArgoCDManifest.upstreamURL(version: version)) }
    guard ["https://", "http://", "file://"].contains(where: url.hasPrefix) else {
      problems.addError(
        "Invalid manifest URL \"\(url)\"", detail: "argocd.manifest_url must start with https://, http:// or file://.",
        attribute: path.attribute("manifest_url"))
      return nil
    }
    return .url(url)
  }

  private static func secret(_ object: Value, argoCDNamespace: String, runsArgoCD: Bool, problems: inout Diagnostics)
    -> ClusterSecret?
  {
    let value = object[attribute: "cluster_secret"]
    guard value.isWhollyKnown, object[attribute: "repositories"].isWhollyKnown,
      let name = value[attribute: "name"].stringValue
    else { return nil }
    let connection = value[attribute: "connection"]
    let repositories = (object[attribute: "repositories"].mapElements ?? [:]).map { role, repository in
      GitOpsRepository(
        role: role, url: repository[attribute: "url"].stringValue ?? "",
        revision: repository[attribute: "revision"].stringValue,
        basepath: repository[attribute: "basepath"].stringValue,
        path: repository[attribute: "path"].stringValue)
    }
    let secret = ClusterSecret(
      name: name, namespace: value[attribute: "namespace"].stringValue ?? argoCDNamespace,
      environment: value[attribute: "environment"].stringValue,
      server: value[attribute: "server"].stringValue ?? ClusterSecret.inClusterServer,
      credentials: ClusterCredentials(
        certificateAuthorityPEM: connection[attribute: "cluster_ca_certificate"].stringValue,
        clientCertificatePEM: connection[attribute: "client_certificate"].stringValue,
        clientKeyPEM: connection[attribute: "client_key"].stringValue),
      extraLabels: value[attribute: "labels"].stringMap ?? [:],
      extraAnnotations: value[attribute: "annotations"].stringMap ?? [:],
      repositories: repositories.sorted { $0.role < $1.role }, runsArgoCD: runsArgoCD)
    for (attribute, key) in secret.reservedKeyConflicts {
      problems.addError(
        "The bridge sets \(attribute) \"\(key)\" itself",
        detail:
          "cluster_secret.\(attribute)[\"\(key)\"] would change a value the GitOps Bridge derives from cluster_secret (name, environment, repositories). Remove it, or change the argument it comes from.",
        attribute: AttributePath("cluster_secret").attribute(attribute).key(key))
    }
    return secret
  }

  /// The default ApplicationSets, the user's documents in the Secret's namespace, or none.
  private static func bootstrapObjects(_ bootstrap: Value, userDocuments: [JSON]?, secret: ClusterSecret, install: Bool)
    -> [JSON]?
  {
    guard bootstrap.isWhollyKnown else { return nil }
    guard bootstrap[attribute: "enabled"].boolValue ?? install else { return [] }
    guard !bootstrap[attribute: "manifests"].isNull else {
      return AppOfApps(secret: secret, project: bootstrap[attribute: "project"].stringValue ?? "default")
        .applicationSets
    }
    return userDocuments?.map { document in
      var document = document
      if document["metadata"]["namespace"].isNull { document["metadata"]["namespace"] = .string(secret.namespace) }
      return document
    }
  }

  /// `bootstrap.manifests` parsed and checked on its own, so that `terraform validate` reports
  /// a broken document while the rest of the configuration is still unknown.
  private static func userBootstrapDocuments(_ bootstrap: Value, problems: inout Diagnostics) -> [JSON]? {
    guard let yaml = bootstrap[attribute: "manifests"].stringValue else { return nil }
    let path = AttributePath("bootstrap").attribute("manifests")
    let documents: [JSON]
    do {
      documents = try JSON.documents(fromYAML: yaml)
    } catch {
      problems.addError(
        "Invalid bootstrap YAML", detail: "bootstrap.manifests is not valid YAML: \(error).", attribute: path)
      return nil
    }
    if documents.isEmpty {
      problems.addError(
        "Empty bootstrap manifests",
        detail: "bootstrap.manifests holds no YAML documents; remove it to get the default ApplicationSets.",
        attribute: path)
    }
    for (index, document) in documents.enumerated() {
      let kind = document["kind"].stringValue ?? ""
      guard
        document["apiVersion"].stringValue?.hasPrefix("argoproj.io/") != true
          || !["ApplicationSet", "Application"].contains(kind)
          || document["metadata"]["name"].stringValue?.isEmpty != false
      else { continue }
      problems.addError(
        "Invalid bootstrap document \(index + 1)",
        detail:
          "Every document of bootstrap.manifests must be an argoproj.io ApplicationSet or Application with metadata.name; document \(index + 1) is \(kind.isEmpty ? "not one" : "a \(kind)").",
        attribute: path)
    }
    return documents
  }
}
