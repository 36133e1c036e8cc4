# The root module of every Azure ML environment: the platform's standard composition
# (terraform/modules/aml-environment). One root for all of them; an environment is its values
# (terraform/environments/<name>/terraform.tfvars) and its state (…/<name>/backend.hcl):
#   terraform -chdir=terraform/environment init -reconfigure -backend-config=../environments/<name>/backend.hcl
#   terraform -chdir=terraform/environment plan -var-file=../environments/<name>/terraform.tfvars

module "environment" {
  source = "../modules/aml-environment"

  name                         = var.name
  name_suffix                  = var.name_suffix
  location                     = var.location
  address_space                = var.address_space
  subnet_cidrs                 = var.subnet_cidrs
  dns_resource_group_name      = var.dns_resource_group_name
  jumpbox_admin_ssh_public_key = var.jumpbox_admin_ssh_public_key
  consumed_registry_ids        = var.consumed_registry_ids
  use_central_dns_zones        = var.use_central_dns_zones
  instances_zone_name          = var.instances_zone_name
  instances_wildcard_record    = var.instances_wildcard_record
  compute_instance_names       = var.compute_instance_names

  compute_vm_size              = var.compute_vm_size
  compute_max_nodes            = var.compute_max_nodes
  tags                         = var.tags

  registry_managed_resource_private_endpoints = var.registry_managed_resource_private_endpoints
}
