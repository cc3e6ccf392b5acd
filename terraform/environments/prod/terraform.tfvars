# prod: minimal and hardened. Few addons, each named explicitly (resolve_dependencies = false
# makes a missing requirement an error instead of enabling it quietly), ArgoCD pinned, no host
# ports open, and no kubeconfig written to disk (take it from the kubeconfig output).
environment        = "prod"
region             = "north-america"
cluster_type       = "hub"
kubernetes_version = "1.31.2"
gitops_org         = "https://github.com/thatmlopsguy"

teams = {
  team-a = "true"
}

argocd_version       = "v3.5.1"
workers              = 2
ingress_ports        = []
resolve_dependencies = false

addons = {
  enable_argo_cd          = true
  enable_cert_manager     = true
  enable_external_secrets = true
  enable_kyverno          = true
  enable_kyverno_policies = true
  enable_metrics_server   = true
  enable_velero           = true
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
