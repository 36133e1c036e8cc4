# Central Azure ML private DNS: one set of zones in a shared resource group, linked to every
# environment VNet. Per-environment zones are deliberately not created (they would shadow the
# central ones and split resolution).

resource "azurerm_private_dns_zone" "this" {
  for_each            = var.create_zones ? toset(var.zone_names) : toset([])
  name                = each.key
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

data "azurerm_private_dns_zone" "existing" {
  for_each            = var.create_zones ? toset([]) : toset(var.zone_names)
  name                = each.key
  resource_group_name = var.resource_group_name
}

locals {
  zone_ids = var.create_zones ? { for name, zone in azurerm_private_dns_zone.this : name => zone.id } : { for name, zone in data.azurerm_private_dns_zone.existing : name => zone.id }

  links = merge([
    for link_name, vnet_id in var.virtual_network_links : {
      for zone in var.zone_names : "${link_name}|${zone}" => { link_name = link_name, zone = zone, vnet_id = vnet_id }
    }
  ]...)
}

resource "azurerm_private_dns_zone_virtual_network_link" "this" {
  for_each              = local.links
  name                  = "link-${each.value.link_name}"
  resource_group_name   = var.resource_group_name
  private_dns_zone_name = each.value.zone
  virtual_network_id    = each.value.vnet_id
  registration_enabled  = false
  tags                  = var.tags

  depends_on = [azurerm_private_dns_zone.this]
}
