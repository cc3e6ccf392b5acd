#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Whether a host port is free, checked before `kind create cluster` so that a taken port is
/// reported on its own port mapping instead of as Docker's error after minutes of work.
enum HostPortProbe {
  /// Tries to bind the TCP port on the address, as Docker will; an address that is not IPv4
  /// is not probed (Docker's own error still reaches the user).
  static func isFree(port: Int, address: String?) -> Bool {
    let socketDescriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socketDescriptor >= 0 else { return true }
    defer { close(socketDescriptor) }
    // Like Docker's proxy, ignore connections lingering in TIME_WAIT.
    var reuse: Int32 = 1
    setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &reuse, socklen_t(MemoryLayout<Int32>.size))
    var socketAddress = sockaddr_in()
    socketAddress.sin_family = sa_family_t(AF_INET)
    socketAddress.sin_port = in_port_t(UInt16(truncatingIfNeeded: port)).bigEndian
    guard inet_pton(AF_INET, address ?? "0.0.0.0", &socketAddress.sin_addr) == 1 else { return true }
    let result = withUnsafePointer(to: &socketAddress) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    return result == 0 || errno != EADDRINUSE
  }
}
