# One control-plane node with the ingress ports, one worker, and the kubeconfig merged into
# ~/.kube/config under context kind-hub-dev.
resource "dokaseca_cluster" "hub" {
  name               = "hub-dev"
  kubernetes_version = "1.33.1"
  environment        = "dev"
  cluster_type       = "hub"
  region             = "europe"
  kubeconfig_path    = "~/.kube/config"

  nodes = [
    {
      role   = "control-plane"
      labels = { "ingress-ready" = "true" }
      port_mappings = [
        { container_port = 80, host_port = 80 },
        { container_port = 443, host_port = 443 },
      ]
    },
    {
      role   = "worker"
      labels = { "node-role" = "workloads" }
    },
  ]

  networking = {
    pod_subnet     = "10.244.0.0/16"
    service_subnet = "10.96.0.0/16"
  }

  timeouts {
    create = "15m"
  }
}

output "endpoint" {
  value = dokaseca_cluster.hub.endpoint
}
