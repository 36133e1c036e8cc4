# Central Azure ML private DNS zones, shared by every environment. Environments link their own
# VNet (module private-dns with create_zones = false), so adding an environment never touches
# this state. The zones carry prevent_destroy until step 4 of the DNS migration (see
# terraform/README.md).

resource "azurerm_resource_group" "dns" {
  name     = var.resource_group_name
  location = var.location
  tags     = var.tags
}

module "private_dns" {
  source = "../modules/private-dns"

  resource_group_name = azurerm_resource_group.dns.name
  create_zones        = true
  instances_zone_name = var.instances_zone_name
  tags                = var.tags
}
