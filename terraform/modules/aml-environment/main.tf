# One Azure ML environment: flat VNet with Bastion, links to the central AML DNS zones, a
# registry (system-assigned identity) and a private-only workspace with managed VNet.
# Every environment root (terraform/environments/<name>, the template skeleton) calls it.

locals {
  tags = merge(var.tags, {
    environment = var.name
    platform    = "azure-ml"
    managed-by  = "terraform"
  })

  # The seed's DNS migration toggle: the central zones (default), or zones of this environment
  # alone in its network resource group.
  dns_resource_group_name = var.use_central_dns_zones ? var.dns_resource_group_name : azurerm_resource_group.network.name
}

resource "azurerm_resource_group" "network" {
  name     = "rg-aml-${var.name}-network"
  location = var.location
  tags     = local.tags
}

resource "azurerm_resource_group" "workspace" {
  name     = "rg-aml-${var.name}"
  location = var.location
  tags     = local.tags
}

module "network" {
  source = "../network"

  name                         = var.name
  location                     = var.location
  resource_group_name          = azurerm_resource_group.network.name
  address_space                = var.address_space
  subnet_cidrs                 = var.subnet_cidrs
  jumpbox_admin_ssh_public_key = var.jumpbox_admin_ssh_public_key
  tags                         = local.tags
}

# The central zones are owned by terraform/shared-dns; an environment on them only links its
# VNet. With use_central_dns_zones = false it creates and links zones of its own.
module "private_dns" {
  source = "../private-dns"

  resource_group_name   = local.dns_resource_group_name
  create_zones          = !var.use_central_dns_zones
  instances_zone_name   = var.instances_zone_name
  virtual_network_links = { (var.name) = module.network.virtual_network_id }
  tags                  = local.tags
}

module "registry" {
  source = "../aml-registry-smi"

  name                       = "mlr-${var.name}"
  location                   = var.location
  resource_group_id          = azurerm_resource_group.workspace.id
  resource_group_name        = azurerm_resource_group.workspace.name
  private_endpoint_subnet_id = module.network.private_endpoint_subnet_id
  private_dns_zone_ids       = module.private_dns.zone_ids
  log_analytics_workspace_id = module.workspace.log_analytics_workspace_id
  tags                       = local.tags

  managed_resource_private_endpoints = var.registry_managed_resource_private_endpoints
}

module "workspace" {
  source = "../aml-managed-umi"

  name                       = var.name
  name_suffix                = var.name_suffix
  location                   = var.location
  resource_group_name        = azurerm_resource_group.workspace.name
  resource_group_id          = azurerm_resource_group.workspace.id
  private_endpoint_subnet_id = module.network.private_endpoint_subnet_id
  private_dns_zone_ids       = module.private_dns.zone_ids
  dns_resource_group_name    = local.dns_resource_group_name
  instances_zone_name        = var.instances_zone_name
  instances_wildcard_record  = var.instances_wildcard_record
  compute_instance_names     = var.compute_instance_names
  registry_ids               = merge({ (var.name) = module.registry.registry_id }, var.consumed_registry_ids)
  compute_vm_size            = var.compute_vm_size
  compute_max_nodes          = var.compute_max_nodes
  tags                       = local.tags
}
