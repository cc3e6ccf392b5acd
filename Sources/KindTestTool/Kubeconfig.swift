import Foundation
import Yams

/// kind's kubeconfig handling (`pkg/cluster/internal/kubeconfig`): which file, how entries are
/// merged and removed, how the file is locked and encoded.
enum KubeconfigFiles {
  /// `kind-NAME`, the key of a kind cluster's cluster, user and context entries.
  static func key(_ cluster: String) -> String { "kind-\(cluster)" }

  /// The kubeconfig kind derives from the control plane's `admin.conf`: one cluster, user and
  /// context named `kind-NAME`, certificates embedded, the server the host's endpoint or, with
  /// `internal`, the one containers on the kind network use.
  static func kindConfig(for state: ClusterState, internal internalEndpoint: Bool) throws -> Node {
    let pki = ClusterPKI(directory: ClusterStore().pkiDirectory(state.name))
    func base64(_ url: URL) throws -> String {
      guard let data = FileManager.default.contents(atPath: url.path) else {
        throw KindError("failed to get cluster internal kubeconfig: cannot read \(url.path)")
      }
      return data.base64EncodedString()
    }
    let server = internalEndpoint ? state.internalServer : state.externalServer
    let name = key(state.name)
    return map([
      ("apiVersion", str("v1")),
      (
        "clusters",
        .sequence(
          Node.Sequence([
            map([
              (
                "cluster",
                map([
                  ("certificate-authority-data", str(try base64(pki.caCertificate))),
                  ("server", str(server)),
                ])
              ),
              ("name", str(name)),
            ])
          ]))
      ),
      (
        "contexts",
        .sequence(
          Node.Sequence([
            map([
              ("context", map([("cluster", str(name)), ("user", str(name))])),
              ("name", str(name)),
            ])
          ]))
      ),
      ("current-context", str(name)),
      ("kind", str("Config")),
      ("preferences", map([])),
      (
        "users",
        .sequence(
          Node.Sequence([
            map([
              ("name", str(name)),
              (
                "user",
                map([
                  ("client-certificate-data", str(try base64(pki.adminCertificate))),
                  ("client-key-data", str(try base64(pki.adminKey))),
                ])
              ),
            ])
          ]))
      ),
    ])
  }

  // MARK: Paths (kubectl's rules, as kind's paths.go)

  static func paths(explicitPath: String) -> [String] {
    if !explicitPath.isEmpty { return [explicitPath] }
    let environment = ProcessInfo.processInfo.environment["KUBECONFIG"] ?? ""
    var seen = Set<String>()
    let list = environment.split(separator: ":").map(String.init).filter { !$0.isEmpty && seen.insert($0).inserted }
    if !list.isEmpty { return list }
    let home = ProcessInfo.processInfo.environment["HOME"] ?? NSHomeDirectory()
    return [(home as NSString).appendingPathComponent(".kube/config")]
  }

