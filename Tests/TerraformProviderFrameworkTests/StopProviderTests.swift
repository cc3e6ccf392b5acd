import Foundation
import Logging
import TerraformPluginProtocol
import TerraformValues
import Testing

@testable import TerraformProviderFramework

/// StopProvider cancels operations in flight through Swift task cancellation, and an
/// interrupted operation answers with a diagnostic instead of passing for a finished one.
@Suite struct StopProviderTests {
  /// A resource whose create waits for a long time, as a Kind cluster create does, and stops
  /// early only when its task is cancelled.
  struct SlowResource: Resource {
    var typeName: String { "test_slow" }
    var schema: Schema { Schema(attributes: [Attribute("name", type: .string, .required, description: "Name.")]) }

    func create(_ request: CreateRequest, _ response: inout CreateResponse) async {
      try? await Task.sleep(for: .seconds(60))
      response.state = request.plannedState
    }
    func read(_ request: ReadRequest, _ response: inout ReadResponse) async { response.state = request.state }
    func update(_ request: UpdateRequest, _ response: inout UpdateResponse) async {}
    func delete(_ request: DeleteRequest, _ response: inout DeleteResponse) async {}
  }

  struct TestProvider: Provider {
    var typeName: String { "test" }
    var schema: Schema { Schema(attributes: []) }
    var resources: [any Resource] { [SlowResource()] }
    var dataSources: [any DataSource] { [] }
    func configure(_ request: ConfigureProviderRequest, _ response: inout ConfigureProviderResponse) async {}
  }

  @Test func stopCancelsAnApplyInFlightAndReportsIt() async throws {
    let service = ProviderService(provider: TestProvider(), logger: Logger(label: "test"))
    let type = SlowResource().schema.valueType
    var request = Tfplugin6_ApplyResourceChange.Request()
    request.typeName = "test_slow"
    request.plannedState = try Tfplugin6_DynamicValue(.object(["name": "a"]), as: type)
    request.config = request.plannedState
    let started = ContinuousClock.now
    let apply = Task { [request] in
      await service.cancellable("ApplyResourceChange", request.typeName) { await service.applyResourceChange(request) }
    }
    try await Task.sleep(for: .milliseconds(200))
    service.operations.cancelAll()
    let response = await apply.value
    #expect(ContinuousClock.now - started < .seconds(10))
    #expect(response.diagnostics.contains { $0.summary == "Operation interrupted" && $0.severity == .error })
  }

  @Test func anOperationThatWasNotStoppedReportsNothing() async throws {
    let service = ProviderService(provider: TestProvider(), logger: Logger(label: "test"))
    var request = Tfplugin6_ReadResource.Request()
    request.typeName = "test_slow"
    request.currentState = try Tfplugin6_DynamicValue(.object(["name": "a"]), as: SlowResource().schema.valueType)
    let response = await service.cancellable("ReadResource", request.typeName) { [request] in
      await service.readResource(request)
    }
    #expect(response.diagnostics.isEmpty)
    #expect(try response.newState.decoded(as: SlowResource().schema.valueType) == .object(["name": "a"]))
  }
}
