# dev: a full platform to try things on. Every addon below deploys once ArgoCD syncs the addons
# repository; flags they need (enable_cert_manager for enable_kargo, ...) are enabled too.
environment        = "dev"
region             = "north-america"
cluster_type       = "hub"
kubernetes_version = "1.33.1"
gitops_org         = "https://github.com/thatmlopsguy"

teams = {
  team-a = "true"
  team-b = "true"
  team-c = "false"
}

kubeconfig_path = "~/.kube/config"
# One node: Kind untaints a lone control plane, so everything runs on it, and Terraform 1.0
# plans it (it cannot plan nodes that differ in which nested lists they set).
workers       = 0
ingress_ports = [80, 443]

addons = {
  # delivery and gitops
  enable_argo_cd               = true
  enable_argo_cd_image_updater = true
  enable_argo_rollouts         = true
  enable_argo_events           = true
  enable_argo_workflows        = true
  enable_kargo                 = true
  # security
  enable_cert_manager     = true
  enable_trust_manager    = true
  enable_external_secrets = true
  enable_trivy_operator   = true
  # compliance
  enable_kyverno          = true
  enable_kyverno_policies = true
  enable_policy_reporter  = true
  # networking
  enable_gateway_api   = true
  enable_ingress_nginx = true
  enable_metallb       = true
  # observability
  enable_metrics_server         = true
  enable_kube_prometheus_stack  = true
  enable_grafana_operator       = true
  enable_loki                   = true
  enable_tempo                  = true
  enable_alloy                  = true
  enable_opentelemetry_operator = true
  # platform engineering and utilities
  enable_keda       = true
  enable_kro        = true
  enable_crossplane = true
  enable_reloader   = true
  enable_reflector  = true
  enable_headlamp   = true
  # data and storage
  enable_cloudnative_pg = true
  enable_minio          = true
  enable_velero         = true
  # off in dev too
  enable_istio     = false
  enable_backstage = false
}

# Git repositories (https://github.com/thatmlopsguy/...)
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
