import Foundation
import Logging

@testable import KubernetesClient

/// A logger for clients under test; `KUBE_TEST_LOG=debug` shows every request.
let testLogger: Logger = {
  var logger = Logger(label: "kubernetes-client-tests")
  logger.logLevel = ProcessInfo.processInfo.environment["KUBE_TEST_LOG"].flatMap(Logger.Level.init(rawValue:)) ?? .info
  return logger
}()

/// Runs `body` with a client for `connection`, shut down afterwards whatever happens.
@discardableResult
func withClient<T>(
  _ connection: KubernetesConnection, requestTimeout: Duration = .seconds(30), retryPolicy: RetryPolicy = .default,
  _ body: (KubernetesClient) async throws -> T
) async throws -> T {
  let client = try KubernetesClient(
    connection: connection, logger: testLogger, requestTimeout: requestTimeout, retryPolicy: retryPolicy)
  do {
    let result = try await body(client)
    await client.shutdown()
    return result
  } catch {
    await client.shutdown()
    throw error
  }
}
