variable "resource_group_name" {
  description = "Central shared DNS resource group that holds the private DNS zones (e.g. rg-aml-dns)."
  type        = string
}

variable "create_zones" {
  description = "true in the shared-dns root (creates the zones); false in environments (looks the existing central zones up and only links the VNet)."
  type        = bool
  default     = false
}

variable "zone_names" {
  description = "Private DNS zones of the platform. The Azure ML zones (api, notebooks, instances) are mandatory; storage, Key Vault and ACR zones serve the workspace's dependent resources."
  type        = list(string)
  default = [
    "privatelink.api.azureml.ms",
    "privatelink.notebooks.azure.net",
    "instances.azureml.ms",
    "privatelink.blob.core.windows.net",
    "privatelink.file.core.windows.net",
    "privatelink.vaultcore.azure.net",
    "privatelink.azurecr.io",
  ]

  validation {
    condition = alltrue([
      for required in ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"] : contains(var.zone_names, required)
    ])
    error_message = "zone_names must contain privatelink.api.azureml.ms and privatelink.notebooks.azure.net (a missing notebooks zone breaks notebooks and compute instances)."
  }
}

variable "virtual_network_links" {
  description = "VNets to link to every zone, as link name => VNet ID (e.g. { dev = \"/subscriptions/.../vnet-aml-dev\" })."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.virtual_network_links) : can(regex("(?i)/providers/Microsoft.Network/virtualNetworks/[^/]+$", id))])
    error_message = "Every virtual_network_links value must be a VNet resource ID."
  }
}

variable "tags" {
  description = "Tags applied to created zones and links."
  type        = map(string)
  default     = {}
}
