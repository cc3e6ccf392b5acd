# The cluster's name and nodes and the GitOps repositories, from the variables. staging, prod
# and hub-spoke link to this file; hub-spoke's hub is the cluster described here.

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
}
