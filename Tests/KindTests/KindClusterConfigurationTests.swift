import Testing
import Yams

@testable import Kind

/// The v1alpha4 file the provider hands to `kind create cluster --config`.
@Suite struct KindClusterConfigurationTests {
  @Test func rendersEveryFieldKindReads() throws {
    let configuration = KindClusterConfiguration(
      name: "hub-dev",
      nodes: [
        KindNode(
          role: .controlPlane, image: "kindest/node:v1.33.1", labels: ["ingress-ready": "true"],
          portMappings: [
            KindPortMapping(containerPort: 80, hostPort: 8080, listenAddress: "127.0.0.1", protocol: "TCP")
          ],
          mounts: [KindMount(hostPath: "/srv", containerPath: "/data", readOnly: true, propagation: "HostToContainer")]),
        KindNode(role: .worker, taints: [KindTaint(key: "dedicated", value: "ml", effect: "NoSchedule")]),
      ],
      networking: KindNetworking(
        apiServerPort: 6443, podSubnet: "10.10.0.0/16", disableDefaultCNI: true, kubeProxyMode: "ipvs"),
      featureGates: ["InPlacePodVerticalScaling": true],
      runtimeConfig: ["api/alpha": "false"],
      registryMirrors: ["docker.io": "http://mirror:5000"])
    let document = try #require(try Yams.load(yaml: configuration.yaml()) as? [String: Any])
    #expect(document["kind"] as? String == "Cluster")
    #expect(document["apiVersion"] as? String == "kind.x-k8s.io/v1alpha4")
    #expect(document["name"] as? String == "hub-dev")
    let nodes = try #require(document["nodes"] as? [[String: Any]])
    #expect(nodes.map { $0["role"] as? String } == ["control-plane", "worker"])
    #expect(nodes[0]["image"] as? String == "kindest/node:v1.33.1")
    #expect((nodes[0]["labels"] as? [String: String]) == ["ingress-ready": "true"])
    let mapping = try #require((nodes[0]["extraPortMappings"] as? [[String: Any]])?.first)
    #expect(mapping["containerPort"] as? Int == 80 && mapping["hostPort"] as? Int == 8080)
    #expect(mapping["listenAddress"] as? String == "127.0.0.1" && mapping["protocol"] as? String == "TCP")
    let mount = try #require((nodes[0]["extraMounts"] as? [[String: Any]])?.first)
    #expect(mount["readOnly"] as? Bool == true && mount["propagation"] as? String == "HostToContainer")
    let taintPatch = try #require((nodes[1]["kubeadmConfigPatches"] as? [String])?.first)
    let patch = try #require(try Yams.load(yaml: taintPatch) as? [String: Any])
    #expect(patch["kind"] as? String == "JoinConfiguration")
    let taint = try #require(((patch["nodeRegistration"] as? [String: Any])?["taints"] as? [[String: Any]])?.first)
    #expect(
      taint["key"] as? String == "dedicated" && taint["value"] as? String == "ml"
        && taint["effect"] as? String == "NoSchedule")
    let networking = try #require(document["networking"] as? [String: Any])
    #expect(networking["apiServerPort"] as? Int == 6443 && networking["disableDefaultCNI"] as? Bool == true)
    #expect((document["featureGates"] as? [String: Bool]) == ["InPlacePodVerticalScaling": true])
    let containerd = try #require((document["containerdConfigPatches"] as? [String])?.first)
    #expect(containerd.contains("registry.mirrors.\"docker.io\"") && containerd.contains("http://mirror:5000"))
  }

  @Test func identicalArgumentsRenderIdenticalFiles() throws {
    let configuration = KindClusterConfiguration(
      name: "a", nodes: [KindNode(role: .controlPlane, labels: ["b": "1", "a": "2", "c": "3"])])
    #expect(try configuration.yaml() == configuration.yaml())
    #expect(try configuration.yaml().contains("networking") == false, "unset sections are left to Kind's defaults")
  }

  @Test func controlPlaneTaintsPatchBothInitAndJoin() {
    let node = KindNode(role: .controlPlane, taints: [KindTaint(key: "k", value: nil, effect: "NoExecute")])
    #expect(node.taintPatches.count == 2)
    #expect(node.taintPatches[0].hasPrefix("kind: InitConfiguration"))
    #expect(!node.taintPatches[0].contains("value:"))
  }
}
