import TerraformProviderFramework
import TerraformValues

extension GitOpsBridgeResource {
  /// What `status` reports: the objects applied and whether the live ones still match.
  static let statusType = CtyType.object([
    "argocd_objects": .list(.string), "cluster_secret": .string, "bootstrap": .map(.string),
  ])

  var schema: Schema {
    Schema(
      description:
        "ArgoCD installed through the GitOps Bridge pattern: the ArgoCD manifests, the ArgoCD cluster Secret whose labels carry addon flags and whose annotations carry repository metadata, and the App of Apps. The cluster is an argument, not provider configuration, so one apply can create the cluster and bootstrap it; one destroy removes everything in order.",
      attributes: [
        Attribute(
          "cluster", .nested(NestedAttributes(.single, Self.clusterAttributes)), .required,
          description:
            "How to reach the Kubernetes API server ArgoCD runs in: dokaseca_cluster.<name>.connection as is, or endpoint with credentials, or an inline kubeconfig. A different endpoint replaces the resource.",
          isSensitive: true),
        Attribute(
          "argocd", .nested(Self.argoCD), .optionalComputed,
          description: "The ArgoCD installation. Omit it to install ArgoCD v3.5.1 into the argocd namespace.",
          defaultValue: Self.argoCD.emptyObject),
        Attribute(
          "cluster_secret", .nested(NestedAttributes(.single, Self.clusterSecretAttributes)), .required,
          description:
            "The ArgoCD cluster Secret: label argocd.argoproj.io/secret-type=cluster; labels cluster_name, environment and enable_argocd merged with labels; annotations cluster_name and environment merged with the repository metadata and annotations; data name, server and config."
        ),
        Attribute(
          "repositories", .nested(NestedAttributes(.map, Self.repositoryAttributes)), .optional,
          description:
            "Git repositories by role (addons, addons_extras, workloads, clusters, …), published as the Secret annotations <role>_repo_url, <role>_repo_revision, <role>_repo_basepath and <role>_repo_path."
        ),
        Attribute(
          "bootstrap", .nested(Self.bootstrap), .optionalComputed,
          description:
            "The App of Apps. By default one ApplicationSet per repository with a path, selecting this cluster's Secret and templating its source from the Secret's annotations.",
          defaultValue: Self.bootstrap.emptyObject),
        Attribute(
          "force_conflicts", type: .bool, .optionalComputed,
          description:
            "Take over fields that another field manager owns instead of failing with a conflict that names it. Defaults to false.",
          defaultValue: .bool(false)),
        Attribute(
          "strip_finalizers_on_destroy", type: .bool, .optionalComputed,
          description:
            "When the bootstrap Applications are still there at the delete timeout (their resources-finalizer waits for an ArgoCD that may be gone), remove their finalizers instead of failing. Defaults to false.",
          defaultValue: .bool(false)),
        Attribute(
          "id", type: .string, .computed, description: "<namespace>/<name> of the cluster Secret.",
          planModifiers: [.useStateForUnknown]),
        Attribute(
          "argocd_version", type: .string, .computed,
          description: "The ArgoCD version running: the tag of the argocd-server image."),
        Attribute("cluster_secret_name", type: .string, .computed, description: "The cluster Secret's name."),
        Attribute(
          "bootstrap_applicationsets", type: .list(.string), .computed,
          description: "The names of the bootstrap ApplicationSets."),
        Attribute(
          "cluster_secret_labels", type: .map(.string), .computed,
          description:
            "The cluster Secret's labels as applied; refresh shows labels changed or removed outside Terraform."),
        Attribute(
          "cluster_secret_annotations", type: .map(.string), .computed,
          description:
            "The cluster Secret's annotations as applied; refresh shows annotations changed or removed outside Terraform."
        ),
        Attribute(
          "status", type: Self.statusType, .computed,
          description:
            "What was applied: argocd_objects (\"<Kind> <namespace>/<name> (<apiVersion>)\" of every ArgoCD object, which destroy deletes), cluster_secret and bootstrap (ApplicationSet name to state), each \"in sync\", \"drifted\" or \"missing\" as of the last refresh."
        ),
      ],
      blocks: [
        Block(
          "timeouts", .single,
          description:
            "How long destroy may take, as a Go duration (10m, 1h30m). How long create waits for ArgoCD is argocd.timeout.",
          attributes: [
            Attribute(
              "delete", type: .string, .optional,
              description:
                "Delete, including waiting for the bootstrap Applications and the namespace to go. Defaults to 10m.",
              validators: [.duration])
          ])
      ])
  }

