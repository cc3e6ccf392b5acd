public import KubernetesClient

/// The App of Apps the bridge bootstraps: one ArgoCD ApplicationSet per repository role that
/// has a `path`, each deploying that path of its repository to the clusters whose Secret is
/// this bridge's.
///
/// The sources are templates over the cluster Secret's annotations
/// (`{{metadata.annotations.addons_repo_url}}`), not the values themselves: when the annotations
/// change, ArgoCD re-renders the Applications without Terraform touching these objects.
public struct AppOfApps: Sendable, Hashable {
  /// ArgoCD deletes an Application's resources before the Application when this finalizer is
  /// present, which is what lets destroy wait until the addons are really gone.
  public static let resourcesFinalizer = "resources-finalizer.argocd.argoproj.io"

  public var secret: ClusterSecret
  /// The ArgoCD project of the generated Applications.
  public var project: String

  public init(secret: ClusterSecret, project: String = "default") {
    self.secret = secret
    self.project = project
  }

  /// The ApplicationSets, ordered by role.
  public var applicationSets: [JSON] {
    secret.repositories.filter { $0.path != nil }.sorted { $0.role < $1.role }.map(applicationSet)
  }

  /// The ApplicationSet name for a role: `<secret name>-<role>`, with `_` spelled `-` as object
  /// names require.
  public func applicationSetName(role: String) -> String {
    "\(secret.name)-\(role)".replacingUnderscores()
  }

  private func applicationSet(for repository: GitOpsRepository) -> JSON {
    func annotation(_ part: String) -> String { "{{metadata.annotations.\(repository.annotationKey(part))}}" }
    // Basepaths come as "argocd", "argocd/" or "" depending on the configuration's habits; the
    // rendered path must be relative (ArgoCD refuses absolute ones) and have one slash.
    let path: String
    switch repository.basepath {
    case nil, "": path = annotation("path")
    case let basepath? where basepath.hasSuffix("/"): path = annotation("basepath") + annotation("path")
    default: path = "\(annotation("basepath"))/\(annotation("path"))"
    }
    let source: JSON = [
      "repoURL": .string(annotation("url")),
      "targetRevision": .string(repository.revision == nil ? "HEAD" : annotation("revision")),
      "path": .string(path),
      "directory": ["recurse": true],
    ]
    let template: JSON = [
      "metadata": [
        "name": .string("\(repository.role.replacingUnderscores())-{{name}}"),
        "finalizers": [.string(Self.resourcesFinalizer)],
      ],
      "spec": [
        "project": .string(project),
        "source": source,
        "destination": ["name": "{{name}}", "namespace": .string(secret.namespace)],
        "syncPolicy": ["automated": ["prune": true, "selfHeal": true], "syncOptions": ["CreateNamespace=true"]],
      ],
    ]
    let generator: JSON = [
      "clusters": [
        "selector": [
          "matchLabels": .object([ClusterSecret.secretTypeLabel: "cluster", "cluster_name": .string(secret.name)])
        ]
      ]
    ]
    return [
      "apiVersion": "argoproj.io/v1alpha1",
      "kind": "ApplicationSet",
      "metadata": [
        "name": .string(applicationSetName(role: repository.role)),
        "namespace": .string(secret.namespace),
        "labels": ["app.kubernetes.io/managed-by": "dokaseca", "dokaseca.io/cluster": .string(secret.name)],
      ],
      "spec": ["generators": [generator], "template": template],
    ]
  }
}

extension String {
  fileprivate func replacingUnderscores() -> String { String(map { $0 == "_" ? "-" : $0 }) }
}
