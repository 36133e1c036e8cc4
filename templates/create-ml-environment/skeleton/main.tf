# One Azure ML environment: the platform's standard composition (terraform/modules/aml-environment).
# Identical in every environment; only terraform.tfvars and backend.hcl differ.

module "environment" {
  source = "../../modules/aml-environment"

  name                         = var.name
  name_suffix                  = var.name_suffix
  location                     = var.location
  address_space                = var.address_space
  subnet_cidrs                 = var.subnet_cidrs
  dns_resource_group_name      = var.dns_resource_group_name
  jumpbox_admin_ssh_public_key = var.jumpbox_admin_ssh_public_key
  consumed_registry_ids        = var.consumed_registry_ids
  compute_vm_size              = var.compute_vm_size
  compute_max_nodes            = var.compute_max_nodes
  tags                         = var.tags
}
