import Foundation
import Testing

/// The kubelet and scheduler stand-in against a real control plane: Pods are bound and
/// reported running, and the real controllers count the workloads available. Skipped when the
/// Kubernetes binaries are not installed (scripts/install-kube-control-plane.sh installs them).
@Suite(
  "dokaseca-kind's kubelet and scheduler stand-in",
  .serialized,
  .enabled(
    if: KindTool.kubeBinariesInstalled,
    "Kubernetes binaries not installed: run scripts/install-kube-control-plane.sh (and apt-get install curl)"))
struct KubeletStandInTests {
  @Test(.timeLimit(.minutes(5)))
  func deploymentsAndStatefulSetsBecomeAvailableAndDeletedPodsGo() throws {
    let tool = try KindTool()
    let name = "kubelet\(getpid() % 10000)"
    defer { _ = try? tool.run("delete", "cluster", "--name", name) }
    let created = try tool.run(
      "create", "cluster", "--name", name, "--config", "-",
      input: "kind: Cluster\napiVersion: kind.x-k8s.io/v1alpha4\nnodes:\n- role: control-plane\n- role: worker\n")
    #expect(created.exitCode == 0, "\(created.combined)")
    guard created.exitCode == 0 else { return }
    let api = try credentials(tool, name)

    // A Deployment of 2: the ReplicaSet and Deployment controllers count them available.
    let deployment = #"""
      {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "web"},
       "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
        "template": {"metadata": {"labels": {"app": "web"}},
         "spec": {"initContainers": [{"name": "setup", "image": "busybox"}],
          "containers": [{"name": "nginx", "image": "nginx:1.19"}]}}}}
      """#
    #expect(try api.request("POST", "/apis/apps/v1/namespaces/default/deployments", body: deployment).status == 201)
    let available = waitUntil(seconds: 20) {
      let status = try api.object("/apis/apps/v1/namespaces/default/deployments/web")?["status"] as? [String: Any]
      return (status?["availableReplicas"] as? Int) == 2
    }
    #expect(available, "deployment web not available after 20 s; \(kubeletLog(tool, name))")

    // What a kubelet reports: on the worker, Running and Ready, the node's IP, a pod IP from
    // the worker's pod CIDR, a running container and a completed init container.
    let pods = try items(api, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb")
    #expect(pods.count == 2)
    var podIPs: Set<String> = []
    for pod in pods {
      let spec = pod["spec"] as? [String: Any]
      let status = pod["status"] as? [String: Any]
      #expect(spec?["nodeName"] as? String == "\(name)-worker")
      #expect(status?["phase"] as? String == "Running")
      #expect(status?["hostIP"] as? String == "172.18.0.3")
      let podIP = status?["podIP"] as? String ?? ""
      #expect(podIP.hasPrefix("10.244.1."))
      podIPs.insert(podIP)
      let conditions = status?["conditions"] as? [[String: Any]] ?? []
      for type in ["Initialized", "ContainersReady", "Ready", "PodScheduled"] {
        #expect(conditions.contains { $0["type"] as? String == type && $0["status"] as? String == "True" }, "\(type)")
      }
      let container = (status?["containerStatuses"] as? [[String: Any]])?.first
      #expect(container?["name"] as? String == "nginx")
      #expect(container?["ready"] as? Bool == true)
      #expect(container?["started"] as? Bool == true)
      #expect(container?["restartCount"] as? Int == 0)
      #expect(container?["image"] as? String == "docker.io/library/nginx:1.19")
      #expect((container?["imageID"] as? String)?.hasPrefix("docker.io/library/nginx@sha256:") == true)
      #expect((container?["state"] as? [String: Any])?["running"] != nil)
      let setup = (status?["initContainerStatuses"] as? [[String: Any]])?.first
      #expect(((setup?["state"] as? [String: Any])?["terminated"] as? [String: Any])?["exitCode"] as? Int == 0)
    }
    #expect(podIPs.count == 2, "pod IPs not unique: \(podIPs)")

    // A StatefulSet of 1: its controller counts the pod ready.
    let statefulSet = #"""
      {"apiVersion": "apps/v1", "kind": "StatefulSet", "metadata": {"name": "db"},
       "spec": {"replicas": 1, "serviceName": "db", "selector": {"matchLabels": {"app": "db"}},
        "template": {"metadata": {"labels": {"app": "db"}},
         "spec": {"containers": [{"name": "redis", "image": "redis:6"}]}}}}
      """#
    #expect(try api.request("POST", "/apis/apps/v1/namespaces/default/statefulsets", body: statefulSet).status == 201)
    let ready = waitUntil(seconds: 20) {
      let status = try api.object("/apis/apps/v1/namespaces/default/statefulsets/db")?["status"] as? [String: Any]
      return (status?["readyReplicas"] as? Int) == 1
    }
    #expect(ready, "statefulset db not ready after 20 s; \(kubeletLog(tool, name))")

    // Deleting the Deployment: the garbage collector deletes the pods gracefully (30 s by
    // default), the stand-in confirms their termination at once.
    let deleted = try api.request(
      "DELETE", "/apis/apps/v1/namespaces/default/deployments/web", body: #"{"propagationPolicy": "Background"}"#)
    #expect(deleted.status == 200)
    let gone = waitUntil(seconds: 20) {
      try items(api, "/api/v1/namespaces/default/pods?labelSelector=app%3Dweb").isEmpty
    }
    #expect(gone, "pods of deployment web still there after 20 s; \(kubeletLog(tool, name))")
    #expect(try items(api, "/api/v1/namespaces/default/pods?labelSelector=app%3Ddb").count == 1)
  }

  @Test(.timeLimit(.minutes(3)))
  func deleteClusterStopsTheStandIn() throws {
    let tool = try KindTool()
    let name = "kstop\(getpid() % 10000)"
    defer { _ = try? tool.run("delete", "cluster", "--name", name) }
    let created = try tool.run("create", "cluster", "--name", name)
    #expect(created.exitCode == 0, "\(created.combined)")
    guard created.exitCode == 0 else { return }

    let pidFile = tool.clusterDirectory(name).appendingPathComponent("pids/kubelet.pid")
    let pid = (try? String(contentsOf: pidFile, encoding: .utf8)).flatMap {
      Int32($0.trimmingCharacters(in: .whitespacesAndNewlines))
    }
    #expect(pid != nil, "no pids/kubelet.pid")
    guard let pid else { return }
    #expect(KindTool.isRunning(pid))
    let commandLine = (try? String(contentsOfFile: "/proc/\(pid)/cmdline", encoding: .utf8)) ?? ""
    #expect(commandLine.contains("__kubelet"))

    // With no worker, Pods go to the control plane (kind leaves a lone one untainted).
    let api = try credentials(tool, name)
    let pod = #"""
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "solo"},
       "spec": {"containers": [{"name": "app", "image": "busybox"}]}}
      """#
    #expect(createPod(api, pod), "pod solo not created")
    var solo: [String: Any]?
    let running = waitUntil(seconds: 20) {
      solo = try api.object("/api/v1/namespaces/default/pods/solo")
      return (solo?["status"] as? [String: Any])?["phase"] as? String == "Running"
    }
    #expect(running, "pod solo not Running after 20 s; \(kubeletLog(tool, name))")
    #expect((solo?["spec"] as? [String: Any])?["nodeName"] as? String == "\(name)-control-plane")

    let deleted = try tool.run("delete", "cluster", "--name", name)
    #expect(deleted.exitCode == 0)
    #expect(!KindTool.isRunning(pid))
  }

  @Test(.timeLimit(.minutes(3)))
  func disabledByTheEnvironmentPodsStayPending() throws {
    var tool = try KindTool()
    tool.extraEnvironment["DOKASECA_KIND_KUBELET"] = "0"
    let name = "knone\(getpid() % 10000)"
    defer { _ = try? tool.run("delete", "cluster", "--name", name) }
    let created = try tool.run("create", "cluster", "--name", name)
    #expect(created.exitCode == 0, "\(created.combined)")
    guard created.exitCode == 0 else { return }
    #expect(
      !FileManager.default.fileExists(
        atPath: tool.clusterDirectory(name).appendingPathComponent("pids/kubelet.pid").path))

    let api = try credentials(tool, name)
    let pod = #"""
      {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "idle"},
       "spec": {"containers": [{"name": "app", "image": "busybox"}]}}
      """#
    #expect(createPod(api, pod), "pod idle not created")
    // The stand-in answers within a fraction of a second; two seconds show it is not there.
    sleep(2)
    let idle = try api.object("/api/v1/namespaces/default/pods/idle")
    #expect((idle?["status"] as? [String: Any])?["phase"] as? String == "Pending")
    #expect((idle?["spec"] as? [String: Any])?["nodeName"] == nil)
  }

  // MARK: Helpers

  private func credentials(_ tool: KindTool, _ name: String) throws -> KubeCredentials {
    try KubeCredentials(
      kubeconfig: try tool.run("get", "kubeconfig", "--name", name).standardOutput,
      directory: tool.home.deletingLastPathComponent().appendingPathComponent("creds-\(name)"))
  }

  /// POSTs a Pod in `default`, again until it is accepted: the ServiceAccount admission
  /// rejects Pods until the controller has made the namespace's `default` ServiceAccount and
  /// its token (controllers retry the same way).
  private func createPod(_ api: KubeCredentials, _ pod: String) -> Bool {
    waitUntil(seconds: 20) { try api.request("POST", "/api/v1/namespaces/default/pods", body: pod).status == 201 }
  }

  private func items(_ api: KubeCredentials, _ path: String) throws -> [[String: Any]] {
    try api.object(path)?["items"] as? [[String: Any]] ?? []
  }

  /// Polls `condition` every 250 ms; false if it still does not hold after `seconds`.
  private func waitUntil(seconds: TimeInterval, _ condition: () throws -> Bool) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if (try? condition()) == true { return true }
      usleep(250_000)
    }
    return false
  }

  /// The stand-in's log, for a failure message.
  private func kubeletLog(_ tool: KindTool, _ name: String) -> String {
    let log = tool.clusterDirectory(name).appendingPathComponent("logs/kubelet.log")
    let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    return text.isEmpty ? "kubelet.log empty" : "kubelet.log:\n\(text)"
  }
}
