# One private endpoint in an environment VNet whose DNS zone group points at the central zones
# (the platform invariant: no private endpoint without a zone group). Named pe-<name> with the
# service connection psc-<name>.

resource "azurerm_private_endpoint" "this" {
  name                = "pe-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  subnet_id           = var.subnet_id
  tags                = var.tags

  private_service_connection {
    name                           = "psc-${var.name}"
    private_connection_resource_id = var.resource_id
    subresource_names              = [var.subresource_name]
    is_manual_connection           = false
  }

  private_dns_zone_group {
    name                 = var.dns_zone_group_name
    private_dns_zone_ids = var.private_dns_zone_ids
  }
}
