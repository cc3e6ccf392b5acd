# --- The cluster -------------------------------------------------------------------------------

variable "name" {
  description = "The Kind cluster name, also the name of its ArgoCD cluster Secret. Defaults to \"<cluster_type>-<environment>\", as DoKa Seca names clusters."
  type        = string
  default     = null
}

variable "environment" {
  description = "The environment: dev, stg or prod. Published in the cluster metadata and as the env label of the cluster Secret."
  type        = string
  default     = "dev"

  validation {
    condition     = contains(["dev", "stg", "prod"], var.environment)
    error_message = "The environment must be one of dev, stg or prod."
  }
}

variable "region" {
  description = "The region label of the cluster, such as north-america, europe or asia-pacific."
  type        = string
  default     = "north-america"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.region))
    error_message = "The region must be lowercase letters, digits and '-', starting and ending with a letter or digit."
  }
}

variable "cluster_type" {
  description = "The cluster's role in a hub-and-spoke topology: hub for a cluster whose ArgoCD manages itself (and maybe spokes)."
  type        = string
  default     = "hub"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.cluster_type))
    error_message = "The cluster type must be lowercase letters, digits and '-', such as hub or spoke."
  }
}

variable "kubernetes_version" {
  description = "The Kubernetes version, such as 1.33.1: selects the node image kindest/node:v<version>."
  type        = string
  default     = "1.31.2"

  validation {
    condition     = can(regex("^[0-9]+\\.[0-9]+\\.[0-9]+$", var.kubernetes_version))
    error_message = "The Kubernetes version must look like 1.33.1 (no leading v)."
  }
}

variable "node_image" {
  description = "A node image instead of kindest/node:v<kubernetes_version>."
  type        = string
  default     = null
}

variable "nodes" {
  description = "The nodes, as dokaseca_cluster's nodes attribute takes them: a list of objects with role (control-plane or worker) and optionally image, labels, taints, port_mappings, mounts and kubeadm_config_patches. Null: one control-plane node."
  type        = any
  default     = null
}

variable "networking" {
  description = "dokaseca_cluster's networking object (api_server_address, api_server_port, pod_subnet, service_subnet, disable_default_cni, kube_proxy_mode, ip_family, dns_search). An empty object keeps Kind's defaults and, unlike null, lets Terraform 1.0 plan the cluster."
  type        = any
  default     = {}
}

variable "kubeconfig_path" {
  description = "A kubeconfig file to merge the cluster's context (kind-<name>) into, such as ~/.kube/config. Null writes no file; the kubeconfig output has it."
  type        = string
  default     = null
}

# --- Addons and the cluster Secret's labels ------------------------------------------------------

variable "addons" {
  description = "DoKa Seca addon flags, such as enable_argo_cd = true. Flags that other enabled flags need are enabled too, with a warning, unless resolve_dependencies is false."
  type        = map(bool)
  default     = {}
}

variable "resolve_dependencies" {
  description = "Whether an enabled flag enables the flags it needs (true) or a missing requirement is an error (false)."
  type        = bool
  default     = true
}

variable "ignore_unknown_addons" {
  description = "Drop flags the addon catalog does not know instead of failing on them, so that tfvars written for another DoKa Seca release (enable_tekton, enable_calico, ...) still apply. The ignored_addons output lists them."
  type        = bool
  default     = false
}

variable "teams" {
  description = "Team labels of the cluster Secret, as DoKa Seca writes them: team name to \"true\" or \"false\"."
  type        = map(string)
  default     = {}
}

variable "cloud" {
  description = "The cloud label of the cluster Secret."
  type        = string
  default     = "local"
}

variable "labels" {
  description = "More labels for the cluster Secret. They win over the cloud, region, env, type, version, distro and team labels the module writes."
  type        = map(string)
  default     = {}
}

# --- The GitOps Bridge -------------------------------------------------------------------------

variable "repositories" {
  description = "Git repositories by role (addons, addons_extras, workloads, clusters, ...): each a map with url and optionally revision, basepath and path, published as the <role>_repo_url, <role>_repo_revision, <role>_repo_basepath and <role>_repo_path annotations of the cluster Secret."
  type        = map(map(string))
  default     = {}

  validation {
    condition     = alltrue([for repository in values(var.repositories) : contains(keys(repository), "url")])
    error_message = "Every repository needs a url."
  }

  validation {
    condition     = alltrue([for repository in values(var.repositories) : length(setsubtract(keys(repository), ["url", "revision", "basepath", "path"])) == 0])
    error_message = "A repository takes only url, revision, basepath and path."
  }
}

variable "cluster_secret_annotations" {
  description = "More annotations for the cluster Secret, beside the repository annotations."
  type        = map(string)
  default     = {}
}

variable "argocd_namespace" {
  description = "The namespace ArgoCD is installed into; the cluster Secret goes there too. With a hub, the hub's argocd_namespace is used instead."
  type        = string
  default     = "argocd"
}

variable "argocd_version" {
  description = "The ArgoCD release to install, such as v3.5.1. Null: the provider's default."
  type        = string
  default     = null
}

variable "argocd_manifest_url" {
  description = "Where to read ArgoCD's install manifest from (file://, http:// or https://). Null: the upstream install.yaml of argocd_version."
  type        = string
  default     = null
}

variable "argocd_manifest" {
  description = "ArgoCD's install manifest as inline YAML, instead of argocd_manifest_url."
  type        = string
  default     = null
}

variable "argocd_wait" {
  description = "Whether to wait until ArgoCD's Deployments and StatefulSets are available."
  type        = bool
  default     = true
}

variable "argocd_timeout" {
  description = "How long to wait for ArgoCD, as a duration (10m). Null: the provider's default."
  type        = string
  default     = null
}

variable "bootstrap" {
  description = "Whether to apply the App of Apps: the ApplicationSets that deploy the addons and workloads from the repositories."
  type        = bool
  default     = true
}

variable "bootstrap_manifests" {
  description = "YAML documents (ApplicationSets) that replace the provider's default bootstrap ApplicationSets."
  type        = string
  default     = null
}

variable "bootstrap_project" {
  description = "The ArgoCD project of the bootstrap ApplicationSets. Null: default."
  type        = string
  default     = null
}

variable "force_conflicts" {
  description = "Take over fields other server-side apply managers own instead of failing on the conflict."
  type        = bool
  default     = false
}

variable "strip_finalizers_on_destroy" {
  description = "When the bootstrap Applications are still there at the delete timeout (their finalizer waits for an ArgoCD that may be gone), remove their finalizers instead of failing the destroy."
  type        = bool
  default     = false
}

# --- A spoke of a hub --------------------------------------------------------------------------

variable "hub" {
  description = "A hub to register the cluster in, as the spoke module does: the hub's connection (its platform module's connection output) and argocd_namespace (its argocd_namespace output, which makes the registration wait for the hub's ArgoCD). The cluster Secret then goes into the hub's ArgoCD, with the cluster's endpoint_internal as server and its connection as credentials, and nothing is installed in the cluster: the argocd_* and bootstrap* inputs and strip_finalizers_on_destroy are ignored. Null: ArgoCD is installed in the cluster and manages it."
  type = object({
    connection = object({
      endpoint               = string
      cluster_ca_certificate = string
      client_certificate     = string
      client_key             = string
    })
    argocd_namespace = string
  })
  default = null

  validation {
    condition     = try(var.hub.argocd_namespace, "") != null
    error_message = "The hub needs its argocd_namespace."
  }
}
