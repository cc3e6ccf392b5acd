# What hub-spoke declares beside dev's variables (variables.tf links to dev's).

variable "spokes" {
  description = "The spoke clusters, by name (the Kind cluster and its cluster Secret in the hub's ArgoCD): each with its environment and addon flags."
  type = map(object({
    environment = string
    addons      = map(bool)
  }))
  default = {}

  validation {
    condition     = alltrue([for spoke in values(var.spokes) : contains(["dev", "stg", "prod"], spoke.environment)])
    error_message = "A spoke's environment must be one of 'dev', 'stg' or 'prod'."
  }
}
