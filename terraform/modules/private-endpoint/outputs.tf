output "id" {
  description = "ID of the private endpoint."
  value       = azurerm_private_endpoint.this.id
}
