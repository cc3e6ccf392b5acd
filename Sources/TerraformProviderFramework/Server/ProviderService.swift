import GRPCCore
import Logging
import Synchronization
import TerraformPluginProtocol
import TerraformValues

/// The `tfplugin6.Provider` service: decodes Terraform's requests, runs the provider's
/// resources and data sources, enforces the protocol's rules on what they return, and encodes
/// the answers.
final class ProviderService: RegistrableRPCService {
  let provider: any Provider
  let resources: [String: any Resource]
  let dataSources: [String: any DataSource]
  let logger: Logger
  let operations = InFlightOperations()
  private let providerData = Mutex<(any Sendable)?>(nil)

  init(provider: any Provider, logger: Logger) {
    self.provider = provider
    self.resources = Dictionary(provider.resources.map { ($0.typeName, $0) }) { first, _ in first }
    self.dataSources = Dictionary(provider.dataSources.map { ($0.typeName, $0) }) { first, _ in first }
    self.logger = logger
  }

  var context: OperationContext {
    OperationContext(providerData: providerData.withLock { $0 }, logger: logger)
  }

  func setProviderData(_ data: (any Sendable)?) {
    providerData.withLock { $0 = data }
  }

  func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
    typealias Methods = Tfplugin6_Provider.Method
    router.registerUnary(Methods.GetMetadata.descriptor, Tfplugin6_GetMetadata.Request.self) { _ in self.metadata() }
    router.registerUnary(Methods.GetProviderSchema.descriptor, Tfplugin6_GetProviderSchema.Request.self) { _ in
      self.providerSchema()
    }
    router.registerUnary(
      Methods.GetResourceIdentitySchemas.descriptor, Tfplugin6_GetResourceIdentitySchemas.Request.self
    ) { _ in
      Tfplugin6_GetResourceIdentitySchemas.Response()
    }
    router.registerUnary(Methods.GetFunctions.descriptor, Tfplugin6_GetFunctions.Request.self) { _ in
      Tfplugin6_GetFunctions.Response()
    }
    router.registerUnary(Methods.ValidateProviderConfig.descriptor, Tfplugin6_ValidateProviderConfig.Request.self) {
      self.validateProviderConfig($0)
    }
    router.registerUnary(Methods.ConfigureProvider.descriptor, Tfplugin6_ConfigureProvider.Request.self) {
      await self.configureProvider($0)
    }
    router.registerUnary(Methods.ValidateResourceConfig.descriptor, Tfplugin6_ValidateResourceConfig.Request.self) {
      self.validateResourceConfig($0)
    }
    router.registerUnary(
      Methods.ValidateDataResourceConfig.descriptor, Tfplugin6_ValidateDataResourceConfig.Request.self
    ) {
      self.validateDataResourceConfig($0)
    }
    router.registerUnary(Methods.UpgradeResourceState.descriptor, Tfplugin6_UpgradeResourceState.Request.self) {
      request in
      await self.cancellable("UpgradeResourceState", request.typeName) { await self.upgradeResourceState(request) }
    }
    router.registerUnary(Methods.ReadResource.descriptor, Tfplugin6_ReadResource.Request.self) { request in
      await self.cancellable("ReadResource", request.typeName) { await self.readResource(request) }
    }
    router.registerUnary(Methods.PlanResourceChange.descriptor, Tfplugin6_PlanResourceChange.Request.self) { request in
      await self.cancellable("PlanResourceChange", request.typeName) { await self.planResourceChange(request) }
    }
    router.registerUnary(Methods.ApplyResourceChange.descriptor, Tfplugin6_ApplyResourceChange.Request.self) {
      request in
      await self.cancellable("ApplyResourceChange", request.typeName) { await self.applyResourceChange(request) }
    }
    router.registerUnary(Methods.ImportResourceState.descriptor, Tfplugin6_ImportResourceState.Request.self) {
      request in
      await self.cancellable("ImportResourceState", request.typeName) { await self.importResourceState(request) }
    }
    router.registerUnary(Methods.ReadDataSource.descriptor, Tfplugin6_ReadDataSource.Request.self) { request in
      await self.cancellable("ReadDataSource", request.typeName) { await self.readDataSource(request) }
    }
    router.registerUnary(Methods.StopProvider.descriptor, Tfplugin6_StopProvider.Request.self) { _ in
      self.logger.info("Terraform asked to stop; cancelling operations in flight")
      self.operations.cancelAll()
      return Tfplugin6_StopProvider.Response()
    }
  }

  func unknownType(_ typeName: String, kind: String) -> Diagnostics {
    [
      .error(
        "Unknown \(kind) type \"\(typeName)\"",
        detail: "This provider has no \(kind) type \(typeName). Check the provider version your configuration requires."
      )
    ]
  }
}
