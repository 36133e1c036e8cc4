# Azure ML private DNS: the platform's zones in one resource group, linked to VNets. The shared
# DNS root creates the central zones (create_zones = true); an environment looks them up and
# links its VNet. An environment that keeps per-environment zones (the seed's DNS migration
# toggle, use_central_dns_zones = false in aml-environment) creates its own with this module.

locals {
  # The Azure ML zones (api, notebooks, instances) plus those of the dependent resources.
  zone_names = distinct(concat(var.zone_names, [var.instances_zone_name]))
}

resource "azurerm_private_dns_zone" "this" {
  for_each            = var.create_zones ? toset(local.zone_names) : toset([])
  name                = each.key
  resource_group_name = var.resource_group_name
  tags                = var.tags

  # Step 4 of the seed's DNS migration ("remove prevent_destroy & decide on toggle retention")
  # is pending until the DNS validation of step 3: until then no plan may delete a zone that
  # every environment resolves through. Removing this line is that step.
  lifecycle {
    prevent_destroy = true
  }
}

data "azurerm_private_dns_zone" "existing" {
  for_each            = var.create_zones ? toset([]) : toset(local.zone_names)
  name                = each.key
  resource_group_name = var.resource_group_name
}

locals {
  zone_ids = var.create_zones ? { for name, zone in azurerm_private_dns_zone.this : name => zone.id } : { for name, zone in data.azurerm_private_dns_zone.existing : name => zone.id }

  links = merge([
    for link_name, vnet_id in var.virtual_network_links : {
      for zone in local.zone_names : "${link_name}|${zone}" => { link_name = link_name, zone = zone, vnet_id = vnet_id }
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
