# DoKa Seca's variables (thatmlopsguy/dokaseca-control-plane), so its tfvars files work here,
# then this project's: how the provider runs kind, the node layout and ArgoCD's manifest.
# staging, prod and hub-spoke link to this file; in hub-spoke they describe the hub.

variable "environment" {
  description = "Name of the environment: dev, stg or prod."
  type        = string

  validation {
    condition     = contains(["dev", "stg", "prod"], var.environment)
    error_message = "Invalid environment. Must be one of 'dev', 'stg' or 'prod'."
  }
}

variable "region" {
  description = "Region of the Kubernetes cluster."
  type        = string
  default     = "north-america"

  validation {
    condition     = contains(["north-america", "europe", "asia-pacific"], var.region)
    error_message = "Invalid region. Must be one of 'north-america', 'europe' or 'asia-pacific'."
  }
}

variable "cluster_type" {
  description = "Type of the Kubernetes cluster (hub or spoke); the cluster is named <cluster_type>-<environment>."
  type        = string
  default     = "hub"

  validation {
    condition     = can(regex("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", var.cluster_type))
    error_message = "Invalid cluster type. Use lowercase letters, digits and '-', such as 'hub' or 'spoke'."
  }
}

variable "kubernetes_version" {
  description = "Version of the Kind node image, such as 1.33.1."
  type        = string
  default     = "1.31.2"
}

variable "addons" {
  description = "Kubernetes addons: DoKa Seca enable_* flags."
  type        = map(bool)
  default     = {}
}

variable "teams" {
  description = "Teams that can deploy workloads in the cluster: team name to \"true\" or \"false\" (cluster Secret labels)."
  type        = map(string)
  default     = {}
}

variable "gitops_org" {
  description = "Git organisation (URL prefix) of the GitOps repositories."
  type        = string
  default     = "https://github.com/thatmlopsguy"
}

variable "gitops_addons_repo" {
  description = "Git repository with the addons."
  type        = string
  default     = "dokaseca-addons"
}

variable "gitops_addons_revision" {
  description = "Git revision (branch, tag or commit) of the addons repository."
  type        = string
  default     = "main"
}

variable "gitops_addons_basepath" {
  description = "Base path of the addons in their repository."
  type        = string
  default     = "argocd"
}

variable "gitops_addons_path" {
  description = "Path of the addon ApplicationSets under the base path."
  type        = string
  default     = "appsets"
}

variable "gitops_addons_extras_repo" {
  description = "Git repository with the addons' extra resources (charts)."
  type        = string
  default     = "helm-charts"
}

variable "gitops_addons_extras_basepath" {
  description = "Base path of the extra resources in their repository."
  type        = string
  default     = "stable"
}

variable "gitops_addons_extras_revision" {
  description = "Git revision of the extra resources repository."
  type        = string
  default     = "main"
}

variable "gitops_workloads_repo" {
  description = "Git repository with the workloads."
  type        = string
  default     = "dokaseca-workloads"
}

variable "gitops_workloads_basepath" {
  description = "Base path of the workloads in their repository."
  type        = string
  default     = "argocd"
}

variable "gitops_workloads_path" {
  description = "Path of the workloads under the base path."
  type        = string
  default     = "workloads"
}

variable "gitops_workloads_revision" {
  description = "Git revision of the workloads repository."
  type        = string
  default     = "main"
}

variable "gitops_clusters_repo" {
  description = "Git repository with the cluster definitions."
  type        = string
  default     = "dokaseca-clusters"
}

variable "gitops_clusters_revision" {
  description = "Git revision of the clusters repository."
  type        = string
  default     = "main"
}

variable "gitops_clusters_basepath" {
  description = "Base path of the cluster definitions in their repository."
  type        = string
  default     = "argocd"
}

variable "gitops_clusters_path" {
  description = "Path of the cluster definitions under the base path."
  type        = string
  default     = "clusters"
}

# --- This project's settings -------------------------------------------------------------------

variable "kind_path" {
  description = "The kind executable the provider runs (or dokaseca-kind, the project's kind-compatible tool for machines without Docker). Null: kind on PATH."
  type        = string
  default     = null
}

variable "argocd_manifest_url" {
  description = "Where to read ArgoCD's install manifest (file://, http:// or https://). Null: the upstream install.yaml."
  type        = string
  default     = null
}

variable "argocd_version" {
  description = "The ArgoCD release to install, such as v3.5.1. Null: the provider's default."
  type        = string
  default     = null
}

variable "kubeconfig_path" {
  description = "A kubeconfig file to merge the cluster's context (kind-<name>) into, such as ~/.kube/config. Null writes none (the kubeconfig output has it)."
  type        = string
  default     = null
}

variable "workers" {
  description = "How many worker nodes beside the control-plane node (the hub's, in hub-spoke)."
  type        = number
  default     = 1

  validation {
    condition     = var.workers >= 0 && var.workers <= 10 && floor(var.workers) == var.workers
    error_message = "Workers must be a whole number from 0 to 10."
  }
}

variable "ingress_ports" {
  description = "Host ports forwarded to the control-plane node's ports 80 and 443 for an ingress controller, as [http, https] (the cluster's ingress domain becomes 127-0-0-1.sslip.io). Empty: none. In hub-spoke only the hub maps them, so spokes never collide with it."
  type        = list(number)
  default     = []

  validation {
    condition     = length(var.ingress_ports) == 0 || length(var.ingress_ports) == 2
    error_message = "Give two ports, [http, https], or none."
  }
}

variable "resolve_dependencies" {
  description = "Whether an enabled addon enables the addons it needs (with a warning) or a missing one is an error."
  type        = bool
  default     = true
}

variable "ignore_unknown_addons" {
  description = "Drop addon flags the catalog does not know (from tfvars of another DoKa Seca release) instead of failing."
  type        = bool
  default     = false
}
