public import KubernetesClient

/// An ArgoCD install manifest (`manifests/install.yaml` of a release, or a customised one),
/// arranged for applying into one namespace in the order the API server needs.
public struct ArgoCDManifest: Sendable, Hashable {
  /// The upstream release manifest of `version` (`v3.5.1`).
  public static func upstreamURL(version: String) -> String {
    "https://raw.githubusercontent.com/argoproj/argo-cd/\(version)/manifests/install.yaml"
  }

  /// The namespace everything namespaced goes to.
  public let namespace: String
  /// The namespace itself, then the CustomResourceDefinitions, then everything else in manifest
  /// order: CRDs must be established before objects of their kinds, and namespaced objects need
  /// their namespace.
  public let objects: [JSON]

  /// Parses `yaml` (every document an object with apiVersion, kind and metadata.name) for
  /// `namespace`. ClusterRoleBinding subjects that name the upstream namespace `argocd` are
  /// pointed at `namespace`, which is what `kubectl apply -n` cannot do and a renamed install
  /// needs for its service accounts to keep their permissions.
  public init(yaml: String, namespace: String) throws(KubernetesError) {
    self.namespace = namespace
    var namespaceObject: JSON = ["apiVersion": "v1", "kind": "Namespace"]
    namespaceObject["metadata"]["name"] = .string(namespace)
    var definitions: [JSON] = []
    var others: [JSON] = []
    for (index, var object) in try JSON.documents(fromYAML: yaml).enumerated() {
      guard object["apiVersion"].stringValue != nil, object["kind"].stringValue != nil,
        object["metadata"]["name"].stringValue != nil
      else {
        throw .invalidConfiguration(
          "document \(index + 1) of the ArgoCD manifest has no apiVersion, kind or metadata.name")
      }
      switch object["kind"].stringValue {
      case "Namespace":
        continue
      case "CustomResourceDefinition":
        definitions.append(object)
      case "ClusterRoleBinding":
        Self.retargetSubjects(of: &object, to: namespace)
        others.append(object)
      default:
        others.append(object)
      }
    }
    guard !others.isEmpty || !definitions.isEmpty else {
      throw .invalidConfiguration("the ArgoCD manifest has no objects")
    }
    objects = [namespaceObject] + definitions + others
  }

  /// The CustomResourceDefinitions' names, to wait until they are established.
  public var customResourceDefinitions: [String] {
    objects.filter { $0["kind"] == "CustomResourceDefinition" }.compactMap { $0["metadata"]["name"].stringValue }
  }

  /// Whether `object` is of a kind one of the manifest's CRDs defines (an AppProject, say): it
  /// can be applied only once that CRD is established. Everything else need not wait for them.
  public func isCustomResource(_ object: JSON) -> Bool {
    guard let apiVersion = object["apiVersion"].stringValue, let kind = object["kind"].stringValue else { return false }
    let group = apiVersion.split(separator: "/").dropLast().joined(separator: "/")
    return objects.contains { definition in
      definition["kind"] == "CustomResourceDefinition" && definition["spec"]["group"].stringValue == group
        && definition["spec"]["names"]["kind"].stringValue == kind
    }
  }

  /// The Deployments and StatefulSets, to wait until they are available.
  public var workloads: [ObjectReference] {
    objects.filter { ["Deployment", "StatefulSet"].contains($0["kind"].stringValue) }.map {
      ObjectReference(
        apiVersion: "apps/v1", kind: $0["kind"].stringValue ?? "", namespace: namespace,
        name: $0["metadata"]["name"].stringValue ?? "")
    }
  }

  /// The Deployment whose image tag is the ArgoCD version.
  public static let serverDeployment = "argocd-server"

  /// The ArgoCD version the manifest installs: the tag of the `argocd-server` image.
  public var version: String? {
    objects.first { $0["kind"] == "Deployment" && $0["metadata"]["name"] == .string(Self.serverDeployment) }
      .flatMap(Self.version(ofServer:))
  }

  /// The ArgoCD version an `argocd-server` Deployment runs: the tag of its first container's image.
  public static func version(ofServer deployment: JSON) -> String? {
    deployment["spec"]["template"]["spec"]["containers"][0]["image"].stringValue.flatMap(tag(ofImage:))
  }

  /// `v3.5.1` of `quay.io/argoproj/argocd:v3.5.1`; `nil` for an untagged image or a digest.
  public static func tag(ofImage image: String) -> String? {
    let name = image.split(separator: "@").first.map(String.init) ?? image
    guard let colon = name.lastIndex(of: ":"), !name[colon...].contains("/") else { return nil }
    let tag = name[name.index(after: colon)...]
    return tag.isEmpty ? nil : String(tag)
  }

  private static func retargetSubjects(of binding: inout JSON, to namespace: String) {
    guard namespace != "argocd", let subjects = binding["subjects"].arrayValue else { return }
    binding["subjects"] = .array(
      subjects.map { subject in
        var subject = subject
        if subject["namespace"] == "argocd" { subject["namespace"] = .string(namespace) }
        return subject
      })
  }
}
