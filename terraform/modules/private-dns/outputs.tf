output "zone_ids" {
  description = "Private DNS zone IDs by zone name, the instances zone included (feed these to the private endpoints' DNS zone groups)."
  value       = local.zone_ids
}

output "virtual_network_link_ids" {
  description = "IDs of the VNet links created by this call, by \"<link>|<zone>\"."
  value       = { for key, link in azurerm_private_dns_zone_virtual_network_link.this : key => link.id }
}
