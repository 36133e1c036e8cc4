output "registry_id" {
  description = "Resource ID of the registry (target of workspace outbound rules and role assignments)."
  value       = azapi_resource.registry.id
}

output "registry_name" {
  description = "Name of the registry."
  value       = azapi_resource.registry.name
}

output "principal_id" {
  description = "Principal ID of the registry's system-assigned identity."
  value       = azapi_resource.registry.identity[0].principal_id
}

output "private_endpoint_id" {
  description = "ID of the registry's private endpoint."
  value       = module.private_endpoint["registry"].id
}

output "managed_resource_private_endpoint_ids" {
  description = "IDs of the private endpoints to the registry's own storage (storage_blob) and ACR (container_registry), when enabled."
  value       = { for key, endpoint in module.private_endpoint : key => endpoint.id if key != "registry" }
}
