# The observability addons, with the chart versions pinned for prod.
data "dokaseca_addon_catalog" "observability" {
  category    = "observability"
  environment = "prod"
}

output "observability_flags" {
  value = [for addon in data.dokaseca_addon_catalog.observability.addons : addon.flag]
}
