provider "dokaseca" {
  kind_path = var.kind_path
}

locals {
  cluster_name = "${var.cluster_type}-${var.environment}"

  control_plane = {
    role   = "control-plane"
    labels = { "ingress-ready" = "true" }
    port_mappings = length(var.ingress_ports) == 0 ? null : [
      { container_port = 80, host_port = var.ingress_ports[0] },
      { container_port = 443, host_port = var.ingress_ports[1] },
    ]
  }
  nodes = concat([local.control_plane], [for i in range(var.workers) : { role = "worker" }])
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

  repositories = {
    addons = {
      url      = "${var.gitops_org}/${var.gitops_addons_repo}"
      revision = var.gitops_addons_revision
      basepath = var.gitops_addons_basepath
      path     = var.gitops_addons_path
    }
    addons_extras = {
      url      = "${var.gitops_org}/${var.gitops_addons_extras_repo}"
      revision = var.gitops_addons_extras_revision
      basepath = var.gitops_addons_extras_basepath
    }
    workloads = {
      url      = "${var.gitops_org}/${var.gitops_workloads_repo}"
      revision = var.gitops_workloads_revision
      basepath = var.gitops_workloads_basepath
      path     = var.gitops_workloads_path
    }
    clusters = {
      url      = "${var.gitops_org}/${var.gitops_clusters_repo}"
      revision = var.gitops_clusters_revision
      basepath = var.gitops_clusters_basepath
      path     = var.gitops_clusters_path
    }
  }

  argocd_version      = var.argocd_version
  argocd_manifest_url = var.argocd_manifest_url
}
