# Azure ML registry with a system-assigned identity, reachable only through a private endpoint.
# The registry's own storage account and ACR are created by the service in its managed
# resource group; private endpoints to them are optional (managed_resource_private_endpoints).

resource "azapi_resource" "registry" {
  type      = "Microsoft.MachineLearningServices/registries@2024-04-01"
  name      = var.name
  parent_id = var.resource_group_id
  location  = var.location
  tags      = var.tags

  identity {
    type = "SystemAssigned"
  }

  body = {
    properties = {
      publicNetworkAccess = "Disabled"
      regionDetails = [
        {
          location = var.location
          acrDetails = [
            { systemCreatedAcrAccount = { acrAccountSku = "Premium" } }
          ]
          storageAccountDetails = [
            {
              systemCreatedStorageAccount = {
                storageAccountType       = "Standard_LRS"
                storageAccountHnsEnabled = false
                allowBlobPublicAccess    = false
              }
            }
          ]
        }
      ]
    }
  }

  response_export_values = [
    "properties.discoveryUrl",
    "properties.mlFlowRegistryUri",
    "properties.regionDetails",
  ]
}

# The registry's endpoint: its FQDNs live in the central api zone
# (<guid>.registry.<region>.privatelink.api.azureml.ms). A client in the VNet (the jumpbox
# uploading or downloading assets) also reaches the registry's own storage account (blob) and
# ACR (registry), which the service creates in its managed resource group: Microsoft's registry
# network-isolation article asks for a private endpoint to the registry, its storage and its ACR
# in the subnet of the workspace endpoint. Their IDs come from the registry's regionDetails
# (armResourceId of the system-created accounts); those two are optional.
locals {
  region_details = try(azapi_resource.registry.output.properties.regionDetails[0], null)

  managed_resource_endpoints = {
    storage_blob = {
      name        = "${var.name}-blob"
      target      = try(local.region_details.storageAccountDetails[0].systemCreatedStorageAccount.armResourceId.resourceId, null)
      subresource = "blob"
      zone_group  = "central-blob-dns"
      zone        = "privatelink.blob.core.windows.net"
    }
    container_registry = {
      name        = "${var.name}-acr"
      target      = try(local.region_details.acrDetails[0].systemCreatedAcrAccount.armResourceId.resourceId, null)
      subresource = "registry"
      zone_group  = "central-acr-dns"
      zone        = "privatelink.azurecr.io"
    }
  }

  private_endpoints = merge(
    {
      registry = {
        name        = var.name
        target      = azapi_resource.registry.id
        subresource = "amlregistry"
        zone_group  = "central-aml-dns"
        zone        = "privatelink.api.azureml.ms"
      }
    },
    { for key, endpoint in local.managed_resource_endpoints : key => endpoint if var.managed_resource_private_endpoints },
  )
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = local.private_endpoints

  name                 = each.value.name
  location             = var.location
  resource_group_name  = var.resource_group_name
  subnet_id            = var.private_endpoint_subnet_id
  resource_id          = each.value.target
  subresource_name     = each.value.subresource
  dns_zone_group_name  = each.value.zone_group
  private_dns_zone_ids = [var.private_dns_zone_ids[each.value.zone]]
  tags                 = var.tags
}

# Addresses of the registry's endpoint before the private-endpoint module, and before that
# module was called once per endpoint (state of environments deployed earlier).
moved {
  from = azurerm_private_endpoint.registry
  to   = module.private_endpoint["registry"].azurerm_private_endpoint.this
}

moved {
  from = module.private_endpoint
  to   = module.private_endpoint["registry"]
}

resource "azurerm_monitor_diagnostic_setting" "registry" {
  name                       = "diag-${var.name}"
  target_resource_id         = azapi_resource.registry.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}
