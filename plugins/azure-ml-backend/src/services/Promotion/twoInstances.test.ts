import { disconnectRedisStores } from '@internal/backend-test-helpers';
import {
  coreServices,
  createServiceFactory,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  CHAMPION_TAG,
  createAzureMlEmulator,
  MODEL_NAME,
  PROD,
  PROMOTED_VERSIONS,
} from '@internal/azure-ml-emulator';
import knexFactory, { Knex } from 'knex';
import { setupServer } from 'msw/node';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { azureMlPlugin } from '../../plugin';
import {
  allowAllPermissions,
  ARM,
  capturingScheduler,
  listenLocalOnly,
  prodRegistryVersions,
  registryUrl,
  seedEnvironments,
  TAXI_FARE_REF,
  taxiFareEntity,
} from '../../__testUtils__/promotionBackend';
import {
  AzureMlClient,
  azureMlArmClientServiceRef,
  azureMlConfigServiceRef,
} from '@internal/plugin-azure-ml-node';
import { PROMOTION_ID_TAG } from './PromotionService';

/*
 * Two instances of the backend, as in production: one PostgreSQL database (each instance with
 * its own connection pool) and one Redis for `backend.cache` (Backstage's cache service, read
 * from `backend.cache` by backend-defaults' cacheServiceFactory, with a namespace of this run
 * so runs on the same Redis do not meet). 200 promotions, each requested through one
 * instance's HTTP API by the owner and approved through the other instance's by an approver,
 * while ARM answers 30 % of the writes with 503 or 429 and instance A is killed mid-flight.
 * Every request must end `succeeded` with exactly one version in the prod registry, counted
 * from the emulator's state, and the champion is the version of the last request.
 *
 * "Killed" in-process, standing for SIGKILL: from one instant on, instance A does nothing
 * more. Its ARM calls in flight never answer (the version PUT that kills it does reach ARM:
 * unless ARM fails it, the copy exists, tagged with the request id, and A never learns it),
 * calls it starts later never answer either, and its scheduler loop stops, so it never again
 * writes to the database or to ARM; nobody sends it HTTP requests any more. What a SIGKILLed process leaves
 * behind is exactly that: requests in `running` whose lease A holds and will never renew or
 * release, and possibly a copy it made without recording it. The survivor sees no signal;
 * it takes the requests over when their leases run out (the scheduled task's `due` query)
 * and adopts the copies carrying the request's id.
 */
/** The Redis stores the cache opens, disconnected after the suite (they keep the worker alive). */
jest.mock('@keyv/redis', () =>
  require('@internal/backend-test-helpers').trackedKeyvRedis(),
);
afterAll(disconnectRedisStores);

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });
const REDIS = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const PROMOTIONS = 200;
const emulator = createAzureMlEmulator({
  baseUrl: ARM,
  lroPolls: 0,
  // Versions 1..202 in dev; 5 and 8 are already in prod, the other 200 are promoted.
  largeRegistryVersions: PROMOTIONS + PROMOTED_VERSIONS.length,
});
const server = setupServer(...emulator.handlers);
const OWNER = 'user:default/olivia.owner';
const APPROVER = 'user:default/alex.approver';
const LEASE_SECONDS = 5;
const POLL_MS = 100;

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));
const never = () => new Promise<never>(() => {});

/**
 * Instance A's death. Until `arm()`, A's version PUTs wait (its copies are slow to start while
 * the approvals come in), so that it dies with many requests in flight; after it, A's PUTs go
 * out, and the one after the first `KILL_AT_PUT` kills it.
 */
class Death {
  dead = false;
  diedAt = 0;
  puts = 0;
  killedBy?: string;
  private open!: () => void;
  readonly armed = new Promise<void>(resolve => {
    this.open = resolve;
  });

  arm() {
    this.open();
  }

  die(version: string) {
    this.dead = true;
    this.diedAt = Date.now();
    this.killedBy = version;
  }
}
const KILL_AT_PUT = 10;

