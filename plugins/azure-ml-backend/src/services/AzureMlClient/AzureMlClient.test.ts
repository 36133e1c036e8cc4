import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import { createAzureMlEmulator } from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import { readAzureMlConfig } from '../../config';
import { AzureMlClient } from './AzureMlClient';

const ARM = 'https://management.azure.com';
const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);

function client(readBudget: { perSecond: number; burst: number }) {
  const config = readAzureMlConfig(
    new ConfigReader({
      azureMl: {
        arm: { endpoint: ARM, credential: 'none', readBudget },
        environments: {
          dev: {
            subscriptionId: '11111111-1111-4111-8111-111111111111',
            resourceGroup: 'rg-aml-dev',
            workspace: 'mlw-dev',
            registry: 'mlr-dev',
            location: 'westeurope',
          },
        },
      },
    }),
  );
  return {
    env: config.environments[0],
    client: AzureMlClient.fromConfig(config, {
      logger: mockServices.logger.mock(),
    }),
  };
}

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => emulator.stats.reset());
afterAll(() => server.close());

describe('AzureMlClient', () => {
  it('keeps to the read budget by queueing, never failing (10/s, burst 2)', async () => {
    const { client: armClient, env } = client({ perSecond: 10, burst: 2 });
    const started = performance.now();
    const finished: number[] = [];
    await Promise.all(
      Array.from({ length: 12 }, () =>
        armClient
          .getModelContainerTags(env, 'taxi-fare-model')
          .then(() => finished.push(performance.now() - started)),
      ),
    );
    // 2 reads at once, then 10 more at 10 per second: about one second in all.
    expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(12);
    expect(Math.max(...finished)).toBeGreaterThanOrEqual(900);
    const sorted = [...finished].sort((a, b) => a - b);
    expect(sorted[11] - sorted[2]).toBeGreaterThanOrEqual(800);
  });

  it('reads the first page of versions with one ARM call, newest first', async () => {
    const { client: armClient, env } = client({ perSecond: 20, burst: 20 });
    const page = await armClient.listModelVersions(env, 'taxi-fare-model', {
      top: 5,
    });
    expect(emulator.stats.armCalls).toBe(1);
    expect(page.items).toHaveLength(5);
    expect(page.nextLink).toMatch(/skipToken/);
    const next = await armClient.listModelVersions(env, 'taxi-fare-model', {
      top: 5,
      nextLink: page.nextLink,
    });
    expect(next.items[0].createdAt! <= page.items[4].createdAt!).toBe(true);
  });

  it('reads workspace details through the SDK', async () => {
    const { client: armClient, env } = client({ perSecond: 20, burst: 20 });
    expect(await armClient.getWorkspaceDetails(env)).toMatchObject({
      workspaceId: expect.any(String),
      networkMode: expect.stringMatching(/private|public|mixed/),
    });
  });
});
