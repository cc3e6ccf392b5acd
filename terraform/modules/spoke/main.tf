# A spoke cluster: the platform module given a hub. Its Kind cluster and addon flags are the
# platform's; its GitOps Bridge registers it in the hub's ArgoCD by a cluster Secret that carries
# the spoke's credentials. The hub's addon ApplicationSets select it by its labels and deploy to
# it; nothing is installed in the spoke itself.

module "platform" {
  source = "../platform"

  hub = {
    connection       = var.hub_connection
    argocd_namespace = var.hub_argocd_namespace
  }

  name                       = var.name
  environment                = var.environment
  region                     = var.region
  cluster_type               = var.cluster_type
  kubernetes_version         = var.kubernetes_version
  node_image                 = var.node_image
  nodes                      = var.nodes
  networking                 = var.networking
  kubeconfig_path            = var.kubeconfig_path
  addons                     = var.addons
  resolve_dependencies       = var.resolve_dependencies
  ignore_unknown_addons      = var.ignore_unknown_addons
  teams                      = var.teams
  cloud                      = var.cloud
  labels                     = var.labels
  repositories               = var.repositories
  cluster_secret_annotations = var.cluster_secret_annotations
  force_conflicts            = var.force_conflicts
}
