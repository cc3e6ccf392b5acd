import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Detached processes, pid files and loopback ports.
enum Processes {
  /// Starts `executable` in a new session (setsid), so that it outlives this CLI and is not hit
  /// by signals sent to the caller's process group; stdin is /dev/null and stdout/stderr go to
  /// `logFile`. Descriptors other than 0-2 are closed in the child (marked close-on-exec), so
  /// the caller's pipes see EOF when this CLI exits.
  static func spawnDetached(_ executable: String, _ arguments: [String], logFile: URL) throws -> pid_t {
    markDescriptorsCloseOnExec()
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, logFile.path, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)

    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaultSignals = sigset_t()
    sigemptyset(&defaultSignals)
    for signal in [SIGPIPE, SIGINT, SIGTERM, SIGHUP, SIGQUIT] { sigaddset(&defaultSignals, signal) }
    posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
    var emptyMask = sigset_t()
    sigemptyset(&emptyMask)
    posix_spawnattr_setsigmask(&attributes, &emptyMask)
    // POSIX_SPAWN_SETSID (glibc 0x80) | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK
    posix_spawnattr_setflags(&attributes, Int16(0x80 | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))

    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let result = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
    guard result == 0 else {
      throw KindError("failed to start \(executable): \(String(cString: strerror(result)))")
    }
    return pid
  }

  private static func markDescriptorsCloseOnExec() {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") else { return }
    for entry in entries {
      guard let descriptor = Int32(entry), descriptor > 2 else { continue }
      let flags = fcntl(descriptor, F_GETFD)
      if flags >= 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
    }
  }

  /// True while `pid` runs (a zombie counts as gone).
  static func isRunning(_ pid: pid_t) -> Bool {
    guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8) else { return false }
    // The state follows the command name, which is in parentheses and may hold spaces.
    guard let close = stat.lastIndex(of: ")") else { return true }
    let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
    return state != "Z" && state != "X"
  }

  /// The NUL-separated command line of `pid`, joined with spaces.
  static func commandLine(_ pid: pid_t) -> String? {
    guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return nil }
    return String(decoding: data.map { $0 == 0 ? 0x20 : $0 }, as: UTF8.self)
  }

  /// Processes whose command line mentions `marker` (a cluster's directory).
  static func processes(mentioning marker: String) -> [pid_t] {
    let own = getpid()
    let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
    return entries.compactMap { pid_t($0) }.filter { pid in
      pid != own && (commandLine(pid)?.contains(marker) ?? false) && isRunning(pid)
    }
  }

  /// SIGTERM to each process (and its process group, which it leads), then SIGKILL to what is
  /// still there after `grace` seconds.
  static func terminate(_ pids: [pid_t], grace: TimeInterval = 15) {
    let alive = pids.filter(isRunning)
    guard !alive.isEmpty else { return }
    for pid in alive {
      kill(pid, SIGTERM)
      if getpgid(pid) == pid { kill(-pid, SIGTERM) }
    }
    let deadline = Date().addingTimeInterval(grace)
    while Date() < deadline, alive.contains(where: isRunning) { usleep(50_000) }
    for pid in alive where isRunning(pid) {
      kill(pid, SIGKILL)
      if getpgid(pid) == pid { kill(-pid, SIGKILL) }
    }
    let killDeadline = Date().addingTimeInterval(5)
    while Date() < killDeadline, alive.contains(where: isRunning) { usleep(20_000) }
  }

  // MARK: Ports

  /// A port the kernel hands out for `address` (loopback by default), released at once.
  static func freePort(address: String = "127.0.0.1") throws -> Int {
    let socket = try BoundSocket(address: address, port: 0, type: streamSocketType)
    defer { socket.close() }
    return socket.port
  }
}

/// A bound (and for TCP, listening) socket.
final class BoundSocket {
  let descriptor: Int32
  let port: Int

  /// Binds `address:port`; throws the errno text when that fails (EADDRINUSE for a taken port).
  init(address: String, port: Int, type: Int32, listen shouldListen: Bool = false, reuseAddress: Bool = true) throws {
    guard let bytes = IPAddress.parse(address) else { throw KindError("invalid listen address: \(address)") }
    let family = bytes.count == 4 ? AF_INET : AF_INET6
    let descriptor = socket(family, type, 0)
    guard descriptor >= 0 else { throw KindError("socket: \(String(cString: strerror(errno)))") }
    var one: Int32 = 1
    if reuseAddress {
      // SO_REUSEADDR as Go and Docker's proxy set it: TIME_WAIT leftovers do not block a bind,
      // a live listener still does.
      setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
    }
    if family == AF_INET6 {
      var zero: Int32 = 0
      setsockopt(descriptor, Int32(IPPROTO_IPV6), IPV6_V6ONLY, &zero, socklen_t(MemoryLayout<Int32>.size))
    }
    var result: Int32
    if family == AF_INET {
      var socketAddress = sockaddr_in()
      socketAddress.sin_family = sa_family_t(AF_INET)
      socketAddress.sin_port = in_port_t(UInt16(port).bigEndian)
      bytes.withUnsafeBytes { raw in
        withUnsafeMutableBytes(of: &socketAddress.sin_addr) { $0.copyMemory(from: raw) }
      }
      result = withUnsafePointer(to: &socketAddress) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
        }
      }
    } else {
      var socketAddress = sockaddr_in6()
      socketAddress.sin6_family = sa_family_t(AF_INET6)
      socketAddress.sin6_port = in_port_t(UInt16(port).bigEndian)
      bytes.withUnsafeBytes { raw in
        withUnsafeMutableBytes(of: &socketAddress.sin6_addr) { $0.copyMemory(from: raw) }
      }
      result = withUnsafePointer(to: &socketAddress) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
          bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
        }
      }
    }
    if result != 0 {
      let code = errno
      Glibc.close(descriptor)
      throw BindError(code: code)
    }
    if shouldListen && type == streamSocketType, listen(descriptor, 128) != 0 {
      let code = errno
      Glibc.close(descriptor)
      throw BindError(code: code)
    }
    var storage = sockaddr_storage()
    var length = socklen_t(MemoryLayout<sockaddr_storage>.size)
    _ = withUnsafeMutablePointer(to: &storage) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    let boundPort: UInt16 = withUnsafeBytes(of: &storage) { raw in
      // sin_port and sin6_port sit at the same offset, right after the family.
      UInt16(bigEndian: raw.load(fromByteOffset: 2, as: UInt16.self))
    }
    self.descriptor = descriptor
    self.port = Int(boundPort)
  }

  func close() { Glibc.close(descriptor) }
}

struct BindError: Error {
  var code: Int32
  var isAddressInUse: Bool { code == EADDRINUSE }
  var text: String { String(cString: strerror(code)) }
}

let streamSocketType = Int32(SOCK_STREAM.rawValue)
let datagramSocketType = Int32(SOCK_DGRAM.rawValue)
