output "cluster_name" {
  description = "The Kind cluster name, <cluster_type>-<environment>."
  value       = module.platform.cluster_name
}

output "endpoint" {
  description = "The API server URL from this machine."
  value       = module.platform.endpoint
}

output "context" {
  description = "The kubeconfig context, kind-<cluster name>."
  value       = module.platform.context
}

output "kubeconfig" {
  description = "The cluster's kubeconfig: terraform output -raw kubeconfig > kubeconfig."
  value       = module.platform.kubeconfig
  sensitive   = true
}

output "metadata" {
  description = "The cluster metadata the GitOps Bridge publishes."
  value       = module.platform.metadata
}

output "enabled_addons" {
  description = "The enabled addon flags, requirements included."
  value       = module.platform.enabled_addons
}

output "ignored_addons" {
  description = "Addon flags dropped because the catalog does not know them (with ignore_unknown_addons)."
  value       = module.platform.ignored_addons
}

output "argocd_version" {
  description = "The ArgoCD release installed."
  value       = module.platform.argocd_version
}

output "cluster_secret_name" {
  description = "The cluster's ArgoCD cluster Secret."
  value       = module.platform.cluster_secret_name
}

output "bootstrap_applicationsets" {
  description = "The bootstrap ApplicationSets applied."
  value       = module.platform.bootstrap_applicationsets
}
