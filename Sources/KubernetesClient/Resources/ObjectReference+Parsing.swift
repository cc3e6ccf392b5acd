extension ObjectReference {
  /// The reference a `description` names: `Deployment argocd/argocd-server (apps/v1)` or
  /// `ClusterRole argocd-server (rbac.authorization.k8s.io/v1)`; `nil` for other text. Lets a
  /// caller keep references as readable text (in Terraform state, say) and act on them later.
  public init?(parsing text: String) {
    let parts = text.split(separator: " ")
    guard parts.count == 3, parts[2].hasPrefix("("), parts[2].hasSuffix(")") else { return nil }
    let apiVersion = String(parts[2].dropFirst().dropLast())
    let location = parts[1].split(separator: "/", omittingEmptySubsequences: false)
    guard !apiVersion.isEmpty, (1...2).contains(location.count), location.allSatisfy({ !$0.isEmpty }) else {
      return nil
    }
    self.init(
      apiVersion: apiVersion, kind: String(parts[0]), namespace: location.count == 2 ? String(location[0]) : nil,
      name: String(location[location.count - 1]))
  }
}
