import {
  coreServices,
  createBackendModule,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { catalogProcessingExtensionPoint } from '@backstage/plugin-catalog-node';
import { createAzureMlEmulator, DEV } from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { catalogModuleAzureMl } from './module';
import {
  ARM,
  listenLocalOnly,
  seedEnvironments,
  sqliteDatabases,
} from './__testUtils__/testPlatform';

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);
/** The catalog's (and scaffolder's) databases, destroyed after the suite. */
const database = sqliteDatabases();

/** The Component that declares the model, as examples/entities.yaml has it. */
const taxiFare: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'taxi-fare',
    annotations: {
      'ml.azure.com/models': 'taxi-fare-model',
      'backstage.io/managed-by-location': 'url:https://example.com/x.yaml',
      'backstage.io/managed-by-origin-location':
        'url:https://example.com/x.yaml',
    },
  },
  spec: { type: 'service', owner: 'team-taxi', lifecycle: 'production' },
};

const componentsModule = createBackendModule({
  pluginId: 'catalog',
  moduleId: 'test-components',
  register(reg) {
    reg.registerInit({
      deps: { catalog: catalogProcessingExtensionPoint },
      async init({ catalog }) {
        catalog.addEntityProvider({
          getProviderName: () => 'test-components',
          connect: connection =>
            connection.applyMutation({
              type: 'full',
              entities: [{ entity: taxiFare, locationKey: 'test' }],
            }),
        });
      },
    });
  },
});

beforeAll(() => listenLocalOnly(server));
afterAll(() => server.close());

async function waitForEntity(
  backend: Parameters<typeof request>[0],
  ref: string,
  ready: (entity: Entity) => boolean,
): Promise<Entity> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await request(backend).get(
      `/api/catalog/entities/by-name/${ref}`,
    );
    if (res.status === 200 && ready(res.body)) return res.body;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  const last = await request(backend).get(
    `/api/catalog/entities/by-name/${ref}`,
  );
  throw new Error(
    `${ref} never got ready in the catalog: ${last.status} ${JSON.stringify(
      last.body,
    )}`,
  );
}

const relations = (entity: Entity) =>
  (entity.relations ?? []).map(r => `${r.type} ${r.targetRef}`).sort();

describe('catalog module azure-ml', () => {
  it('puts the platform and the model in the catalog, related to the declaring Component', async () => {
    const { server: backend } = await startTestBackend({
      features: [
        database,
        mockServices.rootLogger.factory({ level: 'warn' }),
        mockServices.rootConfig.factory({
          data: {
            azureMl: {
              arm: { endpoint: ARM, credential: 'none' },
              environments: seedEnvironments,
              dns: { centralZoneResourceGroup: 'rg-aml-dns' },
            },
            catalog: {
              providers: {
                azureMl: {
                  owner: 'group:default/ml-platform',
                  // No initial delay: the test backend's scheduler runs the task at startup.
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
        catalogPlugin,
        catalogModuleAzureMl,
        componentsModule,
      ],
    });

    const model = await waitForEntity(
      backend,
      'resource/default/taxi-fare-model',
      e => relations(e).includes('dependencyOf component:default/taxi-fare'),
    );
    expect(model.spec?.type).toBe('ai-model');
    expect(relations(model)).toEqual(
      expect.arrayContaining([
        'dependsOn resource:default/aml-registry-dev',
        'dependsOn resource:default/aml-registry-prod',
        'ownedBy group:default/ml-engineers',
      ]),
    );

    const component = await waitForEntity(
      backend,
      'component/default/taxi-fare',
      e => relations(e).includes('dependsOn resource:default/taxi-fare-model'),
    );
    expect(component.metadata.name).toBe('taxi-fare');

    const workspace = await waitForEntity(
      backend,
      'resource/default/aml-workspace-dev',
      e => relations(e).includes('partOf resource:default/aml-env-dev'),
    );
    expect(relations(workspace)).toEqual(
      expect.arrayContaining([
        'dependsOn resource:default/aml-dns-central',
        'dependsOn resource:default/aml-registry-dev',
      ]),
    );
    const environment = await waitForEntity(
      backend,
      'resource/default/aml-env-dev',
      e => relations(e).includes('hasPart resource:default/aml-registry-dev'),
    );
    expect(
      environment.metadata.annotations?.['ml.azure.com/address-space'],
    ).toBe(DEV.addressPrefix);
  }, 60_000);

  it('keeps the entities in the catalog while ARM fails the refreshes', async () => {
    // Every plugin gets this one scheduler, whose tasks the test runs when it says so.
    const scheduler = mockServices.scheduler();
    const { server: backend } = await startTestBackend({
      features: [
        database,
        mockServices.rootLogger.factory({ level: 'error' }),
        createServiceFactory({
          service: coreServices.scheduler,
          deps: {},
          factory: () => scheduler,
        }),
        mockServices.rootConfig.factory({
          data: {
            azureMl: {
              arm: { endpoint: ARM, credential: 'none', maxRetries: 0 },
              environments: seedEnvironments,
              dns: { centralZoneResourceGroup: 'rg-aml-dns' },
            },
          },
        }),
        catalogPlugin,
        catalogModuleAzureMl,
      ],
    });
    await scheduler.triggerTask('azure-ml:refresh');
    const names = ['taxi-fare-model', 'aml-registry-dev', 'aml-env-prod'];
    for (const name of names) {
      await waitForEntity(backend, `resource/default/${name}`, () => true);
    }

    emulator.faults.set({
      routes: { RegistryModelContainers: { errorRate: 1 } },
    });
    try {
      const lists = () =>
        emulator.stats.byRoute.RegistryModelContainers_List ?? 0;
      const before = lists();
      await scheduler.triggerTask('azure-ml:refresh');
      await scheduler.triggerTask('azure-ml:refresh');
      // Both refreshes asked ARM for both registries' models, and failed.
      expect(lists()).toBe(before + 4);
      // Let the catalog process whatever a refresh might have applied.
      await new Promise(resolve => setTimeout(resolve, 1_000));
      for (const name of names) {
        const res = await request(backend).get(
          `/api/catalog/entities/by-name/resource/default/${name}`,
        );
        expect(res.status).toBe(200);
      }
    } finally {
      emulator.faults.reset();
    }
  }, 60_000);
});
