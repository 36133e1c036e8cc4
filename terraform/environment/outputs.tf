# The module's outputs under the same names (descriptions in
# terraform/modules/aml-environment/outputs.tf).

output "workspace_name" { value = module.environment.workspace_name }
output "workspace_id" { value = module.environment.workspace_id }
output "registry_name" { value = module.environment.registry_name }
output "registry_id" { value = module.environment.registry_id }
output "resource_group_name" { value = module.environment.resource_group_name }
output "virtual_network_id" { value = module.environment.virtual_network_id }
output "address_space" { value = module.environment.address_space }
