terraform {
  required_providers {
    dokaseca = {
      # The explicit host lets Terraform and OpenTofu share one filesystem mirror.
      source  = "registry.terraform.io/dokaseca/dokaseca"
      version = "~> 0.1"
    }
  }
}

# Every setting is optional: with none, the provider runs the first kind on PATH.
provider "dokaseca" {
  kind_path = "~/.local/bin/kind"
}
