output "cluster_name" {
  description = "The Kind cluster name."
  value       = module.platform.cluster_name
}

output "endpoint" {
  description = "The API server URL from this machine."
  value       = module.platform.endpoint
}

output "endpoint_internal" {
  description = "The API server URL from containers on the kind network: the server of the spoke's cluster Secret."
  value       = module.platform.endpoint_internal
}

output "context" {
  description = "The kubeconfig context name, kind-<name>."
  value       = module.platform.context
}

output "kubeconfig" {
  description = "The spoke's kubeconfig."
  value       = module.platform.kubeconfig
  sensitive   = true
}

output "connection" {
  description = "The spoke's endpoint, CA, client certificate and key."
  value       = module.platform.connection
  sensitive   = true
}

output "metadata" {
  description = "The spoke's cluster metadata."
  value       = module.platform.metadata
}

output "enabled_addons" {
  description = "The enabled addon flags, requirements included."
  value       = module.platform.enabled_addons
}

output "ignored_addons" {
  description = "The flags dropped because the addon catalog does not know them (with ignore_unknown_addons)."
  value       = module.platform.ignored_addons
}

output "cluster_secret_name" {
  description = "The name of the spoke's cluster Secret in the hub."
  value       = module.platform.cluster_secret_name
}

output "cluster_secret_labels" {
  description = "The labels of the spoke's cluster Secret."
  value       = module.platform.cluster_secret_labels
}

output "gitops_bridge_id" {
  description = "The GitOps Bridge's ID in the hub, <namespace>/<secret name>."
  value       = module.platform.gitops_bridge_id
}
