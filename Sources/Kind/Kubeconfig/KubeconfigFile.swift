import Foundation
import Yams

/// Merging a cluster's entries into a kubeconfig file and removing them again, as
/// `kind create cluster` and `kind delete cluster` do with `~/.kube/config`.
public enum KubeconfigFile {
  public enum Failure: Error, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)

    public var description: String {
      switch self {
      case .unreadable(let path, let reason): "cannot read the kubeconfig \(path): \(reason)"
      case .unwritable(let path, let reason): "cannot write the kubeconfig \(path): \(reason)"
      }
    }
  }

  private static let sections = ["clusters", "users", "contexts"]

  /// Adds (or replaces, by name) the clusters, users and contexts of `kubeconfig` in the file at
  /// `path`, creating it when missing, and makes its context current. The file is left 0600:
  /// it holds a client key.
  public static func merge(_ kubeconfig: String, into path: String) throws(Failure) {
    guard let incoming = try? Yams.load(yaml: kubeconfig) as? [String: Any] else {
      throw .unreadable(path: "(kind output)", reason: "not a kubeconfig")
    }
    var document = try load(path)
    for section in sections {
      let added = incoming[section] as? [[String: Any]] ?? []
      let names = Set(added.compactMap { $0["name"] as? String })
      let kept = (document[section] as? [[String: Any]] ?? []).filter { !names.contains($0["name"] as? String ?? "") }
      document[section] = kept + added
    }
    document["apiVersion"] = document["apiVersion"] ?? "v1"
    document["kind"] = document["kind"] ?? "Config"
    if let current = incoming["current-context"] { document["current-context"] = current }
    try save(document, to: path)
  }

  /// Removes a context with the cluster and user it names; a missing file or context is fine.
  public static func remove(context: String, from path: String) throws(Failure) {
    guard FileManager.default.fileExists(atPath: path) else { return }
    var document = try load(path)
    let contexts = document["contexts"] as? [[String: Any]] ?? []
    guard let entry = contexts.first(where: { $0["name"] as? String == context }) else { return }
    let details = entry["context"] as? [String: Any] ?? [:]
    let remove = [
      "clusters": details["cluster"] as? String ?? context, "users": details["user"] as? String ?? context,
      "contexts": context,
    ]
    for (section, name) in remove {
      document[section] = (document[section] as? [[String: Any]] ?? []).filter { $0["name"] as? String != name }
    }
    if document["current-context"] as? String == context { document["current-context"] = "" }
    try save(document, to: path)
  }

  /// Whether the file has a context of that name.
  public static func contains(context: String, in path: String) -> Bool {
    guard let document = try? load(path) else { return false }
    return (document["contexts"] as? [[String: Any]] ?? []).contains { $0["name"] as? String == context }
  }

  private static func load(_ path: String) throws(Failure) -> [String: Any] {
    guard FileManager.default.fileExists(atPath: path) else { return [:] }
    do {
      let text = try String(contentsOfFile: path, encoding: .utf8)
      if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return [:] }
      guard let document = try Yams.load(yaml: text) as? [String: Any] else {
        throw Failure.unreadable(path: path, reason: "not a YAML mapping")
      }
      return document
    } catch let failure as Failure {
      throw failure
    } catch {
      throw .unreadable(path: path, reason: "\(error)")
    }
  }

  private static func save(_ document: [String: Any], to path: String) throws(Failure) {
    do {
      let url = URL(fileURLWithPath: path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      let text = try Yams.dump(object: document, sortKeys: true)
      // Created 0600 before the key is written, never readable by others even for a moment.
      if !FileManager.default.fileExists(atPath: path) {
        _ = FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
      }
      try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
      try text.write(to: url, atomically: false, encoding: .utf8)
    } catch {
      throw .unwritable(path: path, reason: "\(error)")
    }
  }
}
