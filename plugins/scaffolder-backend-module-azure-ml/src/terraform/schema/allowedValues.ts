/**
 * Enum-valued arguments this repository sets, with the values the azurerm provider accepts.
 * The generated schema has types only: the provider validates these in its Go source
 * (hashicorp/terraform-provider-azurerm, `ValidateFunc: validation.StringInSlice(...)`), so they
 * are copied here with the file (and the commit it was read at) they come from. Paths are
 * `<block>.<argument>` below the resource. Lists whose values differ between provider versions
 * (e.g. storage `min_tls_version`) are left out rather than guessed.
 */
export interface AllowedValues {
  values: string[];
  /** Provider source the list is copied from. */
  source: string;
}

const MACHINE_LEARNING = 'internal/services/machinelearning';

/**
 * The `identity.type` of commonschema.SystemAssignedUserAssignedIdentity* (identity.TypeUserAssigned,
 * TypeSystemAssigned, TypeSystemAssignedUserAssigned).
 */
const SYSTEM_AND_USER_ASSIGNED_IDENTITY: AllowedValues = {
  values: ['SystemAssigned', 'UserAssigned', 'SystemAssigned, UserAssigned'],
  source:
    'hashicorp/go-azure-helpers resourcemanager/commonschema/identity_system_user.go @48d109b',
};

export const ALLOWED_VALUES: Record<string, Record<string, AllowedValues>> = {
  azurerm_machine_learning_workspace_network_outbound_rule_private_endpoint: {
    // A registry (amlregistry) is not in the list: the managed-network rule to a registry is an
    // azapi_resource of type Microsoft.MachineLearningServices/workspaces/outboundRules.
    sub_resource_target: {
      values: [
        'account',
        'vault',
        'amlworkspace',
        'blob',
        'table',
        'queue',
        'file',
        'web',
        'dfs',
        'redisCache',
      ],
      source: `${MACHINE_LEARNING}/machine_learning_workspace_network_outbound_rule_private_endpoint_resource.go @0a615c5`,
    },
  },
  azurerm_machine_learning_workspace: {
    // workspaces.PossibleValuesForIsolationMode(); the same enum as IsolationMode in the ARM
    // spec (Microsoft.MachineLearningServices stable 2024-04-01, workspaceRP.json).
    'managed_network.isolation_mode': {
      values: [
        'Disabled',
        'AllowInternetOutbound',
        'AllowOnlyApprovedOutbound',
      ],
      source: `${MACHINE_LEARNING}/machine_learning_workspace_resource.go @0160b41`,
    },
    'identity.type': SYSTEM_AND_USER_ASSIGNED_IDENTITY,
  },
  azurerm_machine_learning_compute_cluster: {
    vm_priority: {
      values: ['Dedicated', 'LowPriority'],
      source: `${MACHINE_LEARNING}/machine_learning_compute_cluster_resource.go @0048934`,
    },
    'identity.type': SYSTEM_AND_USER_ASSIGNED_IDENTITY,
  },
  azurerm_storage_account: {
    account_replication_type: {
      values: ['LRS', 'ZRS', 'GRS', 'RAGRS', 'GZRS', 'RAGZRS'],
      source: 'internal/services/storage/storage_account_resource.go @00c368e',
    },
  },
  azurerm_role_assignment: {
    principal_type: {
      values: ['User', 'Group', 'ServicePrincipal'],
      source:
        'internal/services/authorization/role_assignment_resource.go @03ee9d8',
    },
  },
  azurerm_subnet: {
    // subnets.PossibleValuesForVirtualNetworkPrivateEndpointNetworkPolicies() (go-azure-sdk).
    private_endpoint_network_policies: {
      values: [
        'Disabled',
        'Enabled',
        'NetworkSecurityGroupEnabled',
        'RouteTableEnabled',
      ],
      source: 'internal/services/network/subnet_resource.go @0003005',
    },
  },
};
