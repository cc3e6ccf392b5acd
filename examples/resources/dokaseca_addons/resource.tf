# The labels of the hub's ArgoCD cluster Secret: enable_kargo needs enable_cert_manager, which
# is enabled too, with a warning.
resource "dokaseca_addons" "hub" {
  environment = "dev"

  addons = {
    enable_argo_cd        = true
    enable_kargo          = true
    enable_kyverno        = true
    enable_metrics_server = true
    enable_istio          = false
  }

  extra_labels = {
    team-a = "true"
  }
}

output "labels" {
  value = dokaseca_addons.hub.labels
}
