# One hub with ArgoCD and two (or more) spokes registered in it. The hub's addon
# ApplicationSets select every cluster Secret by its labels, so each spoke gets the addons its
# flags enable, deployed by the hub's ArgoCD over the kind network. The hub is dev's cluster
# (locals.tf and variables.tf link to dev's); spokes.tf declares the spokes.

provider "dokaseca" {
  kind_path = var.kind_path
}

module "hub" {
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

# One control-plane node each and no host ports: only the hub maps 80 and 443.
module "spoke" {
  source   = "../../modules/spoke"
  for_each = var.spokes

  hub_connection       = module.hub.connection
  hub_argocd_namespace = module.hub.argocd_namespace

  name                  = each.key
  environment           = each.value.environment
  region                = var.region
  cluster_type          = "spoke"
  kubernetes_version    = var.kubernetes_version
  addons                = each.value.addons
  resolve_dependencies  = var.resolve_dependencies
  ignore_unknown_addons = var.ignore_unknown_addons
  teams                 = var.teams
  repositories          = local.repositories
}