/** The ARM client of an instance that can be killed (see the comment at the top). */
function killableArmClient(death: Death) {
  return createServiceFactory({
    service: azureMlArmClientServiceRef,
    deps: { config: azureMlConfigServiceRef, logger: coreServices.rootLogger },
    factory: ({ config, logger }) => {
      const real = AzureMlClient.fromConfig(config, { logger });
      return new Proxy(real, {
        get(target, property, receiver) {
          const value = Reflect.get(target, property, receiver);
          if (typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (death.dead) return never();
            if (property === 'putRegistryModelVersion') {
              await death.armed;
              if (death.dead) return never();
              if (++death.puts > KILL_AT_PUT) {
                death.die(String(args[2]));
                // The PUT goes out; the answer finds nobody.
                value.apply(target, args).catch(() => {});
                return never();
              }
            }
            try {
              const result = await value.apply(target, args);
              return death.dead ? never() : result;
            } catch (error) {
              if (death.dead) return never();
              throw error;
            }
          };
        },
      });
    },
  });
}

/**
 * Which requests an instance holds the lease of, from the statements its own pool ran: a
 * claim (`set state, attempts … where id, state, attempts`) takes one, any later transition
 * of that request by the instance (done, failed, or a retry scheduled) gives it back.
 */
function trackLeases(knex: Knex) {
  const held = new Set<string>();
  knex.on('query-response', (response: unknown, query: any) => {
    const sql: string = query?.sql ?? '';
    const bindings: unknown[] = query?.bindings ?? [];
    if (!/^update "azure_ml_promotions" set "state"/.test(sql)) return;
    if (response !== 1) return;
    if (
      /^update "azure_ml_promotions" set "state" = \S+, "attempts"/.test(sql)
    ) {
      held.add(String(bindings[4]));
    } else {
      held.delete(String(bindings[bindings.length - 2]));
    }
  });
  return held;
}

async function startInstance(
  knex: Knex,
  cacheNamespace: string,
  death?: Death,
) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const backend = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: {
          backend: {
            cache: {
              store: 'redis',
              connection: REDIS,
              redis: { client: { namespace: cacheNamespace } },
            },
          },
          azureMl: {
            arm: {
              endpoint: ARM,
              credential: 'none',
              maxRetries: 1,
              retryDelayMs: 5,
              pollIntervalMs: 5,
              readBudget: { perSecond: 1000, burst: 1000 },
            },
            environments: seedEnvironments,
            promotion: {
              from: 'dev',
              to: 'prod',
              requireApproval: true,
              // The approving instance starts the request at once; retries and takeovers
              // come from the scheduled task.
              startOnApproval: true,
              maxAttempts: 100,
              retryDelaySeconds: 0.01,
              leaseSeconds: LEASE_SECONDS,
              pollIntervalSeconds: POLL_MS / 1000,
            },
          },
        },
      }),
      // Backstage's cache service (backend-defaults' cacheServiceFactory) on the Redis above.
      mockServices.cache.factory(),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [taxiFareEntity] }),
      // Who may do what is the authz matrix's business (promotion.test.ts): everyone may here.
      allowAllPermissions(),
      capturingScheduler(tasks),
      ...(death ? [killableArmClient(death)] : []),
    ],
  });
  const task = tasks.find(t => t.id === 'azure-ml-promotions');
  if (!task) throw new Error('the promotion task was not scheduled');
  // The scheduler, for this instance: the global promotion task every POLL_MS. Both instances
  // run it at the same time (harsher than Backstage's global lock: the claims must decide).
  let stopped = false;
  const loop = (async () => {
    while (!stopped && !death?.dead) {
      try {
        await task.fn(new AbortController().signal);
      } catch {
        // a failed run is retried at the next one, as the scheduler does
      }
      await sleep(POLL_MS);
    }
  })();
  const as = (user: string) => mockCredentials.user.header(user);
  const http = backend.server;
  return {
    post: (path: string, body: object, user = OWNER) =>
      request(http)
        .post(`/api/azure-ml${path}`)
        .set('Authorization', as(user))
        .send(body),
    get: (path: string) =>
      request(http).get(`/api/azure-ml${path}`).set('Authorization', as(OWNER)),
    async stop() {
      stopped = true;
      if (!death?.dead) await loop;
      await backend.stop();
    },
  };
}

type Instance = Awaited<ReturnType<typeof startInstance>>;

