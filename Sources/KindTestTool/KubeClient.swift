import Foundation

/// A minimal Kubernetes API client over `curl` with the admin's client certificate:
/// Foundation's URLSession on Linux cannot present a client certificate.
struct KubeClient {
  let server: String
  let pki: ClusterPKI

  struct Response {
    var status: Int
    var body: Data
    var text: String { String(decoding: body, as: UTF8.self) }
    var json: [String: Any]? { (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] }
  }

  static func curlPath() throws -> String {
    for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
      let candidate = "\(directory)/curl"
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    for candidate in ["/usr/bin/curl", "/bin/curl", "/usr/local/bin/curl"]
    where FileManager.default.isExecutableFile(atPath: candidate) {
      return candidate
    }
    throw KindError("dokaseca-kind needs curl to talk to the API server (apt-get install curl)")
  }

  /// One request; nil when no HTTP answer came (connection refused, timeout).
  func request(
    _ method: String, _ path: String, json: Any? = nil, contentType: String = "application/json",
    timeout: Int = 10
  ) throws -> Response? {
    var arguments =
      credentialArguments(timeout: timeout) + [
        "-X", method, "-H", "Accept: application/json", "--write-out", "\n%{http_code}",
      ]
    var input: Data?
    if let json {
      input = try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys])
      arguments += ["-H", "Content-Type: \(contentType)", "--data-binary", "@-"]
    }
    arguments.append(server + path)
    let result = try Self.run(try Self.curlPath(), arguments, input: input)
    guard result.status == 0 else { return nil }
    var output = result.output
    guard let newline = output.lastIndex(of: UInt8(ascii: "\n")) else { return nil }
    let code = Int(String(decoding: output[output.index(after: newline)...], as: UTF8.self)) ?? 0
    output = output[..<newline]
    guard code > 0 else { return nil }
    return Response(status: code, body: Data(output))
  }

  /// A streaming GET (a watch): curl runs until the server ends the response, `maxTime` passes
  /// or the process is terminated; its output is read from the returned handle as it comes.
  func stream(_ path: String, maxTime: Int) throws -> (process: Process, output: FileHandle) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try Self.curlPath())
    process.arguments =
      credentialArguments(timeout: maxTime) + ["--no-buffer", "-H", "Accept: application/json", server + path]
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = FileHandle.nullDevice
    try process.run()
    return (process, output.fileHandleForReading)
  }

  private func credentialArguments(timeout: Int) -> [String] {
    [
      "--silent", "--show-error", "--max-time", String(timeout),
      "--cacert", pki.caCertificate.path, "--cert", pki.adminCertificate.path, "--key", pki.adminKey.path,
    ]
  }

  /// A request that must succeed (2xx); the API server's message otherwise.
  @discardableResult
  func must(_ method: String, _ path: String, json: Any? = nil, contentType: String = "application/json") throws
    -> Response
  {
    guard let response = try request(method, path, json: json, contentType: contentType) else {
      throw KindError("\(method) \(path): no answer from the API server at \(server)")
    }
    guard (200..<300).contains(response.status) else {
      let message = (response.json?["message"] as? String) ?? response.text
      throw KindError("\(method) \(path): HTTP \(response.status): \(message)")
    }
    return response
  }

  static func run(_ executable: String, _ arguments: [String], input: Data? = nil) throws -> (
    status: Int32, output: Data
  ) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let output = Pipe()
    let inputPipe = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    process.standardInput = input == nil ? FileHandle.nullDevice : inputPipe
    try process.run()
    if let input {
      inputPipe.fileHandleForWriting.write(input)
      try? inputPipe.fileHandleForWriting.close()
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, data)
  }
}
