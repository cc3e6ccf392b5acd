import Foundation
import KubernetesClient
import Logging
import ProviderTesting
import Testing

/// A Kubernetes client for a `dokaseca_cluster` in a workspace's state, for tests to look at
/// (and tamper with) what the provider did, as a person with kubectl would.
struct LiveCluster {
  let client: KubernetesClient

  init(_ workspace: TerraformWorkspace, address: String) throws {
    let state = try #require(try workspace.attributes(of: address), "\(address) is not in state")
    try self.init(kubeconfig: try #require(state["kubeconfig"] as? String))
  }

  init(kubeconfig: String, context: String? = nil) throws {
    client = try KubernetesClient(
      connection: KubernetesConnection(kubeconfig: kubeconfig, context: context), logger: Logger(label: "test"))
  }

  func get(_ apiVersion: String, _ kind: String, _ namespace: String?, _ name: String) async throws -> JSON? {
    try await client.get(ObjectReference(apiVersion: apiVersion, kind: kind, namespace: namespace, name: name))
  }

  func secret(_ namespace: String, _ name: String) async throws -> JSON? {
    try await get("v1", "Secret", namespace, name)
  }

  static func labels(of object: JSON) -> [String: String] {
    (object["metadata"]["labels"].objectValue ?? [:]).compactMapValues(\.stringValue)
  }

  static func annotations(of object: JSON) -> [String: String] {
    (object["metadata"]["annotations"].objectValue ?? [:]).compactMapValues(\.stringValue)
  }

  func shutdown() async { await client.shutdown() }
}
