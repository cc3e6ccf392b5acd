import GRPCCore
import GRPCProtobuf
import SwiftProtobuf
import TerraformPluginProtocol

/// go-plugin's `plugin.GRPCStdio`: a stream of the plugin's stdout and stderr. Our logs already
/// reach Terraform through stderr and stdout carries only the handshake, so the stream stays open
/// and empty until the plugin shuts down.
struct StdioService: RegistrableRPCService {
  let shutdown: ShutdownSignal

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerHandler(
      forMethod: Plugin_GRPCStdio.Method.StreamStdio.descriptor,
      deserializer: ProtobufDeserializer<Google_Protobuf_Empty>(),
      serializer: ProtobufSerializer<Plugin_StdioData>()
    ) { _, _ in
      StreamingServerResponse(of: Plugin_StdioData.self) { _ in
        await shutdown.wait()
        return [:]
      }
    }
  }
}
