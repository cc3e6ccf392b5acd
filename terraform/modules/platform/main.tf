# One DoKa Seca platform cluster: a Kind cluster, its addon flags, and ArgoCD installed through
# the GitOps Bridge with the cluster registered in it and the App of Apps applied.

locals {
  name = coalesce(var.name, "${var.cluster_type}-${var.environment}")

  # Only read when ignore_unknown_addons is set.
  known_flags = flatten([for catalog in data.dokaseca_addon_catalog.flags : tolist(catalog.flags)])
  addons      = { for flag, enabled in var.addons : flag => enabled if !var.ignore_unknown_addons || contains(local.known_flags, flag) }

  # The labels DoKa Seca puts on the cluster Secret beside the addon flags.
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

resource "dokaseca_gitops_bridge" "this" {
  cluster = dokaseca_cluster.this.connection

  argocd = {
    install      = true
    namespace    = var.argocd_namespace
    version      = var.argocd_version
    manifest_url = var.argocd_manifest_url
    manifest     = var.argocd_manifest
    wait         = var.argocd_wait
    timeout      = var.argocd_timeout
  }

  cluster_secret = {
    name        = local.name
    environment = var.environment
    labels      = dokaseca_addons.this.labels
    annotations = var.cluster_secret_annotations
  }

  repositories = local.repositories

  bootstrap = {
    enabled   = var.bootstrap
    manifests = var.bootstrap_manifests
    project   = var.bootstrap_project
  }

  force_conflicts             = var.force_conflicts
  strip_finalizers_on_destroy = var.strip_finalizers_on_destroy
}
