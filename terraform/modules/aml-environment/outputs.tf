output "workspace_name" {
  description = "Name of the environment's Azure ML workspace (azureMl.environments.<name>.workspace)."
  value       = module.workspace.workspace_name
}

output "workspace_id" {
  description = "Resource ID of the workspace."
  value       = module.workspace.workspace_id
}

output "registry_name" {
  description = "Name of the environment's registry (azureMl.environments.<name>.registry)."
  value       = module.registry.registry_name
}

output "registry_id" {
  description = "Resource ID of the registry (give it to consuming environments' consumed_registry_ids)."
  value       = module.registry.registry_id
}

output "resource_group_name" {
  description = "Resource group of the workspace and registry."
  value       = azurerm_resource_group.workspace.name
}

output "virtual_network_id" {
  description = "ID of the environment VNet."
  value       = module.network.virtual_network_id
}

output "address_space" {
  description = "Address space of the environment VNet (mirrored on the catalog Resource entity)."
  value       = var.address_space
}
