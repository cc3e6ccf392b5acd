import Kind
import TerraformProviderFramework
import TerraformValues

extension ClusterResource {
  /// What `dokaseca_cluster` publishes for the GitOps Bridge and other resources to consume.
  static let connectionType = CtyType.object([
    "endpoint": .string, "cluster_ca_certificate": .string, "client_certificate": .string, "client_key": .string,
  ])

  static let metadataType = CtyType.object([
    "cluster_name": .string, "environment": .string, "cluster_type": .string, "region": .string,
    "kubernetes_version": .string, "distro": .string, "control_plane_nodes": .number, "worker_nodes": .number,
    "pod_subnet": .string, "service_subnet": .string, "ingress_domain": .string,
  ])

  var schema: Schema {
    Schema(
      description:
        "A local Kind cluster, created and deleted with the kind CLI as a person would run it. Metadata arguments update in place; topology changes replace the cluster.",
      attributes: [
        Attribute(
          "name", type: .string, .required,
          description:
            "The cluster name: lowercase letters, digits and '-', at most 49 characters (Kind names containers <name>-control-plane). Changing it replaces the cluster.",
          planModifiers: [.requiresReplace], validators: [.kindClusterName]),
        Attribute(
          "node_image", type: .string, .optionalComputed,
          description:
            "The node image for every node without its own image. Defaults to kindest/node:v<kubernetes_version>, or Kind's default when kubernetes_version is unset. Changing it replaces the cluster.",
          planModifiers: [.requiresReplace]),
        Attribute(
          "kubernetes_version", type: .string, .optional,
          description:
            "The Kubernetes version, such as 1.33.1: selects the default node image and is published in metadata."),
        Attribute(
          "environment", type: .string, .optional,
          description: "The environment (dev, stg, prod), published in metadata.", validators: [.labelValue]),
        Attribute(
          "cluster_type", type: .string, .optional,
          description: "The cluster's role in a hub-and-spoke topology (hub or spoke), published in metadata.",
          validators: [.labelValue]),
        Attribute(
          "region", type: .string, .optional, description: "The region, such as europe, published in metadata.",
          validators: [.labelValue]),
        Attribute(
          "nodes", .nested(NestedAttributes(.list, Self.nodeAttributes)), .optionalComputed,
          description: "The nodes. Defaults to one control-plane node. Changing them replaces the cluster.",
          planModifiers: [.requiresReplace, .useStateForUnknown]),
        Attribute(
          "networking", .nested(Self.networking), .optionalComputed,
          description: "Cluster networking. Changing it replaces the cluster.",
          defaultValue: Self.networking.emptyObject,
          planModifiers: [.requiresReplace]),
        Attribute(
          "containerd_config_patches", type: .list(.string), .optional,
          description: "TOML patches for every node's containerd configuration. Changing them replaces the cluster.",
          planModifiers: [.requiresReplace]),
        Attribute(
          "feature_gates", type: .map(.bool), .optional,
          description: "Kubernetes feature gates for every component. Changing them replaces the cluster.",
          planModifiers: [.requiresReplace]),
        Attribute(
          "runtime_config", type: .map(.string), .optional,
          description: "API server --runtime-config entries. Changing them replaces the cluster.",
          planModifiers: [.requiresReplace]),
        Attribute(
          "registry_mirrors", type: .map(.string), .optional,
          description:
            "Registry mirrors: registry host (docker.io) to mirror endpoint (http://registry:5000). Changing them replaces the cluster.",
          planModifiers: [.requiresReplace]),
        Attribute(
          "kubeconfig_path", type: .string, .optional,
          description:
            "When set, the kubeconfig is merged into this file (mode 0600, ~ expanded) under context kind-<name>, which destroy removes again. When unset, no kubeconfig file is written."
        ),
        Attribute(
          "wait_for_ready", type: .bool, .optionalComputed,
          description: "Whether create waits until the API server answers and every node is Ready. Defaults to true.",
          defaultValue: .bool(true)),
        Attribute(
          "id", type: .string, .computed, description: "The cluster name.", planModifiers: [.useStateForUnknown]),
        Attribute(
          "kubeconfig", type: .string, .computed, description: "The cluster's kubeconfig (context kind-<name>).",
          isSensitive: true, planModifiers: [.useStateForUnknown]),
        Attribute(
          "endpoint", type: .string, .computed, description: "The API server URL from this machine.",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "endpoint_internal", type: .string, .computed,
          description:
            "The API server URL from containers on the kind network, as a hub cluster's ArgoCD reaches a spoke.",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "cluster_ca_certificate", type: .string, .computed, description: "The cluster CA certificate (PEM).",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "client_certificate", type: .string, .computed, description: "The admin client certificate (PEM).",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "client_key", type: .string, .computed, description: "The admin client key (PEM).", isSensitive: true,
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "context", type: .string, .computed, description: "The kubeconfig context name, kind-<name>.",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "connection", type: Self.connectionType, .computed,
          description: "Endpoint, CA, client certificate and key in one object, as dokaseca_gitops_bridge takes it.",
          isSensitive: true, planModifiers: [.useStateForUnknown]),
        Attribute(
          "metadata", type: Self.metadataType, .computed,
          description:
            "The cluster metadata the GitOps Bridge publishes: cluster_name, environment, cluster_type, region, kubernetes_version, distro (kind), control_plane_nodes, worker_nodes, pod_subnet, service_subnet and ingress_domain (an sslip.io domain when ports 80/443 are mapped)."
        ),
      ],
      blocks: [
        Block(
          "timeouts", .single, description: "How long operations may take, as Go durations (10m, 1h30m).",
          attributes: [
            Attribute(
              "create", type: .string, .optional,
              description: "Create, including waiting for readiness. Defaults to 10m.", validators: [.duration]),
            Attribute(
              "delete", type: .string, .optional, description: "Delete. Defaults to 5m.", validators: [.duration]),
          ])
      ])
  }

