variable "name" {
  description = "Environment name (e.g. dev). Derived names: mlw-<name>, st<name><suffix>, kv-<name>-<suffix>, cr<name><suffix>, id-mlw-<name>, id-compute-<name>."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,10}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-12 characters: lowercase letters, digits and single hyphens, starting with a letter."
  }
}

variable "name_suffix" {
  description = "Short suffix that makes the globally unique names (storage, Key Vault, ACR) unique: 3-6 lowercase letters or digits."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9]{3,6}$", var.name_suffix))
    error_message = "name_suffix must be 3-6 lowercase letters or digits."
  }
}

variable "location" {
  description = "Azure region of the workspace and its dependent resources."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group that holds the workspace, its dependent resources and the identities."
  type        = string
}

variable "resource_group_id" {
  description = "ID of the same resource group (scope of the workspace identity's Azure AI roles)."
  type        = string
}

variable "private_endpoint_subnet_id" {
  description = "Subnet of the environment VNet that receives the workspace, storage, Key Vault and ACR private endpoints."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "Central private DNS zone IDs by zone name (output zone_ids of the private-dns module)."
  type        = map(string)

  validation {
    condition = alltrue([
      for zone in [
        "privatelink.api.azureml.ms",
        "privatelink.notebooks.azure.net",
        "privatelink.blob.core.windows.net",
        "privatelink.file.core.windows.net",
        "privatelink.vaultcore.azure.net",
        "privatelink.azurecr.io",
      ] : contains(keys(var.private_dns_zone_ids), zone)
    ])
    error_message = "private_dns_zone_ids must contain the api, notebooks, blob, file, vaultcore and azurecr privatelink zones."
  }
}

variable "dns_resource_group_name" {
  description = "Resource group of the private DNS zones the endpoints register in (the central rg-aml-dns, or the environment's own when it keeps per-environment zones); the compute-instance A records are written there."
  type        = string
}

variable "instances_zone_name" {
  description = "Zone of compute-instance names in dns_resource_group_name (instances.azureml.ms or instances.ml.azure.ms, validated by the private-dns module that creates or looks it up)."
  type        = string
}

variable "instances_wildcard_record" {
  description = "Write *.<region> in the instances zone pointing at this workspace's private endpoint, so every compute instance of the region resolves to it. Only one workspace per region can own it (the central zone holds one record set per name); others list their instances in compute_instance_names."
  type        = bool
  default     = false
}

variable "compute_instance_names" {
  description = "Compute instances of this workspace that get an A record <name>.<region> in the instances zone (names are unique per region)."
  type        = list(string)
  default     = []
}

variable "registry_ids" {
  description = "Azure ML registries this workspace consumes, as short name => registry resource ID (keys must be known at plan time). Each gets a managed-network private-endpoint outbound rule (amlregistry, through azapi); the compute identity gets AzureML Registry User on it and the workspace identity only the network approver role."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.registry_ids) : can(regex("(?i)/providers/Microsoft.MachineLearningServices/registries/[^/]+$", id))])
    error_message = "Every registry_ids value must be an Azure ML registry resource ID."
  }
}

variable "outbound_fqdns" {
  description = "FQDNs the managed network may reach (AllowOnlyApprovedOutbound); package feeds used by environment builds."
  type        = list(string)
  default = [
    "pypi.org",
    "files.pythonhosted.org",
    "conda.anaconda.org",
    "repo.anaconda.com",
  ]
}

variable "storage_replication_type" {
  description = "Replication of the workspace storage account."
  type        = string
  default     = "ZRS"

  validation {
    condition     = contains(["LRS", "ZRS", "GRS", "GZRS"], var.storage_replication_type)
    error_message = "storage_replication_type must be LRS, ZRS, GRS or GZRS."
  }
}

variable "compute_vm_size" {
  description = "VM size of the training compute cluster."
  type        = string
  default     = "Standard_DS3_v2"
}

variable "compute_max_nodes" {
  description = "Maximum node count of the compute cluster (it scales to zero when idle)."
  type        = number
  default     = 4

  validation {
    condition     = var.compute_max_nodes >= 1 && var.compute_max_nodes <= 100
    error_message = "compute_max_nodes must be between 1 and 100."
  }
}

variable "high_business_impact" {
  description = "Flag the workspace as high business impact (reduces diagnostic data collected by the service)."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags applied to every resource."
  type        = map(string)
  default     = {}
}
