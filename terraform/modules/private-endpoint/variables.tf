variable "name" {
  description = "Name of the target as it appears in the endpoint names: pe-<name> and psc-<name> (e.g. mlw-dev, stdeva1b2-blob)."
  type        = string
}

variable "location" {
  description = "Azure region of the endpoint (the VNet's region)."
  type        = string
}

variable "resource_group_name" {
  description = "Resource group that holds the endpoint."
  type        = string
}

variable "subnet_id" {
  description = "Private-endpoint subnet of the environment VNet (output private_endpoint_subnet_id of module network)."
  type        = string
}

variable "resource_id" {
  description = "Resource ID of the target (workspace, registry, storage account, Key Vault, ACR)."
  type        = string
}

variable "subresource_name" {
  description = "Target sub-resource (group ID): amlworkspace, amlregistry, blob, file, vault, registry."
  type        = string
}

variable "dns_zone_group_name" {
  description = "Name of the endpoint's private DNS zone group (e.g. central-aml-dns)."
  type        = string
}

variable "private_dns_zone_ids" {
  description = "Central private DNS zones the endpoint registers its FQDNs in (IDs from the private-dns module's zone_ids)."
  type        = list(string)

  validation {
    condition     = length(var.private_dns_zone_ids) > 0
    error_message = "private_dns_zone_ids must name at least one central private DNS zone."
  }
}

variable "tags" {
  description = "Tags applied to the endpoint."
  type        = map(string)
  default     = {}
}
