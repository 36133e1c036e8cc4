import { DEV, SeedEnvironment, TENANT_ID } from './constants';
import { SeededRandom } from './random';
import { DAY, zulu } from './timestamps';
import { EmulatorState } from '../state/types';
import { key, mlResourceId, resourceGroupId } from '../state/ids';
import { systemData } from '../state/mlResources';

/* Workspaces: one per environment, managed VNet, private endpoints only. */

export function addWorkspace(
  state: EmulatorState,
  env: SeedEnvironment,
  workspaceGuid: string,
  random: SeededRandom,
  base: number,
) {
  const id = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'workspaces',
    env.workspace,
  );
  const registryId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'registries',
    env.registry,
  );
  const rg = resourceGroupId(env.subscriptionId, env.resourceGroup);
  const suffix = env.workspace.replace(/-/g, '');
  const mlflowScope = `subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${env.workspace}`;
  const outboundRules: Record<string, unknown> = {
    [`registry-${env.registry}`]: {
      type: 'PrivateEndpoint',
      category: 'UserDefined',
      status: 'Active',
      destination: {
        serviceResourceId: registryId,
        subresourceTarget: 'amlregistry',
        sparkEnabled: false,
      },
    },
  };
  if (env.name === 'prod') {
    // The seed's promotion pattern: prod reaches into the dev registry over a managed endpoint.
    outboundRules[`registry-${DEV.registry}`] = {
      type: 'PrivateEndpoint',
      category: 'UserDefined',
      status: 'Active',
      destination: {
        serviceResourceId: mlResourceId(
          DEV.subscriptionId,
          DEV.resourceGroup,
          'registries',
          DEV.registry,
        ),
        subresourceTarget: 'amlregistry',
        sparkEnabled: false,
      },
    };
  }
  state.workspaces[key(id)] = {
    id,
    name: env.workspace,
    type: 'Microsoft.MachineLearningServices/workspaces',
    location: env.location,
    kind: 'Default',
    tags: { environment: env.name, purpose: 'taxi-fare' },
    sku: { name: 'Basic', tier: 'Basic' },
    identity: {
      type: 'UserAssigned',
      userAssignedIdentities: {
        [`${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${env.workspace}`]:
          {
            principalId: random.guid(),
            clientId: random.guid(),
          },
      },
    },
    properties: {
      friendlyName: env.workspace,
      description: `Taxi-fare ${env.name} workspace (managed VNet, private endpoints only)`,
      workspaceId: workspaceGuid,
      storageAccount: `${rg}/providers/Microsoft.Storage/storageAccounts/st${suffix}`,
      keyVault: `${rg}/providers/Microsoft.KeyVault/vaults/kv-${env.workspace}`,
      applicationInsights: `${rg}/providers/Microsoft.insights/components/appi-${env.workspace}`,
      containerRegistry: `${rg}/providers/Microsoft.ContainerRegistry/registries/cr${suffix}`,
      hbiWorkspace: false,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Disabled',
      discoveryUrl: `https://${env.location}.api.azureml.ms/discovery`,
      mlFlowTrackingUri: `azureml://${env.location}.api.azureml.ms/mlflow/v1.0/${mlflowScope}`,
      notebookInfo: {
        fqdn: `ml-${env.workspace}-${env.location}-${workspaceGuid}.${env.location}.notebooks.azure.net`,
        resourceId: random.hex(32),
      },
      privateLinkCount: 1,
      privateEndpointConnections: [],
      primaryUserAssignedIdentity: `${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${env.workspace}`,
      tenantId: TENANT_ID,
      storageHnsEnabled: false,
      v1LegacyMode: false,
      enableDataIsolation: false,
      managedNetwork: {
        isolationMode: 'AllowOnlyApprovedOutbound',
        status: { status: 'Active', sparkReady: false },
        outboundRules,
      },
    },
    systemData: systemData(
      zulu(base - 60 * DAY),
      'sp-terraform',
      'Application',
    ),
  };
}
