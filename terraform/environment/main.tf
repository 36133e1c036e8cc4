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
  compute_vm_size              = var.compute_vm_size
  compute_max_nodes            = var.compute_max_nodes
  tags                         = var.tags
}
