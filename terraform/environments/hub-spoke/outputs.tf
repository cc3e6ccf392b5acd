output "hub_cluster_name" {
  description = "The hub's Kind cluster name."
  value       = module.hub.cluster_name
}

output "hub_endpoint" {
  description = "The hub's API server URL from this machine."
  value       = module.hub.endpoint
}

output "hub_kubeconfig" {
  description = "The hub's kubeconfig."
  value       = module.hub.kubeconfig
  sensitive   = true
}

output "hub_enabled_addons" {
  description = "The hub's enabled addon flags."
  value       = module.hub.enabled_addons
}

output "argocd_version" {
  description = "The ArgoCD release installed in the hub."
  value       = module.hub.argocd_version
}

output "bootstrap_applicationsets" {
  description = "The bootstrap ApplicationSets applied in the hub."
  value       = module.hub.bootstrap_applicationsets
}

output "spokes" {
  description = "Each spoke: its API server URLs, the enabled addon flags and its cluster Secret in the hub."
  value = {
    for name, spoke in module.spoke : name => {
      endpoint            = spoke.endpoint
      endpoint_internal   = spoke.endpoint_internal
      enabled_addons      = spoke.enabled_addons
      cluster_secret_name = spoke.cluster_secret_name
    }
  }
}

output "spoke_kubeconfigs" {
  description = "Each spoke's kubeconfig, by name."
  value       = { for name, spoke in module.spoke : name => spoke.kubeconfig }
  sensitive   = true
}
