output "cluster_name" {
  description = "The Kind cluster name."
  value       = dokaseca_cluster.this.name
}

output "endpoint" {
  description = "The API server URL from this machine."
  value       = dokaseca_cluster.this.endpoint
}

output "endpoint_internal" {
  description = "The API server URL from containers on the kind network: the server of the spoke's cluster Secret."
  value       = dokaseca_cluster.this.endpoint_internal
}

output "context" {
  description = "The kubeconfig context name, kind-<name>."
  value       = dokaseca_cluster.this.context
}

output "kubeconfig" {
  description = "The spoke's kubeconfig."
  value       = dokaseca_cluster.this.kubeconfig
  sensitive   = true
}

output "connection" {
  description = "The spoke's endpoint, CA, client certificate and key."
  value       = dokaseca_cluster.this.connection
  sensitive   = true
}

output "metadata" {
  description = "The spoke's cluster metadata."
  value       = dokaseca_cluster.this.metadata
}

output "enabled_addons" {
  description = "The enabled addon flags, requirements included."
  value       = dokaseca_addons.this.enabled
}

output "ignored_addons" {
  description = "The flags dropped because the addon catalog does not know them (with ignore_unknown_addons)."
  value       = sort([for flag in keys(var.addons) : flag if !contains(keys(local.addons), flag)])
}

output "cluster_secret_name" {
  description = "The name of the spoke's cluster Secret in the hub."
  value       = dokaseca_gitops_bridge.this.cluster_secret_name
}

output "cluster_secret_labels" {
  description = "The labels of the spoke's cluster Secret."
  value       = dokaseca_gitops_bridge.this.cluster_secret_labels
}

output "gitops_bridge_id" {
  description = "The GitOps Bridge's ID in the hub, <namespace>/<secret name>."
  value       = dokaseca_gitops_bridge.this.id
}
