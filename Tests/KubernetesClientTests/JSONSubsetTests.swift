import KubernetesClient
import Testing

/// `isContained(in:)`: whether applying a value would leave a live object unchanged, the test a
/// refresh uses to tell drift from fields the server or other managers added.
@Suite("JSON containment")
struct JSONSubsetTests {
  @Test("a value is contained in itself")
  func reflexive() {
    let values: [JSON] = [nil, true, 3, 2.5, "x", [], [1, "a"], [:], ["a": ["b": [1, 2]]]]
    for value in values { #expect(value.isContained(in: value), "\(value)") }
  }

  @Test("fields only the other side has do not count")
  func extraFieldsInOther() {
    let applied: JSON = ["apiVersion": "v1", "kind": "ConfigMap", "metadata": ["name": "c"], "data": ["k": "v"]]
    var live = applied
    live["metadata"]["uid"] = "0b3c2a1e"
    live["metadata"]["resourceVersion"] = "42"
    live["metadata"]["managedFields"] = [["manager": "kubectl"]]
    live["data"]["other"] = "added by someone else"
    #expect(applied.isContained(in: live))
    // Not the other way round: the applied value lacks what the live one has.
    #expect(!live.isContained(in: applied))
    #expect(JSON.object([:]).isContained(in: live))
  }

  @Test("a differing value is drift")
  func differingValues() {
    #expect(!(["a": 1] as JSON).isContained(in: ["a": 2]))
    #expect(!(["a": "true"] as JSON).isContained(in: ["a": true]))
    #expect(!(["a": "1"] as JSON).isContained(in: ["a": 1]))
    #expect(!(["a": ["b": 1]] as JSON).isContained(in: ["a": "b"]))
    #expect(!(["a": [1]] as JSON).isContained(in: ["a": ["0": 1]]))
    #expect(!(["a": 1] as JSON).isContained(in: ["b": 1]))
    #expect(!JSON.string("x").isContained(in: "y"))
    #expect(!JSON.bool(true).isContained(in: false))
  }

  @Test("arrays must have the same length")
  func arrayLength() {
    #expect(!([1, 2] as JSON).isContained(in: [1, 2, 3]))
    #expect(!([1, 2, 3] as JSON).isContained(in: [1, 2]))
    #expect(!([] as JSON).isContained(in: [1]))
    #expect(([] as JSON).isContained(in: []))
  }

  @Test("arrays match element for element, in order")
  func arrayElements() {
    #expect(([1, "a", true] as JSON).isContained(in: [1, "a", true]))
    #expect(!([1, 2] as JSON).isContained(in: [2, 1]))
    #expect(!(["CreateNamespace=true"] as JSON).isContained(in: ["CreateNamespace=false"]))
  }

  /// Containers come back from the server with defaults filled in; that is not drift.
  @Test("array elements that are objects may have extra fields")
  func arrayElementsAreContained() {
    let applied: JSON = ["containers": [["name": "app", "image": "nginx:1.27"]]]
    let live: JSON = [
      "containers": [
        [
          "name": "app", "image": "nginx:1.27", "imagePullPolicy": "IfNotPresent",
          "terminationMessagePath": "/dev/termination-log",
        ]
      ]
    ]
    #expect(applied.isContained(in: live))
    var changed = live
    changed["containers"] = [["name": "app", "image": "nginx:1.28", "imagePullPolicy": "IfNotPresent"]]
    #expect(!applied.isContained(in: changed))
  }

  @Test("3 and 3.0 are the same number")
  func integersAndDoubles() {
    #expect(JSON.integer(3).isContained(in: .double(3.0)))
    #expect(JSON.double(3.0).isContained(in: .integer(3)))
    #expect((["replicas": 3] as JSON).isContained(in: ["replicas": 3.0]))
    #expect(!JSON.integer(3).isContained(in: .double(3.5)))
    #expect(!JSON.double(3.5).isContained(in: .integer(3)))
    #expect(!JSON.integer(3).isContained(in: .string("3")))
    #expect(JSON.double(0.5).isContained(in: .double(0.5)))
  }

  @Test("nested objects are compared member by member")
  func nestedObjects() {
    let applied: JSON = ["spec": ["template": ["metadata": ["labels": ["app": "argocd-server"]]]]]
    let live: JSON = [
      "spec": [
        "replicas": 1,
        "template": ["metadata": ["labels": ["app": "argocd-server", "pod-template-hash": "abc"]], "spec": [:]],
      ],
      "status": ["readyReplicas": 1],
    ]
    #expect(applied.isContained(in: live))
    var changed = live
    changed["spec"]["template"]["metadata"]["labels"]["app"] = "other"
    #expect(!applied.isContained(in: changed))
    var removed = live
    removed["spec"]["template"]["metadata"].removeValue(forKey: "labels")
    #expect(!applied.isContained(in: removed))
  }

  /// A `null` member asks for the field to be absent (as in a merge patch): a missing field
  /// satisfies it, a present value does not.
  @Test("a null member matches a missing one")
  func nullMembers() {
    #expect((["a": nil] as JSON).isContained(in: [:]))
    #expect((["a": nil] as JSON).isContained(in: ["b": 1]))
    #expect((["a": nil] as JSON).isContained(in: ["a": nil]))
    #expect(!(["a": nil] as JSON).isContained(in: ["a": 1]))
    #expect(!(["a": nil] as JSON).isContained(in: ["a": [:]]))
    // A value where the other side has none (missing or null) is drift.
    #expect(!(["a": 1] as JSON).isContained(in: [:]))
    #expect(!(["a": 1] as JSON).isContained(in: ["a": nil]))
    #expect(!(["a": [:]] as JSON).isContained(in: [:]))
  }

  @Test("values of different kinds are not contained")
  func differentKinds() {
    #expect(!JSON.object([:]).isContained(in: .array([])))
    #expect(!JSON.array([]).isContained(in: .object([:])))
    #expect(!JSON.object([:]).isContained(in: .null))
    #expect(!JSON.null.isContained(in: .object([:])))
    #expect(JSON.null.isContained(in: .null))
  }
}
