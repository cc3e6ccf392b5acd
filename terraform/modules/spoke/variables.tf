# --- The hub it registers in --------------------------------------------------------------------

variable "hub_connection" {
  description = "The hub cluster's connection (the platform module's connection output, or dokaseca_cluster.<hub>.connection): the spoke's cluster Secret is written into the hub's ArgoCD with it."
  type = object({
    endpoint               = string
    cluster_ca_certificate = string
    client_certificate     = string
    client_key             = string
  })
  sensitive = true
}

variable "hub_argocd_namespace" {
  description = "The namespace of the hub's ArgoCD (the platform module's argocd_namespace output, which also makes the spoke wait for the hub's ArgoCD)."
  type        = string
  default     = "argocd"
}

# --- The cluster -------------------------------------------------------------------------------

variable "name" {
  description = "The Kind cluster name, also the name of its cluster Secret in the hub. Defaults to \"<cluster_type>-<environment>\"."
  type        = string
  default     = null
}

variable "environment" {
  description = "The environment: dev, stg or prod."
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
  description = "The cluster's role in the topology."
  type        = string
  default     = "spoke"

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
  description = "The nodes, as dokaseca_cluster's nodes attribute takes them. Null: one control-plane node. Map no host ports the hub maps (80 and 443)."
  type        = any
  default     = null
}

variable "networking" {
  description = "dokaseca_cluster's networking object. An empty object keeps Kind's defaults and, unlike null, lets Terraform 1.0 plan the cluster."
  type        = any
  default     = {}
}

variable "kubeconfig_path" {
  description = "A kubeconfig file to merge the cluster's context (kind-<name>) into. Null writes no file."
  type        = string
  default     = null
}

# --- Addons and the cluster Secret -------------------------------------------------------------

variable "addons" {
  description = "DoKa Seca addon flags for the spoke, such as enable_metrics_server = true: the hub's addon ApplicationSets deploy them to it."
  type        = map(bool)
  default     = {}
}

variable "resolve_dependencies" {
  description = "Whether an enabled flag enables the flags it needs (true) or a missing requirement is an error (false)."
  type        = bool
  default     = true
}

variable "ignore_unknown_addons" {
  description = "Drop flags the addon catalog does not know instead of failing on them. The ignored_addons output lists them."
  type        = bool
  default     = false
}

variable "teams" {
  description = "Team labels of the cluster Secret: team name to \"true\" or \"false\"."
  type        = map(string)
  default     = {}
}

variable "cloud" {
  description = "The cloud label of the cluster Secret."
  type        = string
  default     = "local"
}

variable "labels" {
  description = "More labels for the cluster Secret; they win over the labels the module writes."
  type        = map(string)
  default     = {}
}

variable "repositories" {
  description = "Git repositories by role (addons, addons_extras, workloads, clusters, ...): each a map with url and optionally revision, basepath and path, published as <role>_repo_* annotations of the spoke's cluster Secret."
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

variable "force_conflicts" {
  description = "Take over fields other server-side apply managers own instead of failing on the conflict."
  type        = bool
  default     = false
}
