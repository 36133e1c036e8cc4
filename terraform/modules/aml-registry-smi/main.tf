# Azure ML registry with a system-assigned identity, reachable only through a private endpoint.
# The registry's own storage account and ACR are created by the service in its managed
# resource group.

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

  response_export_values = ["properties.discoveryUrl", "properties.mlFlowRegistryUri"]
}

# Registry FQDNs live in the central api zone (<guid>.registry.<region>.privatelink.api.azureml.ms).
module "private_endpoint" {
  source = "../private-endpoint"

  name                 = var.name
  location             = var.location
  resource_group_name  = var.resource_group_name
  subnet_id            = var.private_endpoint_subnet_id
  resource_id          = azapi_resource.registry.id
  subresource_name     = "amlregistry"
  dns_zone_group_name  = "central-aml-dns"
  private_dns_zone_ids = [var.private_dns_zone_ids["privatelink.api.azureml.ms"]]
  tags                 = var.tags
}

# Address before the private-endpoint module (state of environments deployed earlier).
moved {
  from = azurerm_private_endpoint.registry
  to   = module.private_endpoint.azurerm_private_endpoint.this
}

resource "azurerm_monitor_diagnostic_setting" "registry" {
  name                       = "diag-${var.name}"
  target_resource_id         = azapi_resource.registry.id
  log_analytics_workspace_id = var.log_analytics_workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}
