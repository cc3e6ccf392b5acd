import GRPCCore
import TerraformPluginProtocol

/// The standard gRPC health check, answering SERVING for go-plugin's `plugin` service (and the
/// server as a whole), as go-plugin asks non-Go plugins to.
struct HealthService: RegistrableRPCService {
  static let servingNames: Set<String> = ["", "plugin"]

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerUnary(Grpc_Health_V1_Health.Method.Check.descriptor, Grpc_Health_V1_HealthCheckRequest.self) {
      request in
      guard Self.servingNames.contains(request.service) else {
        throw RPCError(code: .notFound, message: "unknown service \(request.service)")
      }
      var response = Grpc_Health_V1_HealthCheckResponse()
      response.status = .serving
      return response
    }
  }
}
