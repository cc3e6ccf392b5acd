# stg: production-like. The prod topology and hardening, with the observability stack on to
# rehearse upgrades before they reach prod.
environment        = "stg"
region             = "north-america"
cluster_type       = "hub"
kubernetes_version = "1.31.2"
gitops_org         = "https://github.com/thatmlopsguy"

teams = {
  team-a = "true"
  team-b = "true"
}

argocd_version       = "v3.5.1"
workers              = 2
ingress_ports        = []
resolve_dependencies = false

addons = {
  enable_argo_cd               = true
  enable_argo_rollouts         = true
  enable_cert_manager          = true
  enable_external_secrets      = true
  enable_kyverno               = true
  enable_kyverno_policies      = true
  enable_policy_reporter       = true
  enable_trivy_operator        = true
  enable_metrics_server        = true
  enable_kube_prometheus_stack = true
  enable_loki                  = true
  enable_ingress_nginx         = true
  enable_reloader              = true
  enable_velero                = true
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
