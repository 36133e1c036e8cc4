import { SeedEnvironment, TENANT_ID } from './constants';
import { SeededRandom } from './random';
import { DAY, zulu } from './timestamps';
import { EmulatorState } from '../state/types';
import { key, mlResourceId } from '../state/ids';
import { getOrCreateScope, systemData } from '../state/mlResources';

/* Registries: one per environment, with its system-created storage and ACR. */

export function addRegistry(
  state: EmulatorState,
  env: SeedEnvironment,
  registryGuid: string,
  random: SeededRandom,
  base: number,
) {
  const id = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'registries',
    env.registry,
  );
  const managedRg = `/subscriptions/${env.subscriptionId}/resourceGroups/azureml-rg-${env.registry}_${registryGuid}`;
  state.registries[key(id)] = {
    id,
    name: env.registry,
    type: 'Microsoft.MachineLearningServices/registries',
    location: env.location,
    kind: 'Registry',
    tags: { environment: env.name, purpose: 'taxi-fare' },
    sku: { name: 'P3', tier: 'Basic' },
    identity: {
      type: 'SystemAssigned',
      principalId: random.guid(),
      tenantId: TENANT_ID,
    },
    properties: {
      regionDetails: [
        {
          location: env.location,
          storageAccountDetails: [
            {
              systemCreatedStorageAccount: {
                storageAccountName: `${env.registry.replace(
                  /-/g,
                  '',
                )}${random.hex(10)}`,
                storageAccountType: 'Standard_LRS',
                storageAccountHnsEnabled: false,
                allowBlobPublicAccess: false,
                armResourceId: {
                  resourceId: `${managedRg}/providers/Microsoft.Storage/storageAccounts/st${random.hex(
                    12,
                  )}`,
                },
              },
            },
          ],
          acrDetails: [
            {
              systemCreatedAcrAccount: {
                acrAccountName: `${env.registry.replace(/-/g, '')}${random.hex(
                  10,
                )}`,
                acrAccountSku: 'Premium',
                armResourceId: {
                  resourceId: `${managedRg}/providers/Microsoft.ContainerRegistry/registries/cr${random.hex(
                    12,
                  )}`,
                },
              },
            },
          ],
        },
      ],
      intellectualPropertyPublisher: null,
      publicNetworkAccess: 'Disabled',
      discoveryUrl: `https://${env.location}.api.azureml.ms/registrymanagement/v1.0/registries/${env.registry}/discovery`,
      managedResourceGroup: { resourceId: managedRg },
      mlFlowRegistryUri: `azureml://${env.location}.api.azureml.ms/mlflow/v1.0/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${env.registry}`,
      registryPrivateEndpointConnections: [],
    },
    systemData: systemData(
      zulu(base - 59 * DAY),
      'sp-terraform',
      'Application',
    ),
  };
  getOrCreateScope(state, id, 'registry');
}
