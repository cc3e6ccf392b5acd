import TerraformPluginProtocol

/// A tfplugin6 response that carries diagnostics.
protocol DiagnosticResponse: Sendable {
  var diagnostics: [Tfplugin6_Diagnostic] { get set }
}

extension Tfplugin6_UpgradeResourceState.Response: DiagnosticResponse {}
extension Tfplugin6_ReadResource.Response: DiagnosticResponse {}
extension Tfplugin6_PlanResourceChange.Response: DiagnosticResponse {}
extension Tfplugin6_ApplyResourceChange.Response: DiagnosticResponse {}
extension Tfplugin6_ImportResourceState.Response: DiagnosticResponse {}
extension Tfplugin6_ReadDataSource.Response: DiagnosticResponse {}

extension ProviderService {
  /// Runs a resource or data-source operation that StopProvider can cancel. An operation cut
  /// short says so, unless it already reported why it stopped: Terraform must not take a
  /// half-done apply for a finished one.
  ///
  /// Logs at debug level how long the call took (`ApplyResourceChange dokaseca_cluster`), which is
  /// how a benchmark separates the provider's time from Terraform's.
  func cancellable<Response: DiagnosticResponse>(
    _ rpc: String, _ typeName: String, _ operation: @escaping @Sendable () async -> Response
  ) async -> Response {
    let started = ContinuousClock.now
    defer { logger.debug("\(rpc) \(typeName) done", metadata: ["elapsed": "\(ContinuousClock.now - started)"]) }
    var (response, wasCancelled) = await operations.run(operation)
    let reportedError = response.diagnostics.contains { $0.severity == .error }
    if wasCancelled && !reportedError {
      response.diagnostics.append(
        Diagnostic.error(
          "Operation interrupted",
          detail:
            "Terraform asked the provider to stop (for example after Ctrl-C) while this operation was running, so it may be incomplete. Run the command again to finish it."
        ).protocolDiagnostic)
    }
    return response
  }
}
