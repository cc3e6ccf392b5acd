import Foundation

extension KubernetesConnection {
  /// The connection a kubeconfig describes for `context`, or for its `current-context`.
  ///
  /// Reads the cluster's `server`, `certificate-authority-data` or `certificate-authority`,
  /// `insecure-skip-tls-verify`, and the user's `client-certificate-data`/`client-certificate`,
  /// `client-key-data`/`client-key`, `token`/`tokenFile`. File paths are read now; relative
  /// ones are relative to the working directory (the YAML comes without a location of its own).
  /// Credential plugins (`exec`, `auth-provider`) and basic auth are not supported and say so.
  public init(kubeconfig yaml: String, context: String? = nil) throws(KubernetesError) {
    let config = try JSON(yaml: yaml)
    guard config.objectValue != nil else { throw .invalidConfiguration("kubeconfig: not a YAML mapping") }

    let contextName: String
    if let context { contextName = context } else { contextName = try Self.currentContext(of: config) }
    let contextEntry = try Self.entry(named: contextName, in: config, list: "contexts", field: "context")
    guard let clusterName = contextEntry["cluster"].stringValue, !clusterName.isEmpty else {
      throw .invalidConfiguration("kubeconfig: context \"\(contextName)\" names no cluster")
    }
    let cluster = try Self.entry(named: clusterName, in: config, list: "clusters", field: "cluster")
    guard let server = cluster["server"].stringValue, !server.isEmpty else {
      throw .invalidConfiguration("kubeconfig: cluster \"\(clusterName)\" has no server")
    }
    // A context without a user is valid: an anonymous client, or one relying on the CA alone.
    let userName = contextEntry["user"].stringValue ?? ""
    let user = userName.isEmpty ? JSON.null : try Self.entry(named: userName, in: config, list: "users", field: "user")
    for unsupported in ["exec", "auth-provider", "username"] where !user[unsupported].isNull {
      throw .invalidConfiguration(
        "kubeconfig: user \"\(userName)\" uses \(unsupported), which this provider does not support; "
          + "use client certificates or a token")
    }

    var token = user["token"].stringValue
    if token == nil, let tokenFile = user["tokenFile"].stringValue {
      token = try Self.readFile(tokenFile, what: "tokenFile").trimmingCharacters(in: .whitespacesAndNewlines)
    }
    self.init(
      endpoint: server,
      certificateAuthorityPEM: try Self.material(
        in: cluster, data: "certificate-authority-data", file: "certificate-authority",
        owner: "cluster \"\(clusterName)\""),
      clientCertificatePEM: try Self.material(
        in: user, data: "client-certificate-data", file: "client-certificate", owner: "user \"\(userName)\""),
      clientKeyPEM: try Self.material(
        in: user, data: "client-key-data", file: "client-key", owner: "user \"\(userName)\""),
      bearerToken: token?.isEmpty == true ? nil : token,
      insecureSkipTLSVerify: cluster["insecure-skip-tls-verify"].boolValue ?? false)
  }

  private static func currentContext(of config: JSON) throws(KubernetesError) -> String {
    if let current = config["current-context"].stringValue, !current.isEmpty { return current }
    // kubectl refuses a kubeconfig without current-context; a single context is unambiguous.
    if let contexts = config["contexts"].arrayValue, contexts.count == 1, let only = contexts[0]["name"].stringValue {
      return only
    }
    throw .invalidConfiguration("kubeconfig: no current-context, and no context was named")
  }

  /// The `field` member of the entry of `list` whose `name` is `name`.
  private static func entry(named name: String, in config: JSON, list: String, field: String) throws(KubernetesError)
    -> JSON
  {
    let entries = config[list].arrayValue ?? []
    guard let entry = entries.first(where: { $0["name"].stringValue == name }) else {
      let known = entries.compactMap { $0["name"].stringValue }
      let listing = known.isEmpty ? "there are none" : "known: \(known.joined(separator: ", "))"
      throw .invalidConfiguration("kubeconfig: no \(field) named \"\(name)\" in \(list) (\(listing))")
    }
    return entry[field]
  }

  /// PEM text from the base64 `data` field, else from the file named by `file`.
  private static func material(in entry: JSON, data: String, file: String, owner: String) throws(KubernetesError)
    -> String?
  {
    if let encoded = entry[data].stringValue, !encoded.isEmpty {
      let compact = encoded.filter { !$0.isWhitespace }
      guard let bytes = Data(base64Encoded: compact) else {
        throw .invalidConfiguration("kubeconfig: \(owner) has \(data) that is not valid base64")
      }
      return String(decoding: bytes, as: UTF8.self)
    }
    if let path = entry[file].stringValue, !path.isEmpty {
      return try readFile(path, what: file)
    }
    return nil
  }

  private static func readFile(_ path: String, what: String) throws(KubernetesError) -> String {
    guard let contents = FileManager.default.contents(atPath: path) else {
      throw .invalidConfiguration("kubeconfig: cannot read \(what) file \(path)")
    }
    return String(decoding: contents, as: UTF8.self)
  }
}
