import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  createAzureMlEmulator,
  DEV,
  MODEL_NAME,
} from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import { readAzureMlConfig } from '../config';
import { AzureMlClient } from './AzureMlClient';

const ARM = 'https://management.azure.com';
const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);

function client(
  readBudget: { perSecond: number; burst: number },
  retryDelayMs = 800,
) {
  const config = readAzureMlConfig(
    new ConfigReader({
      azureMl: {
        arm: { endpoint: ARM, credential: 'none', readBudget, retryDelayMs },
        environments: {
          dev: {
            subscriptionId: DEV.subscriptionId,
            resourceGroup: DEV.resourceGroup,
            workspace: DEV.workspace,
            registry: DEV.registry,
            location: DEV.location,
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
afterEach(() => {
  emulator.stats.reset();
  emulator.faults.reset();
});

/** Lets the HTTP exchange with the emulator run (real I/O turns) while timers are fake. */
async function settle() {
  for (let i = 0; i < 50; i++) {
    await new Promise(resolve => setImmediate(resolve));
  }
}
afterAll(() => server.close());

describe('AzureMlClient', () => {
  it('keeps to the read budget by queueing, never failing (10/s, burst 2)', async () => {
    // Fake clock for the read budget's timers; the HTTP exchange with the emulator runs on
    // real I/O turns (setImmediate, nextTick), so `settle` lets it finish between steps.
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    try {
      const { client: armClient, env } = client({ perSecond: 10, burst: 2 });
      let finished = 0;
      const all = Array.from({ length: 12 }, () =>
        armClient
          .getModelContainerTags(env, 'taxi-fare-model')
          .then(() => finished++),
      );
      await settle();
      expect(finished).toBe(2); // the burst at once ...
      for (let step = 1; step <= 10; step++) {
        await jest.advanceTimersByTimeAsync(100);
        await settle();
        expect(finished).toBe(2 + step); // ... then one more every 100 ms
      }
      await Promise.all(all);
      expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(12);
    } finally {
      jest.useRealTimers();
    }
  });

  it('waits for Retry-After after a 429, not for its own (shorter) retry delay', async () => {
    jest.useFakeTimers({
      doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'],
    });
    try {
      const { client: armClient, env } = client(
        { perSecond: 20, burst: 20 },
        10,
      );
      emulator.faults.set({
        routes: {
          RegistryModelContainers_Get: { throttle: { retryAfterSeconds: 1 } },
        },
      });
      const pending = armClient.getModelContainerTags(env, 'taxi-fare-model');
      await settle();
      expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(1);
      emulator.faults.reset();
      await jest.advanceTimersByTimeAsync(990);
      await settle();
      expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(1);
      await jest.advanceTimersByTimeAsync(20);
      await settle();
      expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(2);
      // The retried read answers what a read without faults answers.
      const answer = await pending;
      jest.useRealTimers();
      expect(answer).toEqual(
        await armClient.getModelContainerTags(env, 'taxi-fare-model'),
      );
    } finally {
      jest.useRealTimers();
    }
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

  it('lists the model containers of a registry with their tags, and follows only its own links', async () => {
    const { client: armClient, env } = client({ perSecond: 20, burst: 20 });
    const page = await armClient.listModelContainers(env);
    expect(emulator.stats.armCalls).toBe(1);
    const model = page.items.find(m => m.name === MODEL_NAME);
    expect(model).toMatchObject({
      name: MODEL_NAME,
      isArchived: false,
      latestVersion: expect.stringMatching(/^\d+$/),
      tags: expect.objectContaining({ owner: expect.any(String) }),
    });
    await expect(
      armClient.listModelContainers(env, {
        nextLink: `https://attacker.example.com/subscriptions/${DEV.subscriptionId}/models`,
      }),
    ).rejects.toThrow(
      'Refusing to follow a link outside https://management.azure.com while reading models of registry',
    );
    expect(emulator.stats.armCalls).toBe(1);
  });
});
