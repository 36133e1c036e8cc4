# The values of terraform.tfvars (or TF_VAR_*), passed to the module unchanged. Descriptions,
# validation and the defaults of the optional ones (null here) are in
# terraform/modules/aml-environment/variables.tf.

variable "name" { type = string }
variable "name_suffix" { type = string }
variable "location" { type = string }
variable "address_space" { type = string }
variable "subnet_cidrs" { type = object({ private_endpoints = string, bastion = string, jumpbox = string }) }
variable "dns_resource_group_name" { type = string }
variable "jumpbox_admin_ssh_public_key" { type = string }

variable "consumed_registry_ids" {
  type    = map(string)
  default = null
}

variable "use_central_dns_zones" {
  type    = bool
  default = null
}

variable "instances_zone_name" {
  type    = string
  default = null
}

variable "instances_wildcard_record" {
  type    = bool
  default = null
}

variable "compute_instance_names" {
  type    = list(string)
  default = null
}

variable "registry_managed_resource_private_endpoints" {
  type    = bool
  default = null
}

variable "compute_vm_size" {
  type    = string
  default = null
}

variable "compute_max_nodes" {
  type    = number
  default = null
}

variable "tags" {
  type    = map(string)
  default = null
}
