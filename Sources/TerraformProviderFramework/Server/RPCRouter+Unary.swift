import GRPCCore
import GRPCProtobuf
import SwiftProtobuf

extension RPCRouter {
  /// Registers a unary protobuf method. Methods never registered answer UNIMPLEMENTED, which
  /// is what Terraform expects from a provider that lacks an optional RPC.
  mutating func registerUnary<Input: SwiftProtobuf.Message, Output: SwiftProtobuf.Message>(
    _ descriptor: MethodDescriptor,
    _ input: Input.Type,
    _ handler: @escaping @Sendable (Input) async throws -> Output
  ) {
    registerHandler(
      forMethod: descriptor,
      deserializer: ProtobufDeserializer<Input>(),
      serializer: ProtobufSerializer<Output>()
    ) { request, _ in
      let single = try await ServerRequest(stream: request)
      return StreamingServerResponse(single: ServerResponse(message: try await handler(single.message)))
    }
  }
}
