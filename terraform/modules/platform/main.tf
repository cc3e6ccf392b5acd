# One DoKa Seca platform cluster: a Kind cluster, its addon flags, and ArgoCD installed through
# the GitOps Bridge with the cluster registered in it and the App of Apps applied. Given a hub,
# the cluster is a spoke instead: the GitOps Bridge registers it in the hub's ArgoCD and installs
# nothing.

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

  # Only the GitOps Bridge reads var.hub: the cluster and its addons do not wait for the hub.
  # Its namespace tells whether there is one: comparing var.hub itself with null would make the
  # result, and every attribute it decides, as sensitive as the hub's connection.
  hub_namespace    = try(var.hub.argocd_namespace, null)
  spoke            = local.hub_namespace != null
  argocd_namespace = local.spoke ? local.hub_namespace : var.argocd_namespace
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

# A spoke's bridge writes into the hub: the hub's ArgoCD reaches the spoke at its address on the
# kind network, with the spoke's connection as credentials.
resource "dokaseca_gitops_bridge" "this" {
  cluster = local.spoke ? var.hub.connection : dokaseca_cluster.this.connection

  argocd = {
    install      = !local.spoke
    namespace    = local.argocd_namespace
    version      = local.spoke ? null : var.argocd_version
    manifest_url = local.spoke ? null : var.argocd_manifest_url
    manifest     = local.spoke ? null : var.argocd_manifest
    wait         = local.spoke ? null : var.argocd_wait
    timeout      = local.spoke ? null : var.argocd_timeout
  }

  cluster_secret = {
    name        = local.name
    environment = var.environment
    server      = local.spoke ? dokaseca_cluster.this.endpoint_internal : null
    connection  = local.spoke ? dokaseca_cluster.this.connection : null
    labels      = dokaseca_addons.this.labels
    annotations = var.cluster_secret_annotations
  }

  repositories = local.repositories

  bootstrap = {
    enabled   = local.spoke ? false : var.bootstrap
    manifests = local.spoke ? null : var.bootstrap_manifests
    project   = local.spoke ? null : var.bootstrap_project
  }

  force_conflicts             = var.force_conflicts
  strip_finalizers_on_destroy = local.spoke ? null : var.strip_finalizers_on_destroy
}
