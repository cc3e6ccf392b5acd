provider "dokaseca" {
  kind_path = var.kind_path
}

module "platform" {
  source = "../../modules/platform"

  name                  = local.cluster_name
  environment           = var.environment
  region                = var.region
  cluster_type          = var.cluster_type
  kubernetes_version    = var.kubernetes_version
  nodes                 = local.nodes
  kubeconfig_path       = var.kubeconfig_path
  addons                = var.addons
  resolve_dependencies  = var.resolve_dependencies
  ignore_unknown_addons = var.ignore_unknown_addons
  teams                 = var.teams
  repositories          = local.repositories
  argocd_version        = var.argocd_version
  argocd_manifest_url   = var.argocd_manifest_url
}
