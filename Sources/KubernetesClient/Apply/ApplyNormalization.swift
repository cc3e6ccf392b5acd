/// Rewrites an object, before a server-side apply, into the form every supported server treats
/// the same way. Ports without `protocol` get "TCP", the value the server defaults them to:
///
/// - Service `spec.ports`: `protocol` is part of the list's key, and before Kubernetes 1.21 a
///   server-side apply of an element without it fails (with a 500: "associative list with keys
///   has an element that omits key field \"protocol\"").
/// - NetworkPolicy `ingress[].ports` and `egress[].ports`: on 1.20, re-applying a policy whose
///   ports lack `protocol` is not recognised as a no-op; every apply rewrites the object and bumps
///   its `resourceVersion`.
///
/// Upstream manifests such as Argo CD's leave `protocol` out.
public enum ApplyNormalization {
  /// `object` with the rewrites above; objects of other kinds come back unchanged.
  public static func normalized(_ object: JSON) -> JSON {
    var object = object
    switch (object["apiVersion"].stringValue ?? "", object["kind"].stringValue ?? "") {
    case ("v1", "Service"):
      update(&object, at: ["spec", "ports"], defaultingProtocol)
    case ("networking.k8s.io/v1", "NetworkPolicy"):
      for direction in ["ingress", "egress"] {
        update(&object, at: ["spec", direction]) { rules in
          guard let rules = rules.arrayValue else { return rules }
          return .array(
            rules.map { rule in
              var rule = rule
              update(&rule, at: ["ports"], defaultingProtocol)
              return rule
            })
        }
      }
    default:
      break
    }
    return object
  }

  /// Applies `transform` to the value at `path` when there is one; absent paths stay absent.
  private static func update(_ value: inout JSON, at path: [String], _ transform: (JSON) -> JSON) {
    guard let key = path.first else {
      value = transform(value)
      return
    }
    guard !value[key].isNull else { return }
    update(&value[key], at: Array(path.dropFirst()), transform)
  }

  private static func defaultingProtocol(_ ports: JSON) -> JSON {
    guard let ports = ports.arrayValue else { return ports }
    return .array(
      ports.map { port in
        guard port.objectValue != nil, port["protocol"].isNull else { return port }
        var port = port
        port["protocol"] = "TCP"
        return port
      })
  }
}
