output "virtual_network_id" {
  description = "ID of the environment VNet (linked to the central private DNS zones)."
  value       = azurerm_virtual_network.this.id
}

output "virtual_network_name" {
  description = "Name of the environment VNet."
  value       = azurerm_virtual_network.this.name
}

output "private_endpoint_subnet_id" {
  description = "ID of the subnet that holds every private endpoint of the environment."
  value       = azurerm_subnet.private_endpoints.id
}

output "bastion_host_name" {
  description = "Name of the Azure Bastion host used to reach the jumpbox."
  value       = azurerm_bastion_host.this.name
}

output "jumpbox_private_ip" {
  description = "Private IP address of the jumpbox (used for DNS validation from inside the VNet)."
  value       = azurerm_network_interface.jumpbox.private_ip_address
}
