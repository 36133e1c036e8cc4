import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createAzureMlEmulator, DEV } from '@internal/azure-ml-emulator';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import { ModelVersion, PipelineRun } from '@internal/plugin-azure-ml-common';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { azureMlPlugin } from './plugin';
import {
  DENIED_ENTITY_REF,
  readApiEntities,
} from './__testUtils__/readApiEntities';
import {
  ARM,
  capturingScheduler,
  listenLocalOnly,
  permissionsAllowing,
  seedEnvironments,
} from './__testUtils__/promotionBackend';
import { sqliteDatabases } from '@internal/backend-test-helpers';

const database = sqliteDatabases();
const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);

const azureMlConfig = {
  arm: { endpoint: ARM, credential: 'none', maxRetries: 2, retryDelayMs: 10 },
  environments: seedEnvironments,
};

const entities = readApiEntities;

const BASE = '/api/azure-ml/entities/component/default';

/** Runs inside every permission check, before it answers (a test can observe or delay it). */
let beforeDecision: (() => Promise<void>) | undefined;

/**
 * The scheduled tasks of the backend under test: the entity index refresh runs when a test
 * says so (`await runScheduledTasks()`), not on a timer.
 */
let scheduledTasks: SchedulerServiceTaskInvocationDefinition[] = [];
const runScheduledTasks = async () => {
  for (const task of scheduledTasks) {
    await task.fn(new AbortController().signal);
  }
};

async function startBackend(extraConfig: Record<string, unknown> = {}) {
  scheduledTasks = [];
  const { server: http } = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: { azureMl: { ...azureMlConfig, ...extraConfig } },
      }),
      catalogServiceMock.factory({ entities }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissionsAllowing(
        ({ resourceRef }) => resourceRef !== DENIED_ENTITY_REF,
        { beforeDecision: () => beforeDecision?.() },
      ),
      capturingScheduler(scheduledTasks),
      database,
    ],
  });
  const get = (path: string) =>
    request(http).get(path).set('Authorization', mockCredentials.user.header());
  return { http, get };
}

/** Resolves when the emulator has answered `times` requests of an ARM operation. */
function armCalls(operation: string, times = 1): Promise<void> {
  return new Promise(resolve => {
    const check = () => {
      if ((emulator.stats.byRoute[operation] ?? 0) >= times) {
        server.events.removeListener('response:mocked', check);
        resolve();
      }
    };
    server.events.on('response:mocked', check);
    check();
  });
}

// supertest's requests to the backend under test go to this machine; anything else that no
// emulator handler answers is a test defect.
beforeAll(() => listenLocalOnly(server));
afterEach(() => {
  beforeDecision = undefined;
  emulator.faults.reset();
  emulator.stats.reset();
});
afterAll(() => server.close());

