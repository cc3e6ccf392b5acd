import Foundation
import Testing

@testable import KubernetesClient

/// Tests against a real kube-apiserver 1.20.2 on loopback (see `LocalControlPlane`), started
/// once for all of them. They run one at a time: they share the server, and its start-up and
/// memory (~760 MiB) are the cost to pay once.
///
/// Skipped when the binaries are absent: `scripts/install-kube-control-plane.sh` builds them
/// (about 15 minutes on 2 cores) into `~/.cache/dokaseca/kube/1.20.2/bin`.
@Suite(
  "Live API server",
  .serialized,
  .enabled(if: KubeBinaries.available, "no etcd and kube-apiserver: run scripts/install-kube-control-plane.sh"),
  .localControlPlane
)
struct LiveAPIServerTests {}

/// A name no other test uses: the tests share one server and its "default" namespace.
func uniqueName(_ prefix: String) -> String {
  "\(prefix)-\(String(UInt32.random(in: 0...UInt32.max), radix: 36))"
}

/// Runs `body` with a client connected as cluster admin to the suite's API server.
func withAdminClient<T>(
  retryPolicy: RetryPolicy = .default, _ body: (KubernetesClient) async throws -> T
) async throws -> T {
  try await withClient(try controlPlane().connection, retryPolicy: retryPolicy, body)
}

func configMap(_ name: String, labels: [String: String] = [:], data: [String: String] = [:]) -> JSON {
  [
    "apiVersion": "v1", "kind": "ConfigMap",
    "metadata": ["name": .string(name), "labels": .object(labels.mapValues(JSON.string))],
    "data": .object(data.mapValues(JSON.string)),
  ]
}
