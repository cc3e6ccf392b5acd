import GRPCCore
import TerraformPluginProtocol

/// go-plugin's `plugin.GRPCController`: Terraform calls `Shutdown` when it is done with the
/// plugin, then waits two seconds before killing it, so the plugin must exit promptly.
struct ControllerService: RegistrableRPCService {
  let shutdown: ShutdownSignal

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    router.registerUnary(Plugin_GRPCController.Method.Shutdown.descriptor, Plugin_Empty.self) { _ in
      shutdown.fire()
      return Plugin_Empty()
    }
  }
}
