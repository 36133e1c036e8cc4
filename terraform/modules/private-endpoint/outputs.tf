output "id" {
  description = "ID of the private endpoint."
  value       = azurerm_private_endpoint.this.id
}

output "private_ip_address" {
  description = "Private IP of the endpoint's connection (target of A records outside the zone group, e.g. compute-instance names)."
  value       = azurerm_private_endpoint.this.private_service_connection[0].private_ip_address
}