/** The prod registry's versions of the model and its champion, from the emulator's state. */
async function prodState() {
  const versions = await prodRegistryVersions();
  const base = `${registryUrl(PROD)}/models/${MODEL_NAME}`;
  const container = await (
    await fetch(`${base}?api-version=2024-04-01`)
  ).json();
  return {
    versions,
    champion: container.properties?.tags?.[CHAMPION_TAG] as string | undefined,
  };
}

/** Runs `fn` over `items`, `width` at a time. */
async function inBatches<T>(
  items: T[],
  width: number,
  fn: (item: T, index: number) => Promise<void>,
) {
  for (let i = 0; i < items.length; i += width) {
    await Promise.all(
      items.slice(i, i + width).map((item, j) => fn(item, i + j)),
    );
  }
}

beforeAll(() => listenLocalOnly(server));
afterAll(() => server.close());

describe.each(databases.eachSupportedId())(
  'two instances on %s and Redis',
  databaseId => {
    it('carry out 200 promotions exactly once under ARM faults, one instance killed mid-flight', async () => {
      const started = Date.now();
      const knexA = await databases.init(databaseId);
      const knexB = knexFactory(knexA.client.config);
      const heldByA = trackLeases(knexA);
      const namespace = `azure-ml-two-instances-${randomUUID()}`;
      const death = new Death();
      const a = await startInstance(knexA, namespace, death);
      const b = await startInstance(knexB, namespace);
      const other = (i: Instance) => (i === a ? b : a);
      try {
        // The read cache is shared: what A read from ARM, B answers from Redis.
        const models = `/entities/component/default/taxi-fare/models`;
        const callsAtStart = emulator.stats.armCalls;
        expect((await a.get(models)).status).toBe(200);
        const callsBefore = emulator.stats.armCalls;
        expect(callsBefore - callsAtStart).toBeGreaterThan(0);
        expect((await b.get(models)).status).toBe(200);
        expect(emulator.stats.armCalls - callsBefore).toBe(0);

        const versions = Array.from(
          { length: PROMOTIONS + PROMOTED_VERSIONS.length },
          (_, i) => String(i + 1),
        ).filter(v => !PROMOTED_VERSIONS.includes(v));
        expect(versions).toHaveLength(PROMOTIONS);

        // Requests: even ones through A, odd ones through B; the last one through A.
        const requestedThrough: Instance[] = versions.map((_, i) =>
          i % 2 === 0 || i === PROMOTIONS - 1 ? a : b,
        );
        const ids: string[] = [];
        await inBatches(versions, 10, async (version, i) => {
          const res = await requestedThrough[i].post('/promotions', {
            entityRef: TAXI_FARE_REF,
            model: MODEL_NAME,
            version,
          });
          expect(res.status).toBe(201);
          expect(res.body.state).toBe('pending_approval');
          ids[i] = res.body.id;
        });
        const approve = async (i: number, through: Instance) => {
          const res = await through.post(
            `/promotions/${ids[i]}/approve`,
            { comment: 'four eyes' },
            APPROVER,
          );
          expect(res.status).toBe(200);
        };

        // ARM fails 30 % of the writes (version PUT, champion tag PUT): 20 % 503, 10 % 429
        // (the client waits Retry-After once, then the request retries).
        const flaky = {
          errorRate: 0.2 / 0.9, // drawn after the 10 % throttle: 0.1 + 0.9 × 0.222 = 0.3
          errorStatus: 503,
          throttle: { rate: 0.1, retryAfterSeconds: 1 },
        };
        emulator.faults.set({
          routes: {
            RegistryModelVersions_CreateOrUpdate: flaky,
            RegistryModelContainers_CreateOrUpdate: flaky,
          },
        });
        const faultsFrom = { ...emulator.stats.byRoute };

        // The approvals A answers (of the requests made through B) go out at once: A starts
        // those 100 requests. When A has answered all of them, its copies go out, and it dies
        // at its 11th version PUT, holding the leases of what it has in flight: requests
        // before their copy, one whose copy reached ARM unrecorded, some copied and crowned.
        const last = PROMOTIONS - 1;
        const throughA = ids
          .map((_, i) => i)
          .filter(i => other(requestedThrough[i]) === a);
        const throughB = ids
          .map((_, i) => i)
          .filter(i => other(requestedThrough[i]) === b && i !== last);
        await Promise.all(throughA.map(i => approve(i, a)));
        death.arm();
        await inBatches(throughB, 20, async i => approve(i, b));

        const counts = async () =>
          (
            await knexA('azure_ml_promotions')
              .select('state')
              .count({ n: '*' })
              .groupBy('state')
          ).reduce<Record<string, number>>(
            (all, row: any) => ({ ...all, [row.state]: Number(row.n) }),
            {},
          );
        const waitFor = async (
          done: (c: Record<string, number>) => boolean,
        ) => {
          for (;;) {
            const c = await counts();
            if (done(c)) return c;
            if ((c.failed ?? 0) > 0) return c;
            await sleep(200);
          }
        };
        // 199 done (the last waits for its approval, through B: A is dead by now).
        const before = await waitFor(
          c => (c.succeeded ?? 0) === PROMOTIONS - 1,
        );
        expect(before).toEqual({
          succeeded: PROMOTIONS - 1,
          pending_approval: 1,
        });
        expect(death.dead).toBe(true);
        const heldAtDeath = [...heldByA];
        await approve(last, b);
        expect(await waitFor(c => (c.succeeded ?? 0) === PROMOTIONS)).toEqual({
          succeeded: PROMOTIONS,
        });
        emulator.faults.reset();

        // Counted from ARM (the emulator's state): one version per request, made by it.
        const prod = await prodState();
        const lost: string[] = [];
        const duplicated: string[] = [];
        for (const [i, version] of versions.entries()) {
          const copies = prod.versions.filter(v => v.name === version);
          if (copies.length === 0) lost.push(version);
          if (copies.length > 1) duplicated.push(version);
          expect(copies.map(c => c.properties.tags[PROMOTION_ID_TAG])).toEqual([
            ids[i],
          ]);
        }
        expect({ lost, duplicated }).toEqual({ lost: [], duplicated: [] });
        expect(prod.versions).toHaveLength(
          PROMOTED_VERSIONS.length + PROMOTIONS,
        );
        expect(prod.champion).toBe(versions[last]);
        const lastThroughA = await b.get(`/promotions/${ids[last]}`);
        expect(lastThroughA.body).toMatchObject({
          state: 'succeeded',
          requestedBy: OWNER,
          decidedBy: APPROVER,
        });

        const rows = await knexA('azure_ml_promotions').select(
          'id',
          'attempts',
        );
        const attempts = rows.reduce((sum, r) => sum + Number(r.attempts), 0);
        const writes = (route: string) =>
          (emulator.stats.byRoute[route] ?? 0) - (faultsFrom[route] ?? 0);
        // The faults bit and the death mattered: requests retried, and B took over requests
        // whose lease A held when it died.
        expect(attempts).toBeGreaterThan(PROMOTIONS);
        expect(heldAtDeath.length).toBeGreaterThan(0);
        const takenOver = rows.filter(r => heldAtDeath.includes(r.id));
        expect(takenOver.every(r => Number(r.attempts) >= 2)).toBe(true);
        // eslint-disable-next-line no-console
        console.log(
          [
            `promotions: ${PROMOTIONS} succeeded, prod versions ${PROMOTIONS} new (0 lost, 0 duplicated), champion v${prod.champion}`,
            `attempts: ${attempts} (${
              attempts - PROMOTIONS - heldAtDeath.length
            } retries after ARM faults, ${heldAtDeath.length} takeovers)`,
            `takeovers: ${heldAtDeath.length} requests leased by A when it died (killed at its PUT of v${death.killedBy}), finished by B`,
            `ARM writes: ${writes(
              'RegistryModelVersions_CreateOrUpdate',
            )} version PUTs, ${writes(
              'RegistryModelContainers_CreateOrUpdate',
            )} champion PUTs (30 % failed)`,
            `wall time: ${((Date.now() - started) / 1000).toFixed(
              1,
            )} s (A died after ${((death.diedAt - started) / 1000).toFixed(
              1,
            )} s)`,
          ].join('\n'),
        );
      } finally {
        emulator.faults.reset();
        await b.stop();
        await a.stop();
        await knexB.destroy();
      }
    }, 180_000);
  },
);