  static let clusterAttributes: [Attribute] = [
    Attribute("endpoint", type: .string, .optional, description: "The API server URL, such as https://127.0.0.1:6443."),
    Attribute(
      "cluster_ca_certificate", type: .string, .optional,
      description: "The CA certificate (PEM) that signed the API server's certificate."),
    Attribute(
      "client_certificate", type: .string, .optional, description: "A client certificate (PEM) for mutual TLS."),
    Attribute(
      "client_key", type: .string, .optional, description: "The client certificate's private key (PEM).",
      isSensitive: true),
    Attribute(
      "token", type: .string, .optional, description: "A bearer token, instead of a client certificate.",
      isSensitive: true),
    Attribute(
      "kubeconfig", type: .string, .optional,
      description:
        "A kubeconfig (YAML), instead of endpoint and credentials; for a kubeconfig file, file(pathexpand(\"~/.kube/config\")). Its cluster, user and context entries are read; exec and auth-provider credential plugins are not supported.",
      isSensitive: true),
    Attribute(
      "context", type: .string, .optional, description: "The kubeconfig context to use; its current context by default."
    ),
    Attribute(
      "insecure_skip_tls_verify", type: .bool, .optional,
      description: "Accept any server certificate. Only for throwaway clusters: a warning says so on every plan."),
  ]

  static let argoCD = NestedAttributes(
    .single,
    [
      Attribute(
        "install", type: .bool, .optional,
        description:
          "Install ArgoCD (default true). false only writes the cluster Secret into an existing ArgoCD, as when registering a spoke in a hub."
      ),
      Attribute(
        "namespace", type: .string, .optional,
        description: "ArgoCD's namespace. Defaults to argocd. Changing it replaces the resource."),
      Attribute(
        "version", type: .string, .optional,
        description: "The ArgoCD release to install, such as v3.5.1 (the default). A change upgrades in place."),
      Attribute(
        "manifest_url", type: .string, .optional,
        description:
          "Where the install manifest is: https://, http:// or file://. Defaults to https://raw.githubusercontent.com/argoproj/argo-cd/<version>/manifests/install.yaml."
      ),
      Attribute(
        "manifest", type: .string, .optional,
        description: "The install manifest itself (YAML documents), for offline or customised installs."),
      Attribute(
        "wait", type: .bool, .optional,
        description: "Wait until ArgoCD's Deployments and StatefulSets are available (default true)."),
      Attribute(
        "timeout", type: .string, .optional,
        description: "How long to wait for ArgoCD to become available. Defaults to 10m.", validators: [.duration]),
    ])

  static let clusterSecretAttributes: [Attribute] = [
    Attribute(
      "name", type: .string, .required, description: "The cluster's name in ArgoCD and the Secret's name.",
      validators: [.labelValue]),
    Attribute(
      "namespace", type: .string, .optional, description: "The Secret's namespace. Defaults to ArgoCD's namespace."),
    Attribute(
      "environment", type: .string, .optional, description: "The environment label and annotation (dev, stg, prod).",
      validators: [.labelValue]),
    Attribute(
      "server", type: .string, .optional,
      description:
        "The API server URL ArgoCD uses. Defaults to https://kubernetes.default.svc, the cluster ArgoCD runs in; for a spoke, its endpoint_internal."
    ),
    Attribute(
      "connection", type: ClusterResource.connectionType, .optional,
      description:
        "A spoke's credentials (dokaseca_cluster.<spoke>.connection): its CA, client certificate and key go into the Secret's config.",
      isSensitive: true),
    Attribute(
      "labels", type: .map(.string), .optional, description: "More labels, such as dokaseca_addons.<name>.labels.",
      validators: [.labels]),
    Attribute("annotations", type: .map(.string), .optional, description: "More annotations."),
  ]

  static let repositoryAttributes: [Attribute] = [
    Attribute("url", type: .string, .required, description: "The repository URL."),
    Attribute("revision", type: .string, .optional, description: "The branch, tag or commit."),
    Attribute(
      "basepath", type: .string, .optional,
      description: "The folder that holds this repository's ArgoCD content, such as argocd."),
    Attribute(
      "path", type: .string, .optional,
      description:
        "The folder under basepath, such as appsets. A repository with a path gets a bootstrap ApplicationSet."),
  ]

  static let bootstrap = NestedAttributes(
    .single,
    [
      Attribute(
        "enabled", type: .bool, .optional,
        description:
          "Whether to apply the App of Apps. Defaults to true when this resource installs ArgoCD, false otherwise."),
      Attribute(
        "manifests", type: .string, .optional,
        description: "ApplicationSets or Applications (YAML documents) to apply instead of the default ApplicationSets."
      ),
      Attribute(
        "project", type: .string, .optional,
        description: "The ArgoCD project of the default ApplicationSets' Applications. Defaults to default."),
    ])
}
