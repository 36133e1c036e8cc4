import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  createAzureMlEmulator,
  DEV,
  MODEL_NAME,
  PROD,
  PROMOTED_VERSIONS,
} from '@internal/azure-ml-emulator';
import knexFactory, { Knex } from 'knex';
import { setupServer } from 'msw/node';
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
import { PROMOTION_ID_TAG } from './PromotionService';

/*
 * Two replicas of the backend on one PostgreSQL database (each with its own connection pool),
 * carrying out promotions while ARM fails 30 % of the calls (5xx and 429), after a third
 * replica died holding two requests: one before its copy reached ARM, one after. Every request
 * must end `succeeded` with exactly one version in the target registry, counted from ARM.
 */
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['POSTGRES_15'] });

const DEV_VERSIONS = 40;
const emulator = createAzureMlEmulator({
  baseUrl: ARM,
  lroPolls: 0,
  largeRegistryVersions: DEV_VERSIONS,
});
const server = setupServer(...emulator.handlers);
const OWNER = 'user:default/olivia.owner';
const ENTITY = TAXI_FARE_REF;
const REGISTRY = registryUrl;

async function startReplica(knex: Knex) {
  const tasks: SchedulerServiceTaskInvocationDefinition[] = [];
  const backend = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: {
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
              // The test runs the scheduled task itself, step by step.
              startOnApproval: false,
              requireApproval: false,
              maxAttempts: 50,
              retryDelaySeconds: 0.001,
              leaseSeconds: 60,
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [taxiFareEntity] }),
      allowAllPermissions(),
      capturingScheduler(tasks),
    ],
  });
  const http = backend.server;
  const promotionTask = () => {
    const task = tasks.find(t => t.id === 'azure-ml-promotions');
    if (!task) throw new Error('the promotion task was not scheduled');
    return task.fn(new AbortController().signal);
  };
  const post = (path: string, body: object) =>
    request(http)
      .post(`/api/azure-ml${path}`)
      .set('Authorization', mockCredentials.user.header(OWNER))
      .send(body);
  const get = (path: string) =>
    request(http)
      .get(`/api/azure-ml${path}`)
      .set('Authorization', mockCredentials.user.header(OWNER));
  return { post, get, promotionTask, stop: () => backend.stop() };
}

const prodVersions = prodRegistryVersions;

beforeAll(() => listenLocalOnly(server));
afterAll(() => server.close());

describe.each(databases.eachSupportedId())('two replicas on %s', databaseId => {
  it('carry out every promotion exactly once under ARM faults and after a replica died', async () => {
    const knexA = await databases.init(databaseId);
    // A second pool on the same database: the second replica.
    const knexB = knexFactory(knexA.client.config);
    const a = await startReplica(knexA);
    const b = await startReplica(knexB);
    try {
      const versions = Array.from({ length: DEV_VERSIONS }, (_, i) =>
        String(i + 1),
      ).filter(v => !PROMOTED_VERSIONS.includes(v));
      const ids: string[] = [];
      for (const version of versions) {
        const res = await (ids.length % 2 ? b : a).post('/promotions', {
          entityRef: ENTITY,
          model: MODEL_NAME,
          version,
        });
        expect(res.status).toBe(201);
        ids.push(res.body.id);
      }

      // A third replica claimed two requests and died: one before its PUT reached ARM, one
      // after (the version exists, tagged with its request id). Their leases have run out.
      const [beforePut, afterPut] = ids;
      const expired = new Date(Date.now() - 1000).toISOString();
      await knexA('azure_ml_promotions')
        .whereIn('id', [beforePut, afterPut])
        .update({ state: 'running', attempts: 1, next_attempt_at: expired });
      const afterPutVersion = versions[1];
      const put = await fetch(
        `${REGISTRY(
          PROD,
        )}/models/${MODEL_NAME}/versions/${afterPutVersion}?api-version=2024-04-01`,
        {
          method: 'PUT',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            properties: {
              modelUri: `azureml://registries/${DEV.registry}/models/${MODEL_NAME}/versions/${afterPutVersion}`,
              tags: { [PROMOTION_ID_TAG]: afterPut },
            },
          }),
        },
      );
      expect(put.status).toBe(201);

      emulator.faults.set({
        errorRate: 0.2,
        errorStatus: 503,
        throttle: { rate: 0.1, retryAfterSeconds: 1 },
      });
      const states = async () =>
        (await knexA('azure_ml_promotions').select('state')).map(r => r.state);
      for (let round = 0; round < 400; round++) {
        if ((await states()).every(s => s === 'succeeded' || s === 'failed'))
          break;
        await Promise.all([a.promotionTask(), b.promotionTask()]);
        await new Promise(resolve => setImmediate(resolve));
      }
      emulator.faults.reset();

      expect(await states()).toEqual(ids.map(() => 'succeeded'));
      // The faults did bite: some requests needed more than one attempt.
      const attempts = (
        await knexA('azure_ml_promotions').select('attempts')
      ).map(r => Number(r.attempts));
      expect(Math.max(...attempts)).toBeGreaterThan(1);
      const inProd = await prodVersions();
      for (const [i, version] of versions.entries()) {
        const copies = inProd.filter(v => v.name === version);
        expect(copies).toHaveLength(1);
        expect(copies[0].properties.tags[PROMOTION_ID_TAG]).toBe(ids[i]);
      }
      expect(inProd).toHaveLength(PROMOTED_VERSIONS.length + versions.length);
      const last = await a.get(`/promotions/${ids[ids.length - 1]}`);
      expect(last.body.state).toBe('succeeded');
    } finally {
      emulator.faults.reset();
      await a.stop();
      await b.stop();
      await knexB.destroy();
    }
  }, 180_000);
});
