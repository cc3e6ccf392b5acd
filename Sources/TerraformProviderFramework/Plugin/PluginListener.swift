import GRPCNIOTransportCore
import NIOCore
import NIOPosix
import NIOSSL

/// Where the plugin listens and how each connection is secured: a go-plugin style listener for
/// grpc-swift's HTTP/2 server transport.
///
/// It adds its own TLS handler rather than using the transport's TLS options because those
/// cannot set the signature algorithms Terraform's P-521 client certificate needs.
struct PluginListener: HTTP2ServerTransport.ListenerFactory {
  enum Address: Sendable {
    case unix(path: String)
    /// The first free port of the range on 127.0.0.1.
    case tcp(ports: ClosedRange<Int>)
  }

  let address: Address
  let tlsContext: NIOSSLContext?
  let eventLoopGroup: any EventLoopGroup

  func makeListeningChannel(
    listenerConfigurator: HTTP2ServerTransport.ListenerConfigurator,
    connectionConfigurator: HTTP2ServerTransport.ConnectionConfigurator
  ) async throws -> NIOAsyncChannel<HTTP2ServerTransport.ConnectionConfigurator.ConnectionChannel, Never> {
    let tlsContext = self.tlsContext
    let bootstrap = ServerBootstrap(group: eventLoopGroup)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .serverChannelInitializer { listenerConfigurator.configure(channel: $0) }
    let initializer:
      @Sendable (any Channel) -> EventLoopFuture<HTTP2ServerTransport.ConnectionConfigurator.ConnectionChannel> = {
        channel in
        channel.eventLoop.makeCompletedFuture {
          if let tlsContext {
            try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tlsContext))
          }
        }.flatMap {
          connectionConfigurator.configure(
            channel: channel, tls: tlsContext == nil ? .none : .configured(requireALPN: false))
        }
      }
    switch address {
    case .unix(let path):
      return try await bootstrap.bind(unixDomainSocketPath: path, childChannelInitializer: initializer)
    case .tcp(let ports):
      var lastError: (any Error)?
      for port in ports {
        do {
          return try await bootstrap.bind(host: "127.0.0.1", port: port, childChannelInitializer: initializer)
        } catch {
          lastError = error
        }
      }
      throw PluginServerError.noFreePort(ports, lastError.map { "\($0)" } ?? "empty range")
    }
  }
}
