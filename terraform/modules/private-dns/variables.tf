variable "resource_group_name" {
  description = "Central shared DNS resource group that holds the private DNS zones (e.g. rg-aml-dns)."
  type        = string
}

variable "create_zones" {
  description = "true in the shared-dns root (creates the central zones) and in an environment that keeps per-environment zones; false in environments on the central zones (looks them up and only links the VNet)."
  type        = bool
  default     = false
}

variable "zone_names" {
  description = "Private-link zones of the platform (the instances zone is instances_zone_name). The Azure ML zones (api, notebooks) are mandatory; storage, Key Vault and ACR zones serve the workspace's and registry's dependent resources."
  type        = list(string)
  default = [
    "privatelink.api.azureml.ms",
    "privatelink.notebooks.azure.net",
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

variable "instances_zone_name" {
  description = "Zone of compute-instance names (A records to the workspace endpoint): instances.azureml.ms (default; the Private Link DNS table) or instances.ml.azure.ms (the current Azure ML custom-DNS article). Every environment must use the zone the shared DNS root created."
  type        = string
  default     = "instances.azureml.ms"

  validation {
    condition     = contains(["instances.azureml.ms", "instances.ml.azure.ms"], var.instances_zone_name)
    error_message = "instances_zone_name must be instances.azureml.ms or instances.ml.azure.ms."
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
