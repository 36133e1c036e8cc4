import { createBackendPlugin } from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { createAzureMlEmulator, DEV } from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import { AzureMlArmClient } from './client/AzureMlClient';
import { AzureMlConfig } from './config';
import { azureMlArmClientServiceRef, azureMlConfigServiceRef } from './refs';

const ARM = 'https://management.azure.com';
const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);

const azureMl = {
  arm: {
    endpoint: ARM,
    credential: 'none',
    readBudget: { perSecond: 4, burst: 4 },
  },
  environments: {
    dev: {
      subscriptionId: DEV.subscriptionId,
      resourceGroup: DEV.resourceGroup,
      workspace: DEV.workspace,
      registry: DEV.registry,
      location: DEV.location,
    },
  },
};

/** Two plugins (as the azure-ml backend plugin and the catalog are) that take both services. */
async function servicesOfTwoPlugins() {
  const seen: Array<{ client: AzureMlArmClient; config: AzureMlConfig }> = [];
  const consumer = (pluginId: string) =>
    createBackendPlugin({
      pluginId,
      register(reg) {
        reg.registerInit({
          deps: {
            client: azureMlArmClientServiceRef,
            config: azureMlConfigServiceRef,
          },
          async init(deps) {
            seen.push(deps);
          },
        });
      },
    });
  await startTestBackend({
    features: [
      mockServices.rootConfig.factory({ data: { azureMl } }),
      consumer('azure-ml'),
      consumer('catalog'),
    ],
  });
  return seen;
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emulator.stats.reset());
afterAll(() => server.close());

describe('azure-ml service refs', () => {
  it('give every plugin the same config and ARM client', async () => {
    const [a, b] = await servicesOfTwoPlugins();
    expect(a.client).toBe(b.client);
    expect(a.config).toBe(b.config);
    expect(a.config.environments.map(e => e.name)).toEqual(['dev']);
  });

  it('hold both plugins to one read budget', async () => {
    const [a, b] = await servicesOfTwoPlugins();
    const [env] = a.config.environments;
    const started = Date.now();
    // 12 reads against a budget of 4 per second with a burst of 4: the 8 beyond the burst
    // wait ~2 s whichever plugin makes them. Two budgets would each allow 6 at once.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        (i % 2 ? a : b).client.getRegistry(env),
      ),
    );
    expect(emulator.stats.armCalls).toBe(12);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_800);
  });

  it('fail the backend start on an invalid azureMl key, naming it', async () => {
    await expect(
      startTestBackend({
        features: [
          mockServices.rootConfig.factory({
            data: { azureMl: { ...azureMl, arm: { endpoint: 'not a url' } } },
          }),
          createBackendPlugin({
            pluginId: 'catalog',
            register(reg) {
              reg.registerInit({
                deps: { config: azureMlConfigServiceRef },
                async init() {},
              });
            },
          }),
        ],
      }),
    ).rejects.toThrow(/azureMl\.arm\.endpoint must be an absolute URL/);
  });
});
