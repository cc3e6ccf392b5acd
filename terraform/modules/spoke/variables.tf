# The hub, then the platform module's inputs that a spoke takes, with the same defaults (but
# cluster_type) and validated there; see ../platform/README.md.

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
}

variable "region" {
  description = "The region label of the cluster."
  type        = string
  default     = "north-america"
}

variable "cluster_type" {
  description = "The cluster's role in the topology."
  type        = string
  default     = "spoke"
}

variable "kubernetes_version" {
  description = "The Kubernetes version, such as 1.33.1."
  type        = string
  default     = "1.31.2"
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
  description = "dokaseca_cluster's networking object."
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
  description = "Whether an enabled flag enables the flags it needs or a missing requirement is an error."
  type        = bool
  default     = true
}

variable "ignore_unknown_addons" {
  description = "Drop flags the addon catalog does not know instead of failing on them."
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
  description = "More labels for the cluster Secret."
  type        = map(string)
  default     = {}
}

variable "repositories" {
  description = "Git repositories by role, published as <role>_repo_* annotations of the spoke's cluster Secret."
  type        = map(map(string))
  default     = {}
}

variable "cluster_secret_annotations" {
  description = "More annotations for the cluster Secret."
  type        = map(string)
  default     = {}
}

variable "force_conflicts" {
  description = "Take over fields other server-side apply managers own instead of failing on the conflict."
  type        = bool
  default     = false
}
