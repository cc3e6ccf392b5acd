# A Kind cluster is imported by its name.
terraform import dokaseca_cluster.hub hub-dev
