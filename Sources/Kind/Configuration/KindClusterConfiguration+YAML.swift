import Yams

extension KindClusterConfiguration {
  /// The configuration as YAML, with keys sorted so the same arguments always render the same
  /// file (it is logged at TRACE and compared in tests).
  public func yaml() throws -> String {
    try Yams.dump(object: document, sortKeys: true)
  }

  var document: [String: Any] {
    var document: [String: Any] = [
      "kind": "Cluster",
      "apiVersion": "kind.x-k8s.io/v1alpha4",
      "name": name,
      "nodes": nodes.map(\.document),
    ]
    let networkingDocument = networking.document
    if !networkingDocument.isEmpty { document["networking"] = networkingDocument }
    if !featureGates.isEmpty { document["featureGates"] = featureGates }
    if !runtimeConfig.isEmpty { document["runtimeConfig"] = runtimeConfig }
    let patches =
      containerdConfigPatches
      + registryMirrors.keys.sorted().map { host in
        "[plugins.\"io.containerd.grpc.v1.cri\".registry.mirrors.\"\(host)\"]\n  endpoint = [\"\(registryMirrors[host]!)\"]"
      }
    if !patches.isEmpty { document["containerdConfigPatches"] = patches }
    return document
  }
}

extension KindNode {
  var document: [String: Any] {
    var document: [String: Any] = ["role": role.rawValue]
    if let image { document["image"] = image }
    if !labels.isEmpty { document["labels"] = labels }
    if !portMappings.isEmpty {
      document["extraPortMappings"] = portMappings.map { mapping -> [String: Any] in
        var entry: [String: Any] = ["containerPort": mapping.containerPort]
        if let hostPort = mapping.hostPort { entry["hostPort"] = hostPort }
        if let listenAddress = mapping.listenAddress { entry["listenAddress"] = listenAddress }
        if let mappingProtocol = mapping.protocol { entry["protocol"] = mappingProtocol }
        return entry
      }
    }
    if !mounts.isEmpty {
      document["extraMounts"] = mounts.map { mount -> [String: Any] in
        var entry: [String: Any] = ["hostPath": mount.hostPath, "containerPath": mount.containerPath]
        if let readOnly = mount.readOnly { entry["readOnly"] = readOnly }
        if let propagation = mount.propagation { entry["propagation"] = propagation }
        if let selinuxRelabel = mount.selinuxRelabel { entry["selinuxRelabel"] = selinuxRelabel }
        return entry
      }
    }
    let patches = kubeadmConfigPatches + taintPatches
    if !patches.isEmpty { document["kubeadmConfigPatches"] = patches }
    return document
  }

  /// Kind has no taints field: kubeadm registers them, through InitConfiguration on the first
  /// control plane and JoinConfiguration on every other node.
  var taintPatches: [String] {
    guard !taints.isEmpty else { return [] }
    let list = taints.map { taint in
      "  - key: \"\(taint.key)\"\n" + (taint.value.map { "    value: \"\($0)\"\n" } ?? "")
        + "    effect: \"\(taint.effect)\""
    }.joined(separator: "\n")
    let kinds = role == .controlPlane ? ["InitConfiguration", "JoinConfiguration"] : ["JoinConfiguration"]
    return kinds.map { "kind: \($0)\nnodeRegistration:\n  taints:\n\(list)\n" }
  }
}

extension KindNetworking {
  var document: [String: Any] {
    var document: [String: Any] = [:]
    if let apiServerAddress { document["apiServerAddress"] = apiServerAddress }
    if let apiServerPort { document["apiServerPort"] = apiServerPort }
    if let podSubnet { document["podSubnet"] = podSubnet }
    if let serviceSubnet { document["serviceSubnet"] = serviceSubnet }
    if let disableDefaultCNI { document["disableDefaultCNI"] = disableDefaultCNI }
    if let kubeProxyMode { document["kubeProxyMode"] = kubeProxyMode }
    if let ipFamily { document["ipFamily"] = ipFamily }
    if let dnsSearch { document["dnsSearch"] = dnsSearch }
    return document
  }
}
