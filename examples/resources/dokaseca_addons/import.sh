# A set of addon flags is imported by its environment; the next apply sets the flags.
terraform import dokaseca_addons.hub dev
