# A dev hub with ArgoCD and two spokes, one per environment, registered in it.
environment        = "dev"
region             = "north-america"
cluster_type       = "hub"
kubernetes_version = "1.33.1"
gitops_org         = "https://github.com/thatmlopsguy"

teams = {
  team-a = "true"
}

# One node for the hub (the shared variables default to one worker beside it).
workers       = 0
ingress_ports = [80, 443]

# The hub: ArgoCD and what runs beside it.
addons = {
  enable_argo_cd               = true
  enable_argo_rollouts         = true
  enable_cert_manager          = true
  enable_metrics_server        = true
  enable_kube_prometheus_stack = true
}

spokes = {
  spoke-dev = {
    environment = "dev"
    addons = {
      enable_metrics_server = true
      enable_kyverno        = true
      enable_reloader       = true
    }
  }
  spoke-stg = {
    environment = "stg"
    addons = {
      enable_metrics_server = true
      enable_cert_manager   = true
      enable_velero         = true
    }
  }
}

gitops_addons_repo            = "dokaseca-addons"
gitops_addons_basepath        = "argocd"
gitops_addons_path            = "appsets"
gitops_addons_revision        = "main"
gitops_addons_extras_repo     = "helm-charts"
gitops_addons_extras_basepath = "stable"
gitops_addons_extras_revision = "main"
gitops_workloads_repo         = "dokaseca-workloads"
gitops_workloads_basepath     = "argocd"
gitops_workloads_path         = "workloads"
gitops_workloads_revision     = "main"
gitops_clusters_repo          = "dokaseca-clusters"
gitops_clusters_basepath      = "argocd"
gitops_clusters_path          = "clusters"
gitops_clusters_revision      = "main"
