terraform {
  required_version = ">= 1.0"

  required_providers {
    dokaseca = {
      source  = "registry.terraform.io/dokaseca/dokaseca"
      version = ">= 0.1.0"
    }
  }
}
