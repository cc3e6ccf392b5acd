# A GitOps Bridge is imported by its cluster Secret: <namespace>/<secret name>.
terraform import dokaseca_gitops_bridge.hub argocd/hub-dev