  static let nodeAttributes: [Attribute] = [
    Attribute(
      "role", type: .string, .required, description: "control-plane or worker.",
      validators: [.oneOf(KindNode.Role.allCases.map(\.rawValue))]),
    Attribute("image", type: .string, .optional, description: "This node's image, instead of node_image."),
    Attribute("labels", type: .map(.string), .optional, description: "Kubernetes labels of the node."),
    Attribute(
      "taints",
      .nested(
        NestedAttributes(
          .list,
          [
            Attribute("key", type: .string, .required, description: "Taint key."),
            Attribute("value", type: .string, .optional, description: "Taint value."),
            Attribute(
              "effect", type: .string, .required, description: "NoSchedule, PreferNoSchedule or NoExecute.",
              validators: [.oneOf(["NoSchedule", "PreferNoSchedule", "NoExecute"])]),
          ])), .optional, description: "Taints the node registers with."),
    Attribute(
      "port_mappings",
      .nested(
        NestedAttributes(
          .list,
          [
            Attribute("container_port", type: .number, .required, description: "The port inside the node."),
            Attribute(
              "host_port", type: .number, .optional, description: "The port on this machine; a random one when unset."),
            Attribute(
              "listen_address", type: .string, .optional,
              description: "The host address to listen on; 0.0.0.0 by default."),
            Attribute(
              "protocol", type: .string, .optional, description: "TCP (default), UDP or SCTP.",
              validators: [.oneOf(["TCP", "UDP", "SCTP"])]),
          ])), .optional, description: "Host ports forwarded to the node (80 and 443 for an ingress controller)."),
    Attribute(
      "mounts",
      .nested(
        NestedAttributes(
          .list,
          [
            Attribute("host_path", type: .string, .required, description: "The path on this machine."),
            Attribute("container_path", type: .string, .required, description: "The path inside the node."),
            Attribute("read_only", type: .bool, .optional, description: "Mount read-only."),
            Attribute(
              "propagation", type: .string, .optional, description: "None, HostToContainer or Bidirectional.",
              validators: [.oneOf(["None", "HostToContainer", "Bidirectional"])]),
            Attribute("selinux_relabel", type: .bool, .optional, description: "Relabel the mount for SELinux."),
          ])), .optional, description: "Host paths mounted into the node."),
    Attribute(
      "kubeadm_config_patches", type: .list(.string), .optional,
      description: "kubeadm configuration patches (YAML) for this node."),
    Attribute(
      "name", type: .string, .computed, description: "The node name Kind gave it.", planModifiers: [.useStateForUnknown]
    ),
    Attribute(
      "internal_address", type: .string, .computed, description: "The node's address on the kind network.",
      planModifiers: [.useStateForUnknown]),
  ]

  static let networking = NestedAttributes(
    .single,
    [
      Attribute(
        "api_server_address", type: .string, .optional,
        description: "The host address the API server listens on; 127.0.0.1 by default."),
      Attribute(
        "api_server_port", type: .number, .optional, description: "The host port of the API server; random by default."),
      Attribute("pod_subnet", type: .string, .optional, description: "The pod CIDR; 10.244.0.0/16 by default."),
      Attribute("service_subnet", type: .string, .optional, description: "The service CIDR; 10.96.0.0/16 by default."),
      Attribute("disable_default_cni", type: .bool, .optional, description: "Skip kindnet, to install another CNI."),
      Attribute(
        "kube_proxy_mode", type: .string, .optional, description: "iptables, ipvs, nftables or none.",
        validators: [.oneOf(["iptables", "ipvs", "nftables", "none"])]),
      Attribute(
        "ip_family", type: .string, .optional, description: "ipv4, ipv6 or dual.",
        validators: [.oneOf(["ipv4", "ipv6", "dual"])]),
      Attribute("dns_search", type: .list(.string), .optional, description: "DNS search domains of the nodes."),
    ])
}