describe('azure-ml read API', () => {
  let get: Awaited<ReturnType<typeof startBackend>>['get'];
  let http: Awaited<ReturnType<typeof startBackend>>['http'];
  beforeAll(async () => {
    ({ get, http } = await startBackend());
  });

  it('answers /health without credentials', async () => {
    const res = await request(http).get('/api/azure-ml/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('requires credentials on data routes', async () => {
    expect((await request(http).get('/api/azure-ml/environments')).status).toBe(
      401,
    );
  });

  it.each([
    [
      'an encoded / in the kind',
      '/api/azure-ml/entities/%2f/default/taxi-fare/models',
      'kind',
    ],
    [
      'an encoded / in the namespace',
      '/api/azure-ml/entities/component/%2f/taxi-fare/models',
      'namespace',
    ],
    [
      '.. as the name',
      '/api/azure-ml/entities/component/default/../models',
      'name',
    ],
    [
      '.. as the version',
      `${BASE}/taxi-fare/models/taxi-fare-model/versions/..?environment=dev`,
      'version',
    ],
    [
      '. as the version',
      `${BASE}/taxi-fare/models/taxi-fare-model/versions/.?environment=dev`,
      'version',
    ],
    [
      'a model name with a slash',
      `${BASE}/taxi-fare/models/a%2fb/versions/1?environment=dev`,
      'model',
    ],
  ])(
    'answers 400 naming the parameter for %s, and reads nothing',
    async (_what, path, param) => {
      const res = await get(path);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(
        new RegExp(`params/${param} must match pattern`),
      );
      expect(emulator.stats.armCalls).toBe(0);
    },
  );

  it('lists environments with workspace details', async () => {
    const res = await get('/api/azure-ml/environments');
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { name: string }) => e.name)).toEqual([
      'dev',
      'prod',
    ]);
    expect(res.body.items[0]).toMatchObject({
      registry: 'mlr-dev',
      workspaceId: expect.any(String),
      networkMode: expect.stringMatching(/private|public|mixed/),
      // Read at api-version 2024-04-01: 2022-10-01 (the npm SDK's) has no managedNetwork.
      managedNetworkIsolation: 'AllowOnlyApprovedOutbound',
      studioUrl: expect.stringMatching(/^https:\/\/ml\.azure\.com\//),
      entityRef: 'resource:default/aml-env-dev',
    });
  });

  it('lists registries', async () => {
    const res = await get('/api/azure-ml/registries');
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({
      name: 'mlr-dev',
      environment: 'dev',
      location: 'westeurope',
      privateEndpoints: expect.any(Array),
    });
  });

  it('pages the model versions of one environment, newest first, without gaps', async () => {
    const seen: ModelVersion[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const res = await get(
        `${BASE}/taxi-fare/models?environment=dev&limit=3${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 20);

    expect(seen.length).toBeGreaterThanOrEqual(8);
    expect(new Set(seen.map(v => v.version)).size).toBe(seen.length);
    const times = seen.map(v => Date.parse(v.createdAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(
      seen.every(v => v.environment === 'dev' && v.name === 'taxi-fare-model'),
    ).toBe(true);
    // Metrics are numbers; non-numeric values ('N/A') are left out.
    for (const v of seen) {
      for (const value of Object.values(v.metrics)) {
        expect(typeof value).toBe('number');
      }
    }
    expect(seen.some(v => v.metrics.rmse !== undefined)).toBe(true);
    expect(seen.some(v => v.jobName)).toBe(true);
  });

  it('follows only cursors it issued: a forged or changed ARM link is a 400 that reads nothing', async () => {
    const first = await get(`${BASE}/taxi-fare/models?environment=dev&limit=2`);
    expect(first.status).toBe(200);
    const issued: string = first.body.nextCursor;
    const mac = issued.split('.')[1] ?? '';
    const versions = `${ARM}/subscriptions/${DEV.subscriptionId}/resourceGroups/${DEV.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${DEV.registry}/models/taxi-fare-model/versions`;
    // Same registry path as ARM's own links, another query: 1000 items, oldest first.
    const forged = (link: string) =>
      Buffer.from(
        JSON.stringify({
          q: 'models:dev/taxi-fare-model',
          s: [{ link, offset: 0 }],
        }),
      ).toString('base64url');
    const bigPage = `${versions}?api-version=2024-04-01&$orderBy=createdtime%20asc&$top=1000`;
    emulator.stats.reset();
    for (const cursor of [
      forged(bigPage),
      `${forged(bigPage)}.${mac}`,
      `${forged(`${versions}?api-version=2023-04-01&listViewType=All`)}.${mac}`,
    ]) {
      const res = await get(
        `${BASE}/taxi-fare/models?environment=dev&limit=2&cursor=${encodeURIComponent(
          cursor,
        )}`,
      );
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/Invalid 'cursor' parameter/);
    }
    expect(emulator.stats.armCalls).toBe(0);
    const next = await get(
      `${BASE}/taxi-fare/models?environment=dev&limit=2&cursor=${encodeURIComponent(
        issued,
      )}`,
    );
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(2);
  });

  it('merges environments and marks the prod champion from the container tag', async () => {
    const res = await get(`${BASE}/taxi-fare/models?limit=100`);
    expect(res.status).toBe(200);
    const items: ModelVersion[] = res.body.items;
    expect(new Set(items.map(v => v.environment))).toEqual(
      new Set(['dev', 'prod']),
    );
    expect(res.body.nextCursor).toBeUndefined();
    const champions = items.filter(v => v.aliases.includes('champion'));
    expect(champions.map(v => v.environment)).toContain('prod');
    const one = await get(
      `${BASE}/taxi-fare/models/taxi-fare-model/versions/${champions[0].version}?environment=${champions[0].environment}`,
    );
    expect(one.status).toBe(200);
    expect(one.body).toEqual(champions[0]);
  });

  it('answers an empty list for a model that no registry has', async () => {
    const res = await get(`${BASE}/ghost/models`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [] });
  });

  it.each([
    ['/nobody/models', 404, /Entity 'component:default\/nobody' not found/],
    ['/plain/models', 400, /ml\.azure\.com\/models/],
    ['/staging/models', 400, /ml\.azure\.com\/environments.*'staging'/],
    ['/taxi-fare/models?limit=0', 400, /limit/],
    ['/taxi-fare/models?limit=101', 400, /limit/],
    ['/taxi-fare/models?limit=ten', 400, /limit/],
    [
      '/taxi-fare/models?environment=staging',
      400,
      /'environment' parameter 'staging'/,
    ],
    ['/taxi-fare/models?cursor=garbage', 400, /'cursor'/],
    ['/taxi-fare/models?colour=red', 400, /colour/],
    ['/dev-only/models?environment=prod', 400, /'environment'/],
    ['/secret/models', 403, /Not allowed/],
    ['/taxi-fare/models/taxi-fare-model/versions/1', 400, /environment/],
    [
      '/taxi-fare/models/taxi-fare-model/versions/9999?environment=dev',
      404,
      /9999/,
    ],
    [
      '/taxi-fare/models/other-model/versions/1?environment=dev',
      404,
      /not one of the entity's models/,
    ],
    ['/dev-only/runs', 400, /ml\.azure\.com\/experiment/],
    ['/taxi-fare/runs?status=Exploded', 400, /status/],
  ])('GET %s → %i', async (path, status, message) => {
    const res = await get(`${BASE}${path}`);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it('pages pipeline runs newest first and filters by status', async () => {
    const seen: PipelineRun[] = [];
    let cursor: string | undefined;
    do {
      const res = await get(
        `${BASE}/taxi-fare/runs?limit=7${
          cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
        }`,
      );
      expect(res.status).toBe(200);
      seen.push(...res.body.items);
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(new Set(seen.map(r => r.id)).size).toBe(seen.length);
    const times = seen.map(r => Date.parse(r.createdAt!));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(seen[0]).toMatchObject({
      experiment: 'taxi-fare-train',
      studioUrl: expect.stringMatching(/^https:\/\/ml\.azure\.com\/runs\//),
    });
    // The steps the pipeline defines (ARM's job holds definitions: no step status, no times).
    expect(seen[0].steps).toEqual(
      ['transform', 'train', 'compare', 'register', 'score'].map(name => ({
        name,
      })),
    );
    expect(seen[0]).not.toHaveProperty('durationMs');

    const failed = await get(`${BASE}/taxi-fare/runs?status=Failed&limit=100`);
    expect(failed.status).toBe(200);
    expect(failed.body.items.length).toBeGreaterThan(0);
    expect(
      failed.body.items.every((r: PipelineRun) => r.status === 'Failed'),
    ).toBe(true);
  });
});

describe('azure-ml read API against a failing or throttling ARM', () => {
  it('answers 502 with a clear message when ARM keeps failing with 5xx', async () => {
    const { get } = await startBackend();
    emulator.faults.set({
      routes: { RegistryModelVersions_List: { errorRate: 1 } },
    });
    const res = await get(`${BASE}/taxi-fare/models?environment=dev`);
    expect(res.status).toBe(502);
    expect(res.body.error.message).toMatch(
      /Azure Resource Manager failed reading versions of model taxi-fare-model in registry mlr-dev \(HTTP 500\)/,
    );
    // 1 attempt + 2 retries (azureMl.arm.maxRetries).
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(3);
  });

  it('retries a 429 and answers once ARM recovers', async () => {
    const { get } = await startBackend();
    emulator.faults.set({
      routes: {
        RegistryModelVersions_List: { throttle: { retryAfterSeconds: 1 } },
      },
    });
    const pending = get(`${BASE}/taxi-fare/models?environment=dev`).then(
      r => r,
    );
    await armCalls('RegistryModelVersions_List');
    emulator.faults.reset(); // ARM recovers before the Retry-After elapses
    const res = await pending;
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    // The retry waited for Retry-After (1 s) instead of the 10 ms retry delay: by then ARM had
    // recovered, so one retry was enough. (AzureMlClient.test.ts shows the wait itself.)
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(2);
  });

  it('answers 503 with Retry-After when ARM still throttles after the retries', async () => {
    const { get } = await startBackend();
    emulator.faults.set({
      routes: {
        RegistryModelVersions_List: { throttle: { retryAfterSeconds: 1 } },
      },
    });
    const res = await get(`${BASE}/taxi-fare/models?environment=dev`);
    expect(res.status).toBe(503);
    expect(res.headers['retry-after']).toBe('1');
    expect(res.body.error.message).toMatch(/HTTP 429/);
    // 1 attempt + 2 retries (azureMl.arm.maxRetries), each after ARM's Retry-After.
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(3);
  });

  it('answers 400 when ARM refuses what the caller sent (HTTP 400), not 502', async () => {
    const { get } = await startBackend();
    emulator.faults.set({
      routes: { RegistryModelVersions_Get: { errorRate: 1, errorStatus: 400 } },
    });
    const res = await get(
      `${BASE}/taxi-fare/models/taxi-fare-model/versions/1?environment=dev`,
    );
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /Azure Resource Manager refused reading version 1 of model taxi-fare-model in registry mlr-dev \(HTTP 400\)/,
    );
    // A client error is not retried.
    expect(emulator.stats.byRoute.RegistryModelVersions_Get).toBe(1);
  });

  it.each([
    ['RegistryModelVersions_List', '/taxi-fare/models?environment=dev'],
    ['Jobs_List', '/taxi-fare/runs?environment=dev'],
    [
      'RegistryModelVersions_Get',
      '/taxi-fare/models/taxi-fare-model/versions/1?environment=dev',
    ],
    ['RegistryModelContainers_Get', '/taxi-fare/models?environment=prod'],
  ])(
    'answers 502 and caches nothing when ARM answers %s with an error body and HTTP 200',
    async (operation, path) => {
      const { get } = await startBackend();
      emulator.faults.set({
        routes: { [operation]: { errorBodyWith200: true } },
      });
      const res = await get(`${BASE}${path}`);
      expect(res.status).toBe(502);
      expect(res.body.error.message).toMatch(
        /Azure Resource Manager answered .* with an unexpected shape: HTTP 200 with an error body/,
      );
      emulator.faults.reset();
      const recovered = await get(`${BASE}${path}`);
      expect(recovered.status).toBe(200);
      expect(recovered.body.items ?? [recovered.body]).not.toHaveLength(0);
    },
  );

  it('answers 504 when every attempt stalls, after attemptTimeoutMs per attempt', async () => {
    const { get } = await startBackend({
      arm: { ...azureMlConfig.arm, attemptTimeoutMs: 200, deadlineMs: 10_000 },
    });
    emulator.faults.set({
      routes: { RegistryModelVersions_List: { latencyMs: 8_000 } },
    });
    const started = Date.now();
    const res = await get(`${BASE}/taxi-fare/models?environment=dev`);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(504);
    expect(res.body.error.message).toMatch(
      /did not answer reading versions of model taxi-fare-model in registry mlr-dev in time: every attempt waited 200 ms \(azureMl.arm.attemptTimeoutMs\)/,
    );
    // 1 attempt + 2 retries of 200 ms each, not the 8 s stall.
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(3);
    expect(elapsed).toBeLessThan(4_000);
  });

  it('answers 504 when the deadline of the call runs out, retries and waits included', async () => {
    const { get } = await startBackend({
      arm: { ...azureMlConfig.arm, attemptTimeoutMs: 5_000, deadlineMs: 300 },
    });
    emulator.faults.set({
      routes: { Jobs_List: { latencyMs: 8_000 } },
    });
    const started = Date.now();
    const res = await get(`${BASE}/taxi-fare/runs?environment=dev`);
    expect(res.status).toBe(504);
    expect(res.body.error.message).toMatch(
      /did not answer reading jobs of workspace mlw-dev in time: the call's 300 ms deadline \(azureMl.arm.deadlineMs\) ran out/,
    );
    expect(Date.now() - started).toBeLessThan(4_000);
  });

  it('makes one ARM call for 100 concurrent identical requests (single-flight)', async () => {
    const { get } = await startBackend();
    emulator.faults.set({ latencyMs: 100 });
    const responses = await Promise.all(
      Array.from({ length: 100 }, () =>
        get(`${BASE}/dev-only/models?environment=dev`),
      ),
    );
    expect(responses.every(r => r.status === 200)).toBe(true);
    expect(new Set(responses.map(r => JSON.stringify(r.body))).size).toBe(1);
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(1);
    expect(emulator.stats.byRoute.RegistryModelContainers_Get).toBe(1);
  });
});

describe('azure-ml read API response reuse', () => {
  it('tags answers with an ETag and answers 304 when the page has not changed', async () => {
    const { get } = await startBackend();
    const first = await get(`${BASE}/taxi-fare/models?environment=dev`);
    expect(first.status).toBe(200);
    expect(first.headers.etag).toMatch(/^"[0-9a-f]+-[\w-]+"$/);
    const again = await get(`${BASE}/taxi-fare/models?environment=dev`).set(
      'If-None-Match',
      first.headers.etag,
    );
    expect(again.status).toBe(304);
    expect(again.text ?? '').toBe('');
    const other = await get(`${BASE}/taxi-fare/models?environment=prod`).set(
      'If-None-Match',
      first.headers.etag,
    );
    expect(other.status).toBe(200);
    expect(other.headers.etag).not.toBe(first.headers.etag);
  });

  it('starts the ARM read of a known entity while the permission check runs, and answers only after it', async () => {
    // Access decisions are not cached, so every request below checks permissions again.
    const { get } = await startBackend({
      cache: { ttlSeconds: { access: 0 } },
    });
    // The first authorized read teaches the index the entity's annotations.
    expect((await get(`${BASE}/taxi-fare/runs?environment=dev`)).status).toBe(
      200,
    );
    emulator.stats.reset();
    let armCallsWhenDeciding = -1;
    beforeDecision = async () => {
      // The permission decision waits until the ARM read has answered: this passes only if
      // the read started before the decision.
      await armCalls('RegistryModelVersions_List');
      armCallsWhenDeciding =
        emulator.stats.byRoute.RegistryModelVersions_List ?? 0;
    };
    const res = await get(`${BASE}/taxi-fare/models?environment=prod`);
    expect(res.status).toBe(200);
    expect(armCallsWhenDeciding).toBe(1);
    expect(
      res.body.items.every((v: ModelVersion) => v.environment === 'prod'),
    ).toBe(true);
  });

  it('never answers data of an entity the caller may not read, even when its read started early', async () => {
    const { get } = await startBackend({
      cache: { ttlSeconds: { access: 0 } },
    });
    // 'secret' has ml.azure.com/models, so the scheduled catalog read indexes it, but the
    // permission policy denies it.
    await runScheduledTasks();
    const res = await get(`${BASE}/secret/models?environment=dev`);
    // The early read did happen (the index knew the entity) ...
    expect(emulator.stats.byRoute.RegistryModelVersions_List).toBe(1);
    // ... and its result was dropped.
    expect(res.status).toBe(403);
    expect(res.body.items).toBeUndefined();
    expect(res.body.error.message).toMatch(/Not allowed/);
  });

  it('reads ARM only after the check for an entity the index does not know yet', async () => {
    const { get } = await startBackend();
    let armCallsWhenDeciding = -1;
    await runScheduledTasks(); // the index is filled: 'nobody' is not in it
    beforeDecision = async () => {
      armCallsWhenDeciding =
        emulator.stats.byRoute.RegistryModelVersions_List ?? 0;
    };
    // 'nobody' is not in the catalog, so not in the index: nothing is read before the check.
    const res = await get(`${BASE}/nobody/models?environment=dev`);
    expect(res.status).toBe(404);
    expect(armCallsWhenDeciding).toBe(0);
    expect(emulator.stats.byRoute.RegistryModelVersions_List ?? 0).toBe(0);
  });
});
