import Foundation

/// Runs the `dokaseca-kind` executable SwiftPM builds next to the test bundle, in a private
/// state directory and kubeconfig, as a person at a shell would.
struct KindTool {
  struct Result {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String
    var combined: String { standardOutput + "\n" + standardError }
  }

  let home: URL
  let kubeconfig: URL
  var extraEnvironment: [String: String] = [:]

  init() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dokaseca-kind-tests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    home = root.appendingPathComponent("state")
    kubeconfig = root.appendingPathComponent("kube/config")
  }

  /// `DOKASECA_KIND_BINARY`, else the executable next to (or above) the test bundle.
  static var executable: String {
    if let path = ProcessInfo.processInfo.environment["DOKASECA_KIND_BINARY"], !path.isEmpty { return path }
    let testExecutable = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
    var directory = testExecutable.deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent("dokaseca-kind").path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return testExecutable.deletingLastPathComponent().appendingPathComponent("dokaseca-kind").path
  }

  /// True when the control-plane binaries the tool needs are installed (by
  /// scripts/install-kube-control-plane.sh), where the tool looks for them.
  static var kubeBinariesInstalled: Bool {
    let environment = ProcessInfo.processInfo.environment
    let home = environment["HOME"] ?? NSHomeDirectory()
    var candidates = ["\(home)/.cache/dokaseca/kube/1.20.2/bin"]
    if let explicit = environment["DOKASECA_KUBE_BIN"], !explicit.isEmpty { candidates = [explicit] }
    if let assets = environment["KUBEBUILDER_ASSETS"], !assets.isEmpty { candidates.append(assets) }
    return candidates.contains { directory in
      FileManager.default.isExecutableFile(atPath: "\(directory)/kube-apiserver")
        && FileManager.default.isExecutableFile(atPath: "\(directory)/etcd")
    } && FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")
  }

  var environment: [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["DOKASECA_KIND_HOME"] = home.path
    environment["KUBECONFIG"] = kubeconfig.path
    environment.removeValue(forKey: "KIND_CLUSTER_NAME")
    for (key, value) in extraEnvironment { environment[key] = value }
    return environment
  }

  @discardableResult
  func run(_ arguments: String..., input: String? = nil) throws -> Result {
    try Self.run(Self.executable, arguments, environment: environment, input: input)
  }

  static func run(_ executable: String, _ arguments: [String], environment: [String: String], input: String? = nil)
    throws -> Result
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    let output = Pipe()
    let error = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = error
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(Data(input.utf8))
      try? inputPipe.fileHandleForWriting.close()
    }
    // Read both pipes at once: a child that fills one while we wait on the other hangs. The
    // control-plane processes the tool leaves running must not hold these pipes open either.
    let errorBox = DataBox()
    let reader = Thread { errorBox.set(error.fileHandleForReading.readDataToEndOfFile()) }
    reader.start()
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    while !errorBox.isSet { usleep(1000) }
    return Result(
      exitCode: process.terminationStatus,
      standardOutput: String(decoding: outputData, as: UTF8.self),
      standardError: String(decoding: errorBox.value, as: UTF8.self))
  }

  func clusterDirectory(_ name: String) -> URL { home.appendingPathComponent("clusters/\(name)") }

  /// The pids the tool recorded for a cluster's processes.
  func recordedPIDs(_ name: String) -> [Int32] {
    let directory = clusterDirectory(name).appendingPathComponent("pids")
    let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return files.compactMap { file in
      (try? String(contentsOfFile: directory.appendingPathComponent(file).path, encoding: .utf8))
        .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }
  }

  static func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
      let close = stat.lastIndex(of: ")")
    else { return false }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
  }

  /// The kubeconfig's text.
  func kubeconfigText() -> String {
    (try? String(contentsOf: kubeconfig, encoding: .utf8)) ?? ""
  }
}

/// The credentials of one context of a kind kubeconfig, written to files for curl.
struct KubeCredentials {
  let server: String
  let caFile: String
  let certificateFile: String
  let keyFile: String

  /// Reads a kubeconfig with one cluster and one user, as `kind get kubeconfig` prints it.
  init(kubeconfig text: String, directory: URL) throws {
    var values: [String: String] = [:]
    for line in text.split(separator: "\n") {
      let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " -"))
      guard let colon = trimmed.firstIndex(of: ":") else { continue }
      values[String(trimmed[..<colon])] = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }
    guard let server = values["server"], let ca = values["certificate-authority-data"],
      let certificate = values["client-certificate-data"], let key = values["client-key-data"]
    else { throw CredentialsError.missing(values.keys.sorted()) }
    self.server = server
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    func write(_ base64: String, _ name: String) throws -> String {
      let url = directory.appendingPathComponent(name)
      guard let data = Data(base64Encoded: base64) else { throw CredentialsError.badBase64(name) }
      try data.write(to: url)
      return url.path
    }
    caFile = try write(ca, "ca.crt")
    certificateFile = try write(certificate, "client.crt")
    keyFile = try write(key, "client.key")
  }

  enum CredentialsError: Error {
    case missing([String])
    case badBase64(String)
  }

  /// `curl` with the client certificate: (HTTP status, body).
  func get(_ path: String) throws -> (status: Int, body: String) {
    try request("GET", path)
  }

  /// Any method, with a JSON (or `contentType`) body: (HTTP status, body).
  func request(_ method: String, _ path: String, body: String? = nil, contentType: String = "application/json")
    throws -> (status: Int, body: String)
  {
    var arguments = [
      "--silent", "--show-error", "--max-time", "10", "--cacert", caFile, "--cert", certificateFile, "--key", keyFile,
      "-X", method, "--write-out", "\n%{http_code}",
    ]
    if body != nil { arguments += ["-H", "Content-Type: \(contentType)", "--data-binary", "@-"] }
    let result = try KindTool.run(
      "/usr/bin/curl", arguments + [server + path], environment: ProcessInfo.processInfo.environment, input: body)
    var lines = result.standardOutput.split(separator: "\n", omittingEmptySubsequences: false)
    let status = Int(lines.popLast() ?? "") ?? 0
    return (status, lines.joined(separator: "\n"))
  }

  /// A GET's body as a JSON object; nil unless the answer is 200 with an object.
  func object(_ path: String) throws -> [String: Any]? {
    let response = try get(path)
    guard response.status == 200 else { return nil }
    return try JSONSerialization.jsonObject(with: Data(response.body.utf8)) as? [String: Any]
  }
}

private final class DataBox: @unchecked Sendable {
  private let lock = NSLock()
  private var data: Data?

  func set(_ newValue: Data) { lock.withLock { data = newValue } }
  var isSet: Bool { lock.withLock { data != nil } }
  var value: Data { lock.withLock { data ?? Data() } }
}
