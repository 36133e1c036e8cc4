# Private-only Azure ML workspace with a managed VNet (approved outbound only), user-assigned
# identities for the workspace and for compute, private endpoints whose DNS zone groups point
# at the central zones, and the compute-instance A records. Role assignments follow the RBAC
# table of terraform/README.md.

data "azurerm_client_config" "current" {}

locals {
  compact_name         = replace(var.name, "-", "")
  workspace_name       = "mlw-${var.name}"
  storage_account_name = "st${local.compact_name}${var.name_suffix}"
  key_vault_name       = "kv-${var.name}-${var.name_suffix}"
  container_registry   = "cr${local.compact_name}${var.name_suffix}"
  compute_cluster_name = "cpu-cluster"

  zone = var.private_dns_zone_ids
}

# --- Identities --------------------------------------------------------------------------

resource "azurerm_user_assigned_identity" "workspace" {
  name                = "id-mlw-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

resource "azurerm_user_assigned_identity" "compute" {
  name                = "id-compute-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  tags                = var.tags
}

# --- Dependent resources -----------------------------------------------------------------

resource "azurerm_log_analytics_workspace" "this" {
  name                = "log-aml-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  sku                 = "PerGB2018"
  retention_in_days   = 30
  tags                = var.tags
}

resource "azurerm_application_insights" "this" {
  name                = "appi-aml-${var.name}"
  location            = var.location
  resource_group_name = var.resource_group_name
  workspace_id        = azurerm_log_analytics_workspace.this.id
  application_type    = "web"
  tags                = var.tags
}

resource "azurerm_storage_account" "this" {
  name                            = local.storage_account_name
  location                        = var.location
  resource_group_name             = var.resource_group_name
  account_tier                    = "Standard"
  account_replication_type        = var.storage_replication_type
  min_tls_version                 = "TLS1_2"
  https_traffic_only_enabled      = true
  allow_nested_items_to_be_public = false
  public_network_access_enabled   = false
  tags                            = var.tags

  network_rules {
    default_action = "Deny"
    bypass         = ["AzureServices"]
  }
}

resource "azurerm_key_vault" "this" {
  name                          = local.key_vault_name
  location                      = var.location
  resource_group_name           = var.resource_group_name
  tenant_id                     = data.azurerm_client_config.current.tenant_id
  sku_name                      = "standard"
  rbac_authorization_enabled    = true
  purge_protection_enabled      = true
  soft_delete_retention_days    = 90
  public_network_access_enabled = false
  tags                          = var.tags

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

resource "azurerm_container_registry" "this" {
  name                          = local.container_registry
  location                      = var.location
  resource_group_name           = var.resource_group_name
  sku                           = "Premium"
  admin_enabled                 = false
  public_network_access_enabled = false
  network_rule_bypass_option    = "AzureServices"
  tags                          = var.tags
}

# --- Role assignments: workspace identity (network + workspace management, no registry data) --

resource "azurerm_role_assignment" "workspace_ai_administrator" {
  scope                = var.resource_group_id
  role_definition_name = "Azure AI Administrator"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "workspace_network_approver" {
  scope                = var.resource_group_id
  role_definition_name = "Azure AI Enterprise Network Connection Approver"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

# Approving the managed private endpoint into a registry needs only the approver role there;
# reading registry assets is the compute identity's job (AzureML Registry User below).
resource "azurerm_role_assignment" "workspace_registry_network_approver" {
  for_each             = var.registry_ids
  scope                = each.value
  role_definition_name = "Azure AI Enterprise Network Connection Approver"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "workspace_storage_blob_owner" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Blob Data Owner"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

# Key Vault in RBAC mode: Microsoft's table for a user-assigned workspace identity
# (how-to-identity-based-service-authentication, "User-assigned managed identity") asks for
# Contributor (control plane) + Key Vault Administrator (data plane). The seed's Key Vault Reader
# + Secrets User only read secrets, but the workspace also writes them (connections, datastore
# credentials). Both roles are scoped to this workspace's own vault, nothing wider.
resource "azurerm_role_assignment" "workspace_key_vault_contributor" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Contributor"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "workspace_key_vault_administrator" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Administrator"
  principal_id         = azurerm_user_assigned_identity.workspace.principal_id
  principal_type       = "ServicePrincipal"
}

# --- Role assignments: compute identity (data plane) ---------------------------------------

resource "azurerm_role_assignment" "compute_data_scientist" {
  scope                = azurerm_machine_learning_workspace.this.id
  role_definition_name = "AzureML Data Scientist"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "compute_storage_blob" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage Blob Data Contributor"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "compute_storage_file" {
  scope                = azurerm_storage_account.this.id
  role_definition_name = "Storage File Data Privileged Contributor"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "compute_key_vault_secrets_user" {
  scope                = azurerm_key_vault.this.id
  role_definition_name = "Key Vault Secrets User"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

# The workspace ACR has its admin user disabled: jobs pull their environment images with the
# compute identity.
resource "azurerm_role_assignment" "compute_acr_pull" {
  scope                = azurerm_container_registry.this.id
  role_definition_name = "AcrPull"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

resource "azurerm_role_assignment" "compute_registry_user" {
  for_each             = var.registry_ids
  scope                = each.value
  role_definition_name = "AzureML Registry User"
  principal_id         = azurerm_user_assigned_identity.compute.principal_id
  principal_type       = "ServicePrincipal"
}

# --- Workspace with managed network --------------------------------------------------------

resource "azurerm_machine_learning_workspace" "this" {
  name                           = local.workspace_name
  location                       = var.location
  resource_group_name            = var.resource_group_name
  application_insights_id        = azurerm_application_insights.this.id
  key_vault_id                   = azurerm_key_vault.this.id
  storage_account_id             = azurerm_storage_account.this.id
  container_registry_id          = azurerm_container_registry.this.id
  primary_user_assigned_identity = azurerm_user_assigned_identity.workspace.id
  public_network_access_enabled  = false
  high_business_impact           = var.high_business_impact
  image_build_compute_name       = local.compute_cluster_name
  v1_legacy_mode_enabled         = false
  tags                           = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.workspace.id]
  }

  managed_network {
    isolation_mode = "AllowOnlyApprovedOutbound"
  }

  # The workspace identity must hold its roles before the service provisions the managed network.
  depends_on = [
    azurerm_role_assignment.workspace_ai_administrator,
    azurerm_role_assignment.workspace_network_approver,
    azurerm_role_assignment.workspace_storage_blob_owner,
    azurerm_role_assignment.workspace_key_vault_contributor,
    azurerm_role_assignment.workspace_key_vault_administrator,
  ]
}

# Managed-network private endpoint to each consumed registry. azurerm's
# azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint accepts only
# account, vault, amlworkspace, blob, table, queue, file, web, dfs and redisCache as
# sub_resource_target (provider source, machine_learning_workspace_network_outbound_rule_private_endpoint_resource.go),
# so the rule is written through ARM, which accepts amlregistry: PUT
# .../workspaces/{ws}/outboundRules/{rule}, body PrivateEndpointOutboundRule (workspaceRP.json,
# Microsoft.MachineLearningServices stable 2024-04-01).
resource "azapi_resource" "registry_outbound_rule" {
  for_each  = var.registry_ids
  type      = "Microsoft.MachineLearningServices/workspaces/outboundRules@2024-04-01"
  name      = "registry-${each.key}"
  parent_id = azurerm_machine_learning_workspace.this.id

  body = {
    properties = {
      type     = "PrivateEndpoint"
      category = "UserDefined"
      destination = {
        serviceResourceId = each.value
        subresourceTarget = "amlregistry"
        sparkEnabled      = false
      }
    }
  }

  depends_on = [azurerm_role_assignment.workspace_registry_network_approver]
}

resource "azurerm_machine_learning_workspace_network_outbound_rule_fqdn" "allowed" {
  for_each         = toset(var.outbound_fqdns)
  name             = "fqdn-${replace(each.value, ".", "-")}"
  workspace_id     = azurerm_machine_learning_workspace.this.id
  destination_fqdn = each.value
}

resource "azurerm_machine_learning_compute_cluster" "cpu" {
  name                          = local.compute_cluster_name
  location                      = var.location
  machine_learning_workspace_id = azurerm_machine_learning_workspace.this.id
  vm_priority                   = "Dedicated"
  vm_size                       = var.compute_vm_size
  node_public_ip_enabled        = false
  local_auth_enabled            = false
  ssh_public_access_enabled     = false
  tags                          = var.tags

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.compute.id]
  }

  scale_settings {
    min_node_count                       = 0
    max_node_count                       = var.compute_max_nodes
    scale_down_nodes_after_idle_duration = "PT15M"
  }
}

# --- Private endpoints in the environment VNet (DNS in the central zones) ------------------

locals {
  # The private-endpoint zones of amlworkspace are api and notebooks only; the instances zone
  # is not a private-link zone and gets A records instead (below).
  workspace_zones = [
    local.zone["privatelink.api.azureml.ms"],
    local.zone["privatelink.notebooks.azure.net"],
  ]

  # key => pe-/psc- name, target, sub-resource, DNS zone group and its central zones.
  private_endpoints = {
    workspace          = { name = local.workspace_name, target = azurerm_machine_learning_workspace.this.id, subresource = "amlworkspace", zone_group = "central-aml-dns", zones = local.workspace_zones }
    storage_blob       = { name = "${local.storage_account_name}-blob", target = azurerm_storage_account.this.id, subresource = "blob", zone_group = "central-blob-dns", zones = [local.zone["privatelink.blob.core.windows.net"]] }
    storage_file       = { name = "${local.storage_account_name}-file", target = azurerm_storage_account.this.id, subresource = "file", zone_group = "central-file-dns", zones = [local.zone["privatelink.file.core.windows.net"]] }
    key_vault          = { name = local.key_vault_name, target = azurerm_key_vault.this.id, subresource = "vault", zone_group = "central-vault-dns", zones = [local.zone["privatelink.vaultcore.azure.net"]] }
    container_registry = { name = local.container_registry, target = azurerm_container_registry.this.id, subresource = "registry", zone_group = "central-acr-dns", zones = [local.zone["privatelink.azurecr.io"]] }
  }
}

module "private_endpoint" {
  source   = "../private-endpoint"
  for_each = local.private_endpoints

  name                 = each.value.name
  location             = var.location
  resource_group_name  = var.resource_group_name
  subnet_id            = var.private_endpoint_subnet_id
  resource_id          = each.value.target
  subresource_name     = each.value.subresource
  dns_zone_group_name  = each.value.zone_group
  private_dns_zone_ids = each.value.zones
  tags                 = var.tags
}

# --- Compute-instance names ----------------------------------------------------------------
# <instance>.<region>.<instances zone> must resolve to the workspace private endpoint's IP. The
# instances zone is not a private-link zone of amlworkspace (those are api and notebooks), so no
# zone group fills it: without these A records a linked, empty zone answers NXDOMAIN. Instance
# names are unique per region, so one record per instance never collides in the central zone;
# the wildcard answers for every instance of the region and can belong to one workspace only.
locals {
  region = lower(replace(var.location, " ", ""))
  instance_record_names = concat(
    var.instances_wildcard_record ? ["*.${local.region}"] : [],
    [for instance in var.compute_instance_names : "${instance}.${local.region}"],
  )
}

resource "azurerm_private_dns_a_record" "compute_instances" {
  for_each            = toset(local.instance_record_names)
  name                = each.key
  zone_name           = var.instances_zone_name
  resource_group_name = var.dns_resource_group_name
  ttl                 = 300
  records             = [module.private_endpoint["workspace"].private_ip_address]
  tags                = var.tags
}

# Addresses before the private-endpoint module (state of environments deployed earlier).
moved {
  from = azurerm_private_endpoint.workspace
  to   = module.private_endpoint["workspace"].azurerm_private_endpoint.this
}

moved {
  from = azurerm_private_endpoint.storage_blob
  to   = module.private_endpoint["storage_blob"].azurerm_private_endpoint.this
}

moved {
  from = azurerm_private_endpoint.storage_file
  to   = module.private_endpoint["storage_file"].azurerm_private_endpoint.this
}

moved {
  from = azurerm_private_endpoint.key_vault
  to   = module.private_endpoint["key_vault"].azurerm_private_endpoint.this
}

moved {
  from = azurerm_private_endpoint.container_registry
  to   = module.private_endpoint["container_registry"].azurerm_private_endpoint.this
}
