output "workspace_id" {
  description = "Resource ID of the Azure ML workspace."
  value       = azurerm_machine_learning_workspace.this.id
}

output "workspace_name" {
  description = "Name of the Azure ML workspace."
  value       = azurerm_machine_learning_workspace.this.name
}

output "workspace_identity_id" {
  description = "ID of the workspace user-assigned identity."
  value       = azurerm_user_assigned_identity.workspace.id
}

output "compute_identity_id" {
  description = "ID of the compute user-assigned identity."
  value       = azurerm_user_assigned_identity.compute.id
}

output "compute_identity_principal_id" {
  description = "Principal ID of the compute identity (grant it data roles on extra data sources)."
  value       = azurerm_user_assigned_identity.compute.principal_id
}

output "storage_account_id" {
  description = "ID of the workspace storage account."
  value       = azurerm_storage_account.this.id
}

output "key_vault_id" {
  description = "ID of the workspace Key Vault (RBAC mode)."
  value       = azurerm_key_vault.this.id
}

output "container_registry_id" {
  description = "ID of the workspace container registry."
  value       = azurerm_container_registry.this.id
}

output "log_analytics_workspace_id" {
  description = "Log Analytics workspace of the environment (also receives registry diagnostics)."
  value       = azurerm_log_analytics_workspace.this.id
}

output "workspace_private_endpoint_id" {
  description = "ID of the workspace private endpoint (its FQDNs are checked by the portal's DNS validation)."
  value       = module.private_endpoint["workspace"].id
}
