# Addresses before terraform/modules/aml-environment: the resources did not change, only where
# they are declared, so `terraform plan` moves their state instead of replacing them. Only the
# environments deployed before the module (dev, prod) have such state; for the others these
# blocks do nothing.
moved {
  from = azurerm_resource_group.network
  to   = module.environment.azurerm_resource_group.network
}

moved {
  from = azurerm_resource_group.workspace
  to   = module.environment.azurerm_resource_group.workspace
}

moved {
  from = module.network
  to   = module.environment.module.network
}

moved {
  from = module.private_dns
  to   = module.environment.module.private_dns
}

moved {
  from = module.registry
  to   = module.environment.module.registry
}

moved {
  from = module.workspace
  to   = module.environment.module.workspace
}
