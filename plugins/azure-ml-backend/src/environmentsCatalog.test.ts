import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { Entity } from '@backstage/catalog-model';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import { createAzureMlEmulator } from '@internal/azure-ml-emulator';
import catalogAzureMlModule from '@internal/plugin-catalog-backend-module-azure-ml';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { azureMlPlugin } from './plugin';
import {
  ARM,
  listenLocalOnly,
  seedEnvironments,
} from './__testUtils__/promotionBackend';
import { sqliteDatabases } from '@internal/backend-test-helpers';

/*
 * The environments route against a real catalog with the Azure ML catalog module (both
 * reading the emulator through the one shared ARM client): every environment the route lists
 * names the entity the catalog holds for it.
 */

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);
/** The catalog's and the azure-ml plugin's databases, destroyed after the suite. */
const database = sqliteDatabases();

beforeAll(() => listenLocalOnly(server));
afterAll(() => server.close());

async function catalogEntity(
  backend: Parameters<typeof request>[0],
  ref: string,
): Promise<Entity> {
  const [, kind, namespace, name] = /^([^:]+):([^/]+)\/(.+)$/.exec(ref)!;
  for (let attempt = 0; attempt < 100; attempt++) {
    const res = await request(backend).get(
      `/api/catalog/entities/by-name/${kind}/${namespace}/${name}`,
    );
    if (res.status === 200) return res.body;
    await new Promise(resolve => setTimeout(resolve, 200));
  }
  throw new Error(`${ref} never appeared in the catalog`);
}

describe('environments route and the catalog', () => {
  it('names for each environment the azure-ml-environment entity the catalog holds', async () => {
    const { server: backend } = await startTestBackend({
      features: [
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
                  schedule: {
                    frequency: { minutes: 30 },
                    timeout: { minutes: 1 },
                  },
                },
              },
            },
          },
        }),
        database,
        catalogPlugin,
        catalogAzureMlModule,
        azureMlPlugin,
      ],
    });

    const res = await request(backend).get('/api/azure-ml/environments');
    expect(res.status).toBe(200);
    expect(
      res.body.items.map((e: { entityRef: string }) => e.entityRef),
    ).toEqual([
      'resource:default/aml-env-dev',
      'resource:default/aml-env-prod',
    ]);
    for (const environment of res.body.items) {
      const entity = await catalogEntity(backend, environment.entityRef);
      expect(entity.spec?.type).toBe('azure-ml-environment');
      expect(entity.metadata.annotations).toMatchObject({
        'ml.azure.com/workspace': environment.workspace,
        'ml.azure.com/registry': environment.registry,
        'ml.azure.com/subscription-id': environment.subscriptionId,
      });
    }
  });
});
