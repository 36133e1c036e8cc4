import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import {
  DefaultNamespaceEntityPolicy,
  Entity,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  resourceEntityV1alpha1Validator,
  SchemaValidEntityPolicy,
} from '@backstage/catalog-model';
import { EntityProviderConnection } from '@backstage/plugin-catalog-node';
import {
  CHAMPION_VERSION,
  createAzureMlEmulator,
  DEV,
  MODEL_NAME,
  PROD,
} from '@internal/azure-ml-emulator';
import {
  AzureMlArmClient,
  AzureMlConfig,
  azureMlArmClientServiceRef,
  azureMlConfigServiceRef,
} from '@internal/plugin-azure-ml-node';
import { setupServer } from 'msw/node';
import { AzureMlEntityProvider } from './AzureMlEntityProvider';
import { ARM, seedEnvironments } from '../__testUtils__/testPlatform';

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);

const azureMl = {
  arm: { endpoint: ARM, credential: 'none', maxRetries: 0, retryDelayMs: 1 },
  environments: seedEnvironments,
  promotion: {
    from: 'dev',
    to: 'prod',
    aliasTag: 'champion',
    policy: [{ metric: 'r2', min: 0.5 }],
  },
  dns: {
    centralZoneSubscriptionId: DEV.subscriptionId,
    centralZoneResourceGroup: 'rg-aml-dns',
  },
};

/** The backend plugin's own config parsing and ARM client, as a plugin's services give them. */
async function pluginServices() {
  let services: { client: AzureMlArmClient; config: AzureMlConfig };
  await startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data: { azureMl } }),
      createBackendPlugin({
        pluginId: 'services-under-test',
        register(reg) {
          reg.registerInit({
            deps: {
              client: azureMlArmClientServiceRef,
              config: azureMlConfigServiceRef,
            },
            async init(deps) {
              services = deps;
            },
          });
        },
      }),
    ],
  });
  return services!;
}

async function connectedProvider(
  networkResourceGroups: Record<string, string[]> = {},
) {
  const { client, config } = await pluginServices();
  const provider = new AzureMlEntityProvider({
    client,
    config,
    logger: mockServices.logger.mock(),
    scheduler: mockServices.scheduler.mock(),
    options: {
      owner: 'group:default/ml-platform',
      ownerTag: 'owner',
      environmentOwners: { prod: 'group:default/ml-platform-prod' },
      networkResourceGroups,
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
    },
  });
  const applyMutation = jest.fn();
  const connection: EntityProviderConnection = {
    applyMutation,
    refresh: jest.fn(),
  };
  await provider.connect(connection);
  const emitted = (call = -1): Entity[] =>
    applyMutation.mock.calls
      .at(call)[0]
      .entities.map((e: { entity: Entity }) => e.entity);
  return { provider, applyMutation, emitted };
}

const byName = (entities: Entity[], name: string) =>
  entities.find(e => e.metadata.name === name)!;

const validate = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulator.faults.reset();
  emulator.resetState();
  emulator.stats.reset();
});
afterAll(() => server.close());

