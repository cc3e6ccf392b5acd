#if canImport(Glibc)
  import Glibc
#endif

/// A TCP listener on a free port of 0.0.0.0, to take a port away from the code under test.
public final class PortListener: @unchecked Sendable {
  public let port: Int
  private let descriptor: Int32

  public init() throws {
    let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    self.descriptor = descriptor
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = 0
    let bound = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard bound == 0, listen(descriptor, 1) == 0 else { throw PortListenerError.cannotListen }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    port = Int(UInt16(bigEndian: address.sin_port))
  }

  public func close() { _ = Glibc.close(descriptor) }
}

public enum PortListenerError: Error { case cannotListen }

/// A port free right now (taken and released), for configurations that need one.
public func freePort() -> Int {
  guard let listener = try? PortListener() else { return 0 }
  defer { listener.close() }
  return listener.port
}
