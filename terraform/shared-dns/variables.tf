variable "resource_group_name" {
  description = "Name of the central shared DNS resource group."
  type        = string
  default     = "rg-aml-dns"
}

variable "location" {
  description = "Region of the DNS resource group (private DNS zones themselves are global)."
  type        = string
}

variable "instances_zone_name" {
  description = "Zone of compute-instance names: instances.azureml.ms (default) or instances.ml.azure.ms. Environments set the same value."
  type        = string
  default     = "instances.azureml.ms"
}

variable "tags" {
  description = "Tags applied to the resource group and zones."
  type        = map(string)
  default     = {}
}
