#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A fresh directory only this user can enter (mkdtemp makes it 0700), holding the plugin's
/// unix socket, removed with its socket when the plugin exits.
struct SocketDirectory: Sendable {
  /// `sun_path` holds 108 bytes on Linux (104 on macOS) including the terminating NUL.
  static let maximumSocketPathLength = 103

  let directory: String
  var socketPath: String { directory + "/plugin.sock" }

  /// `nil` when no directory can be made or its socket path would be too long: the plugin then
  /// listens on TCP instead.
  static func make(environment: [String: String], preferred: String?) -> SocketDirectory? {
    let base = preferred ?? environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
    var template =
      Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast()) + Array("tfplugin-XXXXXX".utf8CString)
    guard mkdtemp(&template) != nil else { return nil }
    let directory = SocketDirectory(
      directory: String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self))
    guard directory.socketPath.utf8.count <= maximumSocketPathLength else {
      directory.remove()
      return nil
    }
    return directory
  }

  func remove() {
    unlink(socketPath)
    rmdir(directory)
  }
}