  /// The file kubectl would merge into: the only one, else the first that exists, else the last.
  static func pathForMerge(explicitPath: String) -> String {
    let candidates = paths(explicitPath: explicitPath)
    if candidates.count == 1 { return candidates[0] }
    var isDirectory: ObjCBool = false
    for candidate in candidates
    where FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory) && !isDirectory.boolValue {
      return candidate
    }
    return candidates[candidates.count - 1]
  }

  // MARK: Merge and remove

  /// kind's `WriteMerged`: lock, read, upsert the three entries, set the current context, write.
  static func writeMerged(_ kindConfig: Node, explicitPath: String) throws {
    let path = pathForMerge(explicitPath: explicitPath)
    try withLock(path) {
      var existing: Node.Mapping
      do {
        existing = try read(path)
      } catch let error as KindError {
        throw error.wrapped("failed to get kubeconfig to merge")
      }
      guard let kind = kindConfig.mapping else { return }
      let hadOtherFields = existing.contains { pair in
        !["clusters", "users", "contexts", "current-context"].contains(pair.key.string ?? "")
      }
      for section in ["clusters", "users", "contexts"] {
        guard let entry = kind[section]?.sequence?.first else { continue }
        var items = Array(existing[section]?.sequence ?? Node.Sequence([]))
        let name = entry.mapping?["name"]?.string
        if let index = items.firstIndex(where: { $0.mapping?["name"]?.string == name }) {
          items[index] = entry
        } else {
          items.append(entry)
        }
        existing[section] = .sequence(Node.Sequence(items))
      }
      existing["current-context"] = kind["current-context"]
      if !hadOtherFields {
        for field in ["apiVersion", "kind", "preferences"] { existing[field] = kind[field] }
      }
      try write(existing, to: path)
    }
  }

  /// kind's `RemoveKIND`: drops the `kind-NAME` entries from every file of the chain, and the
  /// current context when it names them; files left unchanged are not rewritten.
  static func remove(cluster: String, explicitPath: String) throws {
    let name = key(cluster)
    for path in paths(explicitPath: explicitPath) {
      try withLock(path) {
        var existing: Node.Mapping
        do {
          existing = try read(path)
        } catch let error as KindError {
          throw error.wrapped("failed to read kubeconfig to remove KIND entry")
        }
        var mutated = false
        for section in ["clusters", "users", "contexts"] {
          guard let items = existing[section]?.sequence else { continue }
          let kept = items.filter { $0.mapping?["name"]?.string != name }
          if kept.count != items.count {
            mutated = true
            existing[section] = .sequence(Node.Sequence(kept))
          }
        }
        if existing["current-context"]?.string == name {
          existing["current-context"] = str("")
          mutated = true
        }
        if mutated { try write(existing, to: path) }
      }
    }
  }

  // MARK: Files

  /// kind's (and client-go's) lock: `PATH.lock` created exclusively. kind retries a merge four
  /// times within 150 ms; this waits a little longer, for parallel tests.
  static func withLock<T>(_ path: String, _ body: () throws -> T) throws -> T {
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty, !FileManager.default.fileExists(atPath: directory) {
      try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    }
    let lock = path + ".lock"
    let deadline = Date().addingTimeInterval(10)
    while true {
      let descriptor = open(lock, O_CREAT | O_EXCL | O_WRONLY, 0)
      if descriptor >= 0 {
        close(descriptor)
        break
      }
      let code = errno
      if code != EEXIST || Date() > deadline {
        throw KindError("failed to lock config file: open \(lock): \(String(cString: strerror(code)))")
      }
      usleep(50_000)
    }
    defer { unlink(lock) }
    return try body()
  }

  static func read(_ path: String) throws -> Node.Mapping {
    guard let data = FileManager.default.contents(atPath: path) else { return Node.Mapping([]) }
    let text = String(decoding: data, as: UTF8.self)
    let node: Node?
    do {
      node = try Yams.compose(yaml: text)
    } catch {
      throw KindError("yaml: \(error)")
    }
    guard let node else { return Node.Mapping([]) }
    if node.null != nil { return Node.Mapping([]) }
    guard let mapping = node.mapping else {
      throw KindError("yaml: unmarshal errors:\n  line 1: cannot unmarshal into kubeconfig.Config")
    }
    return mapping
  }

  /// Writes as kind's `write`: parent directories 0755, the file 0600.
  static func write(_ mapping: Node.Mapping, to path: String) throws {
    let encoded = try encode(.mapping(mapping))
    let directory = (path as NSString).deletingLastPathComponent
    if !directory.isEmpty && !FileManager.default.fileExists(atPath: directory) {
      do {
        try FileManager.default.createDirectory(
          atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
      } catch {
        throw KindError("failed to create directory for KUBECONFIG: \(error.localizedDescription)")
      }
    }
    // os.WriteFile(path, data, 0600): the mode applies when the file is created.
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
    guard descriptor >= 0 else {
      throw KindError("failed to write KUBECONFIG: open \(path): \(String(cString: strerror(errno)))")
    }
    defer { close(descriptor) }
    let bytes = Array(encoded.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
      guard written > 0 else { throw KindError("failed to write KUBECONFIG: \(String(cString: strerror(errno)))") }
      offset += written
    }
  }

  /// kind's `Encode`: YAML normalised as `sigs.k8s.io/yaml` writes it: keys sorted, empty
  /// entries dropped (`omitempty`), strings quoted only where YAML would read something else,
  /// nothing at all for an empty config.
  static func encode(_ node: Node) throws -> String {
    var normalized = normalize(node)
    if var mapping = normalized.mapping {
      for section in ["clusters", "users", "contexts"] where mapping[section]?.sequence?.isEmpty == true {
        mapping[section] = nil
      }
      if mapping["current-context"]?.string == "" { mapping["current-context"] = nil }
      if mapping.isEmpty { return "" }
      normalized = .mapping(mapping)
    }
    return try Yams.serialize(node: normalized, width: -1, allowUnicode: true)
  }

  private static func normalize(_ node: Node) -> Node {
    switch node {
    case .scalar(let scalar):
      if scalar.style == .plain || scalar.style == .any {
        let resolved = node.tag.rawValue
        if resolved != Tag.Name.str.rawValue {
          return .scalar(Node.Scalar(scalar.string, Tag(Tag.Name(rawValue: resolved)), .plain))
        }
      }
      return str(scalar.string)
    case .mapping(let mapping):
      let pairs = mapping.map { (key: Node, value: Node) -> (String, Node) in
        (key.string ?? "", normalize(value))
      }
      return map(pairs.sorted { $0.0 < $1.0 })
    case .sequence(let sequence):
      return .sequence(Node.Sequence(sequence.map(normalize)))
    case .alias:
      return node
    }
  }

  // MARK: Node helpers

  /// A string scalar, plain where YAML reads it back as the same string, else double quoted
  /// (as `yaml.v2` quotes), multi-line text as a literal block.
  static func str(_ text: String) -> Node {
    if text.contains("\n") { return .scalar(Node.Scalar(text, Tag(.str), .literal)) }
    if !text.isEmpty, Node(text).tag.rawValue == Tag.Name.str.rawValue {
      return .scalar(Node.Scalar(text, Tag(.str), .plain))
    }
    return .scalar(Node.Scalar(text, Tag(.str), .doubleQuoted))
  }

  static func map(_ pairs: [(String, Node)]) -> Node {
    .mapping(Node.Mapping(pairs.map { (str($0.0), $0.1) }))
  }
}
