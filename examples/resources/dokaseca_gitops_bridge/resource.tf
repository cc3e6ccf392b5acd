resource "dokaseca_cluster" "hub" {
  name        = "hub-dev"
  environment = "dev"
}

resource "dokaseca_cluster" "spoke" {
  name        = "spoke-dev"
  environment = "dev"
}

resource "dokaseca_addons" "hub" {
  environment = "dev"
  addons = {
    enable_argo_cd        = true
    enable_metrics_server = true
  }
}

# ArgoCD in the hub, the hub's cluster Secret carrying the addon flags as labels and the
# repositories as annotations, and the App of Apps.
resource "dokaseca_gitops_bridge" "hub" {
  cluster = dokaseca_cluster.hub.connection

  argocd = {
    version = "v3.5.1"
  }

  cluster_secret = {
    name        = "hub-dev"
    environment = "dev"
    labels      = dokaseca_addons.hub.labels
  }

  repositories = {
    addons = {
      url      = "https://github.com/thatmlopsguy/dokaseca-addons"
      revision = "main"
      basepath = "argocd"
      path     = "appsets"
    }
    workloads = {
      url      = "https://github.com/thatmlopsguy/dokaseca-workloads"
      revision = "main"
      basepath = "argocd"
      path     = "workloads"
    }
  }
}

# A spoke registered in the hub's ArgoCD, which reaches it over the kind network.
resource "dokaseca_gitops_bridge" "spoke" {
  cluster = dokaseca_cluster.hub.connection

  argocd = {
    install = false
  }

  cluster_secret = {
    name        = "spoke-dev"
    environment = "dev"
    server      = dokaseca_cluster.spoke.endpoint_internal
    connection  = dokaseca_cluster.spoke.connection
    labels      = { enable_metrics_server = "true" }
  }

  depends_on = [dokaseca_gitops_bridge.hub]
}
