/// A Kind `Cluster` (`kind.x-k8s.io/v1alpha4`): the file `kind create cluster --config` reads.
public struct KindClusterConfiguration: Sendable, Hashable {
  public var name: String
  public var nodes: [KindNode]
  public var networking: KindNetworking
  public var featureGates: [String: Bool]
  public var runtimeConfig: [String: String]
  public var containerdConfigPatches: [String]
  /// Registry host → mirror endpoint, rendered as containerd configuration patches.
  public var registryMirrors: [String: String]

  public init(
    name: String, nodes: [KindNode], networking: KindNetworking = KindNetworking(), featureGates: [String: Bool] = [:],
    runtimeConfig: [String: String] = [:], containerdConfigPatches: [String] = [],
    registryMirrors: [String: String] = [:]
  ) {
    self.name = name
    self.nodes = nodes
    self.networking = networking
    self.featureGates = featureGates
    self.runtimeConfig = runtimeConfig
    self.containerdConfigPatches = containerdConfigPatches
    self.registryMirrors = registryMirrors
  }
}

/// One node (a container in real Kind).
public struct KindNode: Sendable, Hashable {
  public enum Role: String, Sendable, Hashable, CaseIterable {
    case controlPlane = "control-plane"
    case worker
  }

  public var role: Role
  public var image: String?
  public var labels: [String: String]
  public var taints: [KindTaint]
  public var portMappings: [KindPortMapping]
  public var mounts: [KindMount]
  public var kubeadmConfigPatches: [String]

  public init(
    role: Role, image: String? = nil, labels: [String: String] = [:], taints: [KindTaint] = [],
    portMappings: [KindPortMapping] = [], mounts: [KindMount] = [], kubeadmConfigPatches: [String] = []
  ) {
    self.role = role
    self.image = image
    self.labels = labels
    self.taints = taints
    self.portMappings = portMappings
    self.mounts = mounts
    self.kubeadmConfigPatches = kubeadmConfigPatches
  }
}

/// A node taint; Kind has no field for them, so they travel as a kubeadm patch.
public struct KindTaint: Sendable, Hashable {
  public var key: String
  public var value: String?
  public var effect: String

  public init(key: String, value: String?, effect: String) {
    self.key = key
    self.value = value
    self.effect = effect
  }
}

/// `extraPortMappings`: a host port forwarded to a node port (80/443 for an ingress).
public struct KindPortMapping: Sendable, Hashable {
  public var containerPort: Int
  public var hostPort: Int?
  public var listenAddress: String?
  public var `protocol`: String?

  public init(containerPort: Int, hostPort: Int?, listenAddress: String? = nil, protocol: String? = nil) {
    self.containerPort = containerPort
    self.hostPort = hostPort
    self.listenAddress = listenAddress
    self.protocol = `protocol`
  }
}

/// `extraMounts`: a host path visible inside the node.
public struct KindMount: Sendable, Hashable {
  public var hostPath: String
  public var containerPath: String
  public var readOnly: Bool?
  public var propagation: String?
  public var selinuxRelabel: Bool?

  public init(
    hostPath: String, containerPath: String, readOnly: Bool? = nil, propagation: String? = nil,
    selinuxRelabel: Bool? = nil
  ) {
    self.hostPath = hostPath
    self.containerPath = containerPath
    self.readOnly = readOnly
    self.propagation = propagation
    self.selinuxRelabel = selinuxRelabel
  }
}

/// The `networking` section; unset fields keep Kind's defaults.
public struct KindNetworking: Sendable, Hashable {
  public var apiServerAddress: String?
  public var apiServerPort: Int?
  public var podSubnet: String?
  public var serviceSubnet: String?
  public var disableDefaultCNI: Bool?
  public var kubeProxyMode: String?
  public var ipFamily: String?
  public var dnsSearch: [String]?

  /// Kind's own defaults, used when the configuration leaves a subnet unset.
  public static let defaultPodSubnet = "10.244.0.0/16"
  public static let defaultServiceSubnet = "10.96.0.0/16"

  public init(
    apiServerAddress: String? = nil, apiServerPort: Int? = nil, podSubnet: String? = nil, serviceSubnet: String? = nil,
    disableDefaultCNI: Bool? = nil, kubeProxyMode: String? = nil, ipFamily: String? = nil, dnsSearch: [String]? = nil
  ) {
    self.apiServerAddress = apiServerAddress
    self.apiServerPort = apiServerPort
    self.podSubnet = podSubnet
    self.serviceSubnet = serviceSubnet
    self.disableDefaultCNI = disableDefaultCNI
    self.kubeProxyMode = kubeProxyMode
    self.ipFamily = ipFamily
    self.dnsSearch = dnsSearch
  }
}
