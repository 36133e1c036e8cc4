output "resource_group_name" {
  description = "Central DNS resource group (dns_resource_group_name of every environment)."
  value       = azurerm_resource_group.dns.name
}

output "zone_ids" {
  description = "Central private DNS zone IDs by zone name."
  value       = module.private_dns.zone_ids
}
