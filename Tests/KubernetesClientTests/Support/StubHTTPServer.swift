import NIOCore
import NIOHTTP1
import NIOPosix
import Synchronization

/// A plain-HTTP server on loopback that answers as a test scripts it, to see the client retry,
/// give up and be cancelled without a real API server.
final class StubHTTPServer: Sendable {
  enum Answer: Sendable {
    case respond(HTTPResponseStatus, body: String = "")
    /// Never answer: the client must time out or be cancelled.
    case hang
  }

  /// Given the 1-based number of the request and its head, what to answer.
  typealias Script = @Sendable (Int, HTTPRequestHead) -> Answer

  let endpoint: String
  private let channel: any Channel
  private let state: State

  final class State: Sendable {
    let script: Script
    let requests = Atomic<Int>(0)
    init(script: @escaping Script) { self.script = script }
  }

  /// Requests received so far.
  var requestCount: Int { state.requests.load(ordering: .relaxed) }

  init(script: @escaping Script) async throws {
    let state = State(script: script)
    channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
      .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
      .childChannelInitializer { channel in
        channel.eventLoop.makeCompletedFuture {
          try channel.pipeline.syncOperations.configureHTTPServerPipeline()
          try channel.pipeline.syncOperations.addHandler(StubHandler(state: state))
        }
      }
      .bind(host: "127.0.0.1", port: 0).get()
    self.state = state
    endpoint = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
  }

  func stop() async {
    try? await channel.close()
  }
}

private final class StubHandler: ChannelInboundHandler {
  typealias InboundIn = HTTPServerRequestPart
  typealias OutboundOut = HTTPServerResponsePart

  private let state: StubHTTPServer.State
  private var head: HTTPRequestHead?

  init(state: StubHTTPServer.State) { self.state = state }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    switch unwrapInboundIn(data) {
    case .head(let requestHead):
      head = requestHead
    case .body:
      break
    case .end:
      guard let head else { return }
      let number = state.requests.add(1, ordering: .relaxed).newValue
      guard case .respond(let status, let body) = state.script(number, head) else { return }
      var headers = HTTPHeaders()
      headers.add(name: "Content-Type", value: "application/json")
      headers.add(name: "Content-Length", value: String(body.utf8.count))
      context.write(
        wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
      context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(string: body)))), promise: nil)
      context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
    }
  }
}

/// Runs `body` with a stub server answering as `script` says, stopped afterwards.
func withStubServer(
  _ script: @escaping StubHTTPServer.Script, body: (StubHTTPServer) async throws -> Void
) async throws {
  let server = try await StubHTTPServer(script: script)
  do {
    try await body(server)
  } catch {
    await server.stop()
    throw error
  }
  await server.stop()
}