describe('AzureMlEntityProvider', () => {
  it('emits the seed platform: environments, workspaces, registries, DNS and the model', async () => {
    const { provider, applyMutation, emitted } = await connectedProvider();
    await provider.refresh();

    expect(applyMutation).toHaveBeenCalledTimes(1);
    expect(applyMutation.mock.calls[0][0].type).toBe('full');
    const entities = emitted();
    expect(
      entities.map(e => `${e.spec?.type}:${e.metadata.name}`).sort(),
    ).toEqual([
      'ai-model:taxi-fare-model',
      'azure-ml-dns:aml-dns-central',
      'azure-ml-environment:aml-env-dev',
      'azure-ml-environment:aml-env-prod',
      'azure-ml-registry:aml-registry-dev',
      'azure-ml-registry:aml-registry-prod',
      'azure-ml-workspace:aml-workspace-dev',
      'azure-ml-workspace:aml-workspace-prod',
    ]);
    for (const entity of entities) {
      await expect(validate.enforce(entity)).resolves.toBe(entity);
      await expect(resourceEntityV1alpha1Validator.check(entity)).resolves.toBe(
        true,
      );
      expect(
        entity.metadata.annotations?.['backstage.io/managed-by-location'],
      ).toMatch(/^url:https:\/\/management\.azure\.com\/subscriptions\//);
      expect(
        entity.metadata.annotations?.[
          'backstage.io/managed-by-origin-location'
        ],
      ).toBeDefined();
      expect(entity.metadata.title).toBeTruthy();
    }

    const dev = byName(entities, 'aml-env-dev');
    expect(dev.metadata.annotations).toMatchObject({
      'ml.azure.com/address-space': DEV.addressPrefix,
      'ml.azure.com/workspace': DEV.workspace,
      'ml.azure.com/resource-group': DEV.resourceGroup,
      'ml.azure.com/location': DEV.location,
    });
    expect(dev.spec).toEqual({
      type: 'azure-ml-environment',
      owner: 'group:default/ml-platform',
      dependsOn: ['resource:default/aml-dns-central'],
    });
    expect(byName(entities, 'aml-env-prod').spec?.owner).toBe(
      'group:default/ml-platform-prod',
    );
    expect(byName(entities, 'aml-workspace-dev').spec?.dependsOn).toEqual([
      'resource:default/aml-registry-dev',
      'resource:default/aml-dns-central',
    ]);
    expect(
      byName(entities, 'aml-registry-prod').metadata.annotations?.[
        'ml.azure.com/environment-ref'
      ],
    ).toBe('resource:default/aml-env-prod');
    expect(byName(entities, 'aml-dns-central').metadata.description).toContain(
      'privatelink.api.azureml.ms',
    );

    const model = byName(entities, MODEL_NAME);
    expect(model.spec).toEqual({
      type: 'ai-model',
      owner: 'ml-engineers',
      dependsOn: [
        'resource:default/aml-registry-dev',
        'resource:default/aml-registry-prod',
      ],
    });
    expect(model.metadata.annotations).toMatchObject({
      'ml.azure.com/models': MODEL_NAME,
      'ml.azure.com/environments': 'dev,prod',
      'ml.azure.com/champion-prod': CHAMPION_VERSION,
    });
    expect(
      model.metadata.annotations?.['ml.azure.com/latest-version-dev'],
    ).toMatch(/^\d+$/);
    expect(model.metadata.links?.[0].url).toBe(
      `https://ml.azure.com/registries/${DEV.registry}/models/${MODEL_NAME}`,
    );
  });

  it("gives an environment every prefix of the VNets in its resource group and the Terraform's network group", async () => {
    addVirtualNetwork(DEV, `${DEV.resourceGroup}-network`, 'vnet-aml-dev-2', [
      '10.11.0.0/16',
      '10.12.0.0/24',
    ]);
    const { provider, emitted } = await connectedProvider();
    await provider.refresh();
    expect(
      byName(emitted(), 'aml-env-dev').metadata.annotations?.[
        'ml.azure.com/address-space'
      ],
    ).toBe(`${DEV.addressPrefix},10.11.0.0/16,10.12.0.0/24`);
  });

  it('reads the VNets of the configured network resource groups only, when set', async () => {
    addVirtualNetwork(DEV, 'rg-shared-network', 'vnet-shared', [
      '10.50.0.0/16',
    ]);
    const { provider, emitted } = await connectedProvider({
      dev: ['rg-shared-network'],
    });
    await provider.refresh();
    const dev = byName(emitted(), 'aml-env-dev');
    expect(dev.metadata.annotations?.['ml.azure.com/address-space']).toBe(
      '10.50.0.0/16',
    );
    expect(dev.metadata.description).toContain('vnet-shared 10.50.0.0/16');
  });

  it('applies nothing when nothing changed, and the new set when a model appears', async () => {
    const { provider, applyMutation, emitted } = await connectedProvider();
    await provider.refresh();
    await provider.refresh();
    expect(applyMutation).toHaveBeenCalledTimes(1);

    addModels(DEV, ['fraud-model'], { owner: 'team-fraud' });
    await provider.refresh();
    expect(applyMutation).toHaveBeenCalledTimes(2);
    expect(byName(emitted(), 'fraud-model').spec?.owner).toBe('team-fraud');
  });

  it('keeps the previous entities when ARM fails during a refresh', async () => {
    const { provider, applyMutation } = await connectedProvider();
    await provider.refresh();
    addModels(DEV, ['fraud-model'], {});
    emulator.faults.set({
      routes: { RegistryModelContainers: { errorRate: 1 } },
    });
    await provider.refresh();
    // No mutation at all: a full mutation without the registry's models would delete them.
    expect(applyMutation).toHaveBeenCalledTimes(1);

    emulator.faults.reset();
    await provider.refresh();
    expect(applyMutation).toHaveBeenCalledTimes(2);
  });

  it('reads 1,000 models across the registries in one refresh within the read budget', async () => {
    const names = (prefix: string) =>
      Array.from({ length: 500 }, (_, i) => `${prefix}-model-${i}`);
    addModels(DEV, names('dev'), {});
    addModels(PROD, names('prod'), { owner: 'Not A Valid Owner!' });
    const { provider, emitted } = await connectedProvider();
    emulator.stats.reset();

    const started = Date.now();
    await provider.refresh();

    const models = emitted().filter(e => e.spec?.type === 'ai-model');
    expect(models).toHaveLength(1001);
    // An owner tag that is no entity ref falls back to the configured owner.
    expect(byName(models, 'prod-model-7').spec?.owner).toBe(
      'group:default/ml-platform',
    );
    // Per environment: 26 pages of containers (20 a page), the workspace, the registry and the
    // VNets of two resource groups; plus the DNS zones once.
    expect(emulator.stats.armCalls).toBe(2 * (26 + 2 + 2) + 1);
    // Through the shared client's read budget (20 a second, burst 20, per subscription): the
    // 10 reads of each subscription beyond the burst wait ~0.5 s; never a 429, never a retry.
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(450);
    expect(elapsed).toBeLessThan(15_000);
  });
});

/** Adds a VNet to a resource group of a seed environment's subscription. */
function addVirtualNetwork(
  e: typeof DEV,
  resourceGroup: string,
  name: string,
  addressPrefixes: string[],
) {
  const id = `/subscriptions/${e.subscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Network/virtualNetworks/${name}`;
  emulator.state.virtualNetworks[id.toLowerCase()] = {
    id,
    name,
    type: 'Microsoft.Network/virtualNetworks',
    location: e.location,
    properties: {
      provisioningState: 'Succeeded',
      addressSpace: { addressPrefixes },
      subnets: [],
    },
  };
}

/** Adds model containers to a seed registry (a scenario the seed does not have). */
function addModels(
  e: typeof DEV,
  names: string[],
  tags: Record<string, string>,
) {
  const registryId = `/subscriptions/${e.subscriptionId}/resourceGroups/${e.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${e.registry}`;
  const scope = emulator.state.ml[registryId.toLowerCase()];
  for (const name of names) {
    scope.models[name] = {
      container: {
        id: `${scope.id}/models/${name}`,
        name,
        type: 'Microsoft.MachineLearningServices/registries/models',
        properties: { tags, latestVersion: '1', isArchived: false },
      },
      versions: {},
    };
  }
}
