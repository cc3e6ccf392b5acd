import Testing

@testable import KubernetesClient

@Suite("Apply normalisation")
struct ApplyNormalizationTests {
  @Test("Service ports without protocol get TCP; explicit protocols stay")
  func servicePorts() {
    let service: JSON = [
      "apiVersion": "v1", "kind": "Service", "metadata": ["name": "s"],
      "spec": ["ports": [["port": 80], ["port": 53, "protocol": "UDP"]]],
    ]
    let normalized = ApplyNormalization.normalized(service)
    #expect(normalized["spec"]["ports"] == [["port": 80, "protocol": "TCP"], ["port": 53, "protocol": "UDP"]])
  }

  @Test("NetworkPolicy ingress and egress ports get TCP; rules without ports stay as they are")
  func networkPolicyPorts() {
    let policy: JSON = [
      "apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "metadata": ["name": "p"],
      "spec": [
        "ingress": [["ports": [["port": 8084]]], ["from": [["namespaceSelector": [:]]]]],
        "egress": [["ports": [["port": 53, "protocol": "UDP"], ["port": 443]]]],
      ],
    ]
    let spec = ApplyNormalization.normalized(policy)["spec"]
    #expect(spec["ingress"][0]["ports"] == [["port": 8084, "protocol": "TCP"]])
    #expect(spec["ingress"][1] == ["from": [["namespaceSelector": [:]]]])
    #expect(spec["egress"][0]["ports"] == [["port": 53, "protocol": "UDP"], ["port": 443, "protocol": "TCP"]])
  }

  @Test("objects without the fields, and other kinds, are left alone")
  func untouched() {
    let bare: JSON = ["apiVersion": "v1", "kind": "Service", "metadata": ["name": "headless"]]
    #expect(ApplyNormalization.normalized(bare) == bare)
    let policy: JSON = ["apiVersion": "networking.k8s.io/v1", "kind": "NetworkPolicy", "spec": ["podSelector": [:]]]
    #expect(ApplyNormalization.normalized(policy) == policy)
    let custom: JSON = ["apiVersion": "example.com/v1", "kind": "Service", "spec": ["ports": [["port": 1]]]]
    #expect(ApplyNormalization.normalized(custom) == custom)
    let deployment: JSON = [
      "apiVersion": "apps/v1", "kind": "Deployment",
      "spec": ["template": ["spec": ["containers": [["ports": [["containerPort": 80]]]]]]],
    ]
    #expect(ApplyNormalization.normalized(deployment) == deployment)
  }
}
