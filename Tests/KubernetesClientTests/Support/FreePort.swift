import NIOCore
import NIOPosix

/// A loopback TCP port nothing listens on right now: bound to port 0 and released again.
func freeLoopbackPort() async throws -> Int {
  let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
    .bind(host: "127.0.0.1", port: 0).get()
  let port = channel.localAddress?.port ?? 0
  try await channel.close()
  return port
}
