variable "resource_group_name" {
  description = "Name of the central shared DNS resource group."
  type        = string
  default     = "rg-aml-dns"
}

variable "location" {
  description = "Region of the DNS resource group (private DNS zones themselves are global)."
  type        = string
}

variable "tags" {
  description = "Tags applied to the resource group and zones."
  type        = map(string)
  default     = {}
}
