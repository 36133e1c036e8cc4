variable "name" {
  description = "Registry name (e.g. mlr-dev): 3-33 characters, letters, digits, hyphens and underscores, starting with a letter or digit."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9][a-zA-Z0-9_-]{2,32}$", var.name))
    error_message = "name must be 3-33 characters of letters, digits, '-' or '_' and start with a letter or digit."
  }
}

variable "location" {
  description = "Azure region of the registry (also its single replication region)."
  type        = string
}

variable "resource_group_id" {
  description = "ID of the resource group that holds the registry (the azapi parent)."
  type        = string
}

variable "resource_group_name" {
  description = "Name of the same resource group (for the private endpoint)."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "Subnet of the environment VNet where the registry's private endpoint is placed."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "Central private DNS zone IDs by zone name; privatelink.api.azureml.ms is required (and the blob and azurecr zones with managed_resource_private_endpoints)."
  type        = map(string)

  validation {
    condition     = contains(keys(var.private_dns_zone_ids), "privatelink.api.azureml.ms")
    error_message = "private_dns_zone_ids must contain privatelink.api.azureml.ms."
  }
}

variable "managed_resource_private_endpoints" {
  description = "Also give the registry's own storage account (blob) and ACR (registry), in its managed resource group, a private endpoint in this VNet: needed when clients in the VNet (the jumpbox) upload or download registry assets. The deployment principal must be allowed to approve private endpoint connections on that managed resource group; private_dns_zone_ids must then hold the blob and azurecr zones."
  type        = bool
  default     = false
  nullable    = false
}

variable "log_analytics_workspace_id" {
  description = "Log Analytics workspace that receives the registry's diagnostic logs."
  type        = string
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
