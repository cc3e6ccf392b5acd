# --- The cluster -------------------------------------------------------------------------------

output "cluster_name" {
  description = "The Kind cluster name."
  value       = dokaseca_cluster.this.name
}

output "endpoint" {
  description = "The API server URL from this machine."
  value       = dokaseca_cluster.this.endpoint
}

output "endpoint_internal" {
  description = "The API server URL from containers on the kind network."
  value       = dokaseca_cluster.this.endpoint_internal
}

output "context" {
  description = "The kubeconfig context name, kind-<name>."
  value       = dokaseca_cluster.this.context
}

output "kubeconfig" {
  description = "The cluster's kubeconfig."
  value       = dokaseca_cluster.this.kubeconfig
  sensitive   = true
}

output "connection" {
  description = "Endpoint, CA, client certificate and key: what a spoke module takes as hub_connection (the connection of the hub input)."
  value       = dokaseca_cluster.this.connection
  sensitive   = true
}

output "metadata" {
  description = "The cluster metadata: cluster_name, environment, cluster_type, region, kubernetes_version, distro, node counts, subnets and ingress_domain."
  value       = dokaseca_cluster.this.metadata
}

# --- Addons ------------------------------------------------------------------------------------

output "enabled_addons" {
  description = "The enabled addon flags, requirements included."
  value       = dokaseca_addons.this.enabled
}

output "ignored_addons" {
  description = "The flags dropped because the addon catalog does not know them (with ignore_unknown_addons)."
  value       = sort([for flag in keys(var.addons) : flag if !contains(keys(local.addons), flag)])
}

# --- The GitOps Bridge -------------------------------------------------------------------------

output "argocd_namespace" {
  description = "The namespace ArgoCD runs in (the hub's, with a hub). It depends on the installation, so a spoke that takes it registers once ArgoCD is there."
  value       = local.argocd_namespace
  depends_on  = [dokaseca_gitops_bridge.this]
}

output "argocd_version" {
  description = "The ArgoCD release installed."
  value       = dokaseca_gitops_bridge.this.argocd_version
}

output "cluster_secret_name" {
  description = "The name of the cluster's ArgoCD cluster Secret."
  value       = dokaseca_gitops_bridge.this.cluster_secret_name
}

output "cluster_secret_labels" {
  description = "The labels of the cluster Secret: addon flags and metadata, which the addon ApplicationSets select on."
  value       = dokaseca_gitops_bridge.this.cluster_secret_labels
}

output "cluster_secret_annotations" {
  description = "The annotations of the cluster Secret: repository URLs, revisions and paths."
  value       = dokaseca_gitops_bridge.this.cluster_secret_annotations
}

output "bootstrap_applicationsets" {
  description = "The names of the bootstrap ApplicationSets applied."
  value       = dokaseca_gitops_bridge.this.bootstrap_applicationsets
}

output "gitops_bridge_id" {
  description = "The GitOps Bridge's ID, <namespace>/<secret name>: the import ID of dokaseca_gitops_bridge."
  value       = dokaseca_gitops_bridge.this.id
}

output "gitops_bridge_status" {
  description = "What the GitOps Bridge observed when it last applied or read."
  value       = dokaseca_gitops_bridge.this.status
}
