import GRPCCore
import GRPCNIOTransportCore
import Logging
import NIOCore
import NIOPosix
import NIOSSL

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Serves a provider to Terraform or OpenTofu the way go-plugin does: checks the handshake
/// environment, listens on a private unix socket (TCP on loopback as the fallback), secures it
/// with AutoMTLS when asked, writes the handshake line, and exits when Terraform says so.
public enum PluginServer {
  /// Terraform sends whole states and plans in one message; go-plugin's own limit is 256 MiB.
  static let maximumMessageSize = 256 * 1024 * 1024

  /// Serves until Terraform sends Shutdown; returns the process exit status.
  public static func serve(_ provider: any Provider, environment: [String: String]) async -> Int32 {
    let plugin = PluginEnvironment(environment)
    if let problem = plugin.startupProblem() {
      writeStandardError(problem + "\n")
      return 1
    }
    // Terraform forwards Ctrl-C as StopProvider; the signal itself must not kill us mid-apply.
    signal(SIGINT, SIG_IGN)
    let logger = makeLogger(provider: provider, environment: environment)
    do {
      let tlsContext: NIOSSLContext?
      let identity: ServerIdentity?
      if let pem = plugin.clientCertificatePEM {
        let clientCertificates: [NIOSSLCertificate]
        do {
          clientCertificates = try NIOSSLCertificate.fromPEMBytes(Array(pem.utf8))
        } catch {
          throw PluginServerError.invalidClientCertificate("\(error)")
        }
        guard !clientCertificates.isEmpty else {
          throw PluginServerError.invalidClientCertificate("no certificate in it")
        }
        let generated = try ServerIdentity.generate()
        tlsContext = try NIOSSLContext(
          configuration: .autoMTLS(identity: generated, clientCertificates: clientCertificates))
        identity = generated
      } else {
        tlsContext = nil
        identity = nil
      }
      let socketDirectory = SocketDirectory.make(environment: environment, preferred: plugin.unixSocketDirectory)
      defer { socketDirectory?.remove() }
      let address: PluginListener.Address =
        socketDirectory.map { .unix(path: $0.socketPath) }
        ?? .tcp(ports: plugin.minPort...max(plugin.minPort, plugin.maxPort))
      try await run(provider, address: address, tlsContext: tlsContext, logger: logger) { bound in
        let handshake = Handshake(
          network: bound.network, address: bound.address, certificateDER: identity?.certificateDER)
        writeStandardOutput(handshake.line)
      }
      return 0
    } catch {
      logger.error("Plugin failed to serve: \(error)")
      writeStandardError("terraform-provider: cannot serve: \(error)\n")
      return 1
    }
  }

  /// Serves without the handshake or TLS and prints how to attach Terraform to this process,
  /// for debugging the provider under a debugger or with its logs in a terminal.
  public static func serveForDebugging(
    _ provider: any Provider, address providerAddress: String, environment: [String: String]
  ) async -> Int32 {
    let logger = makeLogger(
      provider: provider,
      environment: environment.merging(["TF_LOG_PROVIDER": environment["TF_LOG_PROVIDER"] ?? "DEBUG"]) { $1 })
    guard
      let socketDirectory = SocketDirectory.make(
        environment: environment, preferred: environment["PLUGIN_UNIX_SOCKET_DIR"])
    else {
      writeStandardError("cannot create a socket directory\n")
      return 1
    }
    defer { socketDirectory.remove() }
    do {
      try await run(provider, address: .unix(path: socketDirectory.socketPath), tlsContext: nil, logger: logger) {
        bound in
        let reattach = ReattachConfiguration(
          providerAddress: providerAddress, processID: Int(getpid()), network: bound.network.rawValue,
          address: bound.address)
        writeStandardOutput(
          "Provider serving for debugging. In another shell, run Terraform with:\n\n\texport TF_REATTACH_PROVIDERS='\(reattach.json)'\n\nStop with Ctrl-C.\n"
        )
      }
      return 0
    } catch {
      writeStandardError("cannot serve: \(error)\n")
      return 1
    }
  }

  private static func run(
    _ provider: any Provider, address: PluginListener.Address, tlsContext: NIOSSLContext?, logger: Logger,
    onListening: @escaping @Sendable (Handshake) -> Void
  ) async throws {
    let shutdown = ShutdownSignal()
    let eventLoopGroup = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    var config = HTTP2ServerTransport.Custom<PluginListener>.Config.defaults
    config.rpc.maxRequestPayloadSize = maximumMessageSize
    let transport = HTTP2ServerTransport.Custom(
      listenerFactory: PluginListener(address: address, tlsContext: tlsContext, eventLoopGroup: eventLoopGroup),
      config: config)
    let server = GRPCServer(
      transport: transport,
      services: [
        ProviderService(provider: provider, logger: logger),
        ControllerService(shutdown: shutdown),
        StdioService(shutdown: shutdown),
        HealthService(),
      ])
    try await withThrowingTaskGroup(of: Bool.self) { group in
      // Each child reports whether it was the server itself finishing.
      group.addTask {
        try await server.serve()
        return true
      }
      group.addTask {
        guard let bound = await transport.listeningAddress else { throw PluginServerError.noListeningAddress }
        if let path = bound.unixDomainSocket?.path {
          onListening(Handshake(network: .unix, address: path, certificateDER: nil))
        } else if let ipv4 = bound.ipv4 {
          onListening(Handshake(network: .tcp, address: "\(ipv4.host):\(ipv4.port)", certificateDER: nil))
        }
        logger.debug("Plugin listening", metadata: ["address": "\(bound)"])
        return false
      }
      group.addTask {
        await watchParent(shutdown: shutdown, logger: logger)
        return false
      }
      await shutdown.wait()
      logger.debug("Shutdown requested")
      server.beginGracefulShutdown()
      // In-flight calls get a moment to finish; Terraform kills the process 2 s after Shutdown.
      group.addTask {
        try await Task.sleep(for: .milliseconds(500))
        return true
      }
      while let finished = try await group.next(), !finished {}
      group.cancelAll()
    }
    // The event loop is left running: the process exits next, and connections the transport is
    // still closing would otherwise schedule work on a shut-down loop (NIO logs that as an error).
  }

  /// Exits with the process that started the plugin. Terraform normally says Shutdown, but a
  /// Terraform that exits on an error (1.0.3 after a failed import) does not, and an orphaned
  /// plugin would keep its socket and inherited descriptors forever.
  private static func watchParent(shutdown: ShutdownSignal, logger: Logger) async {
    let parent = getppid()
    while !Task.isCancelled {
      try? await Task.sleep(for: .milliseconds(500))
      if getppid() != parent {
        logger.info("Terraform exited without shutting the plugin down; exiting")
        shutdown.fire()
        return
      }
    }
  }

  private static func makeLogger(provider: any Provider, environment: [String: String]) -> Logger {
    let level = LogLevelSetting.level(environment: environment)
    return Logger(label: provider.typeName) { _ in
      guard let level else { return SwiftLogNoOpLogHandler() }
      return HCLogHandler(module: "provider.terraform-provider-\(provider.typeName)", level: level)
    }
  }
}
