# A spoke cluster: a Kind cluster and its addon flags, registered in the hub's ArgoCD by a
# cluster Secret that carries the spoke's credentials. The hub's addon ApplicationSets select it
# by its labels and deploy to it; nothing is installed in the spoke itself.

locals {
  name = coalesce(var.name, "${var.cluster_type}-${var.environment}")

  known_flags = flatten([for catalog in data.dokaseca_addon_catalog.flags : tolist(catalog.flags)])
  addons      = { for flag, enabled in var.addons : flag => enabled if !var.ignore_unknown_addons || contains(local.known_flags, flag) }

  cluster_labels = merge(
    {
      cloud   = var.cloud
      region  = var.region
      env     = var.environment
      type    = var.cluster_type
      version = var.kubernetes_version
      distro  = "kind"
    },
    var.teams,
    var.labels,
  )

  repositories = {
    for role, repository in var.repositories : role => {
      url      = repository["url"]
      revision = lookup(repository, "revision", null)
      basepath = lookup(repository, "basepath", null)
      path     = lookup(repository, "path", null)
    }
  }
}

data "dokaseca_addon_catalog" "flags" {
  count = var.ignore_unknown_addons ? 1 : 0
}

resource "dokaseca_cluster" "this" {
  name               = local.name
  kubernetes_version = var.kubernetes_version
  node_image         = var.node_image
  environment        = var.environment
  cluster_type       = var.cluster_type
  region             = var.region
  nodes              = var.nodes
  networking         = var.networking
  kubeconfig_path    = var.kubeconfig_path
}

resource "dokaseca_addons" "this" {
  environment          = var.environment
  addons               = local.addons
  resolve_dependencies = var.resolve_dependencies
  extra_labels         = local.cluster_labels
}

# Written into the hub: the hub's ArgoCD reaches the spoke at its address on the kind network.
resource "dokaseca_gitops_bridge" "this" {
  cluster = var.hub_connection

  argocd = {
    install   = false
    namespace = var.hub_argocd_namespace
  }

  cluster_secret = {
    name        = local.name
    environment = var.environment
    server      = dokaseca_cluster.this.endpoint_internal
    connection  = dokaseca_cluster.this.connection
    labels      = dokaseca_addons.this.labels
    annotations = var.cluster_secret_annotations
  }

  repositories = local.repositories

  bootstrap = {
    enabled = false
  }

  force_conflicts = var.force_conflicts
}
