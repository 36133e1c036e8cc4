variable "name" {
  description = "Environment name (e.g. dev, prod, nlp-dev): 2-12 lowercase letters, digits and single hyphens, starting with a letter."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,10}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-12 characters: lowercase letters, digits and single hyphens, starting with a letter."
  }
}

variable "name_suffix" {
  description = "3-6 lowercase letters or digits appended to globally unique names (storage, Key Vault, ACR)."
  type        = string
}

variable "location" {
  description = "Azure region of the environment."
  type        = string
}

variable "address_space" {
  description = "VNet address space of the environment; must not overlap any other environment."
  type        = string
}

variable "subnet_cidrs" {
  description = "Subnet prefixes inside address_space: private_endpoints, bastion (/26 or larger) and jumpbox."
  type = object({
    private_endpoints = string
    bastion           = string
    jumpbox           = string
  })
}

variable "dns_resource_group_name" {
  description = "Central shared DNS resource group holding the private DNS zones (created by terraform/shared-dns)."
  type        = string
}

variable "jumpbox_admin_ssh_public_key" {
  description = "SSH public key for the Bastion-only jumpbox."
  type        = string
}

# Optional inputs are non-nullable: a root that passes null (variable not set) gets the default.

variable "consumed_registry_ids" {
  description = "Registries of other environments this workspace consumes (e.g. prod consumes dev for promotion), as short name => registry ID."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "use_central_dns_zones" {
  description = "The seed's DNS migration toggle: true (default) resolves through the central zones of dns_resource_group_name; false keeps per-environment zones in the environment's network resource group (the state before step 1 of the migration)."
  type        = bool
  default     = true
  nullable    = false
}

variable "instances_zone_name" {
  description = "Zone of compute-instance names: instances.azureml.ms (default) or instances.ml.azure.ms; must be the one terraform/shared-dns created."
  type        = string
  default     = "instances.azureml.ms"
  nullable    = false
}

variable "instances_wildcard_record" {
  description = "Own *.<region> in the instances zone (every compute instance of the region resolves to this workspace). One environment per region at most."
  type        = bool
  default     = false
  nullable    = false
}

variable "compute_instance_names" {
  description = "Compute instances of this workspace that get an A record <name>.<region> in the instances zone."
  type        = list(string)
  default     = []
  nullable    = false
}

variable "registry_managed_resource_private_endpoints" {
  description = "Private endpoints to the registry's own storage account and ACR as well (jumpbox uploads and downloads of registry assets)."
  type        = bool
  default     = false
  nullable    = false
}

variable "compute_vm_size" {
  description = "VM size of the training compute cluster."
  type        = string
  default     = "Standard_DS3_v2"
  nullable    = false
}

variable "compute_max_nodes" {
  description = "Maximum node count of the training compute cluster."
  type        = number
  default     = 4
  nullable    = false
}

variable "tags" {
  description = "Tags applied to every resource (environment, platform and managed-by are added)."
  type        = map(string)
  default     = {}
  nullable    = false
}
