import {
  resolvePackagePath,
  SchedulerServiceTaskInvocationDefinition,
} from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import { CENTRAL_DNS, DEV } from '@internal/azure-ml-emulator';
import { Knex } from 'knex';
import request from 'supertest';
import { azureMlPlugin } from '../../plugin';
import { useDnsEmulator } from '../../__testUtils__/dnsEmulator';
import {
  ARM,
  AuditedEvent,
  capturingScheduler,
  permissionsAllowing,
  recordingAuditor,
  recordingNotifications,
  seedEnvironments,
} from '../../__testUtils__/promotionBackend';

jest.setTimeout(60_000);

process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

const { emulator, resolver, guidOf } = useDnsEmulator();
const devApi = `${guidOf(DEV.workspace)}.workspace.westeurope.api.azureml.ms`;

const VALIDATOR = 'user:default/vera.validator';
const STRANGER = 'user:default/sam.stranger';
const PLATFORM = 'group:default/ml-platform';
const TASK_PREFIX = 'azure-ml-dns-validation-';

let tasks: SchedulerServiceTaskInvocationDefinition[] = [];
let audited: AuditedEvent[] = [];
let notified: NotificationSendOptions[] = [];

async function startBackend(knex: Knex) {
  tasks = [];
  const backend = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: {
          azureMl: {
            arm: {
              endpoint: ARM,
              credential: 'none',
              readBudget: { perSecond: 1000, burst: 1000 },
              retryDelayMs: 10,
            },
            environments: seedEnvironments,
            dns: {
              centralZoneSubscriptionId: CENTRAL_DNS.subscriptionId,
              resolvers: [resolver()],
              lookupTimeoutMs: 300,
              validators: [PLATFORM],
              schedule: { frequencyMinutes: 30 },
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [] }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissionsAllowing(
        ({ permission, user }) =>
          permission === 'azure-ml.dns.validate' && user === VALIDATOR,
      ),
      capturingScheduler(tasks),
      recordingNotifications(notified),
      recordingAuditor(event => audited.push(event)),
    ],
  });
  const as = (user?: string) => {
    const auth = (r: request.Test) =>
      user ? r.set('Authorization', mockCredentials.user.header(user)) : r;
    return {
      get: (path: string) =>
        auth(request(backend.server).get(`/api/azure-ml${path}`)),
      post: (path: string) =>
        auth(request(backend.server).post(`/api/azure-ml${path}`)),
    };
  };
  const runScheduled = async () => {
    for (const task of tasks.filter(t => t.id.startsWith(TASK_PREFIX))) {
      await task.fn(new AbortController().signal);
    }
  };
  return { as, runScheduled, stop: () => backend.stop(), tasks };
}

beforeEach(() => {
  audited = [];
  notified = [];
});

describe.each(databases.eachSupportedId())(
  'DNS validation routes on %s',
  (databaseId: TestDatabaseId) => {
    it('runs on demand for validators only, and reads for any signed-in caller', async () => {
      const { as } = await startBackend(await databases.init(databaseId));
      const path = '/environments/dev/dns-validations';
      expect((await as().get(path)).status).toBe(401);
      expect((await as(STRANGER).get(path)).body).toEqual({ history: [] });
      expect((await as(STRANGER).post(path)).status).toBe(403);
      expect(
        (await as(VALIDATOR).post('/environments/qa/dns-validations')).status,
      ).toBe(404);

      const run = await as(VALIDATOR).post(path);
      expect(run.status).toBe(201);
      expect(run.body).toMatchObject({
        environment: 'dev',
        status: 'passed',
        trigger: 'manual',
        triggeredBy: VALIDATOR,
        findings: [],
      });
      expect(run.body.migration.map((s: { state: string }) => s.state)).toEqual(
        ['COMPLETE', 'COMPLETE', 'COMPLETE', 'PENDING'],
      );
      const listed = await as(STRANGER).get(path);
      expect(listed.body.latest).toEqual(run.body);
      expect(listed.body.history).toEqual([
        {
          id: run.body.id,
          status: 'passed',
          trigger: 'manual',
          startedAt: run.body.startedAt,
          findingCount: 0,
        },
      ]);
      expect(audited).toEqual([
        {
          eventId: 'dns-validation',
          meta: expect.objectContaining({
            environment: 'dev',
            trigger: 'manual',
            actor: VALIDATOR,
            status: 'passed',
            findings: 0,
          }),
        },
      ]);
    });

    it('schedules a global run per environment; results persist across a restart; passing → failing notifies the validators', async () => {
      const knex = await databases.init(databaseId);
      const first = await startBackend(knex);
      const dnsTasks = first.tasks.filter(t => t.id.startsWith(TASK_PREFIX));
      expect(dnsTasks.map(t => t.id)).toEqual([
        `${TASK_PREFIX}dev`,
        `${TASK_PREFIX}prod`,
      ]);
      for (const task of dnsTasks) {
        expect(task).toMatchObject({
          scope: 'global',
          frequency: { milliseconds: 30 * 60_000 },
        });
      }
      await first.runScheduled();
      expect(audited.map(e => [e.meta?.environment, e.meta?.status])).toEqual([
        ['dev', 'passed'],
        ['prod', 'passed'],
      ]);
      emulator.faults.set({ dns: { nxdomain: [devApi] } });
      await first.runScheduled();
      expect(notified).toHaveLength(1);
      expect(notified[0]).toMatchObject({
        recipients: { type: 'entity', entityRef: [PLATFORM] },
        payload: {
          title: 'Private DNS of dev is failing',
          topic: 'azure-ml-dns',
        },
      });
      await first.stop();

      const second = await startBackend(knex);
      const listed = await second
        .as(STRANGER)
        .get('/environments/dev/dns-validations');
      expect(listed.body.latest).toMatchObject({
        status: 'failed',
        trigger: 'scheduled',
        findings: [{ check: 'resolve.nxdomain', fqdn: devApi }],
      });
      expect(
        listed.body.history.map((h: { status: string }) => h.status),
      ).toEqual(['failed', 'passed']);
      // Still failing: no second notification.
      await second.runScheduled();
      expect(notified).toHaveLength(1);
      await second.stop();
    });

    it('stores a failed run that says why when ARM cannot be read', async () => {
      const { as } = await startBackend(await databases.init(databaseId));
      emulator.faults.set({
        routes: { PrivateEndpointConnections_List: { errorRate: 1 } },
      });
      const run = await as(VALIDATOR).post(
        '/environments/prod/dns-validations',
      );
      expect(run.status).toBe(201);
      expect(run.body).toMatchObject({
        status: 'failed',
        findings: [{ check: 'arm.unreadable', fqdn: 'mlw-prod' }],
      });
    });

    it('migration round-trip: down drops the table, latest brings it back', async () => {
      const knex = await databases.init(databaseId);
      await startBackend(knex);
      const config = {
        directory: resolvePackagePath(
          '@internal/plugin-azure-ml-backend',
          'migrations',
        ),
        tableName: 'azure_ml_knex_migrations',
      };
      expect(await knex.schema.hasTable('azure_ml_dns_validations')).toBe(true);
      await knex.migrate.down(config);
      expect(await knex.schema.hasTable('azure_ml_dns_validations')).toBe(
        false,
      );
      await knex.migrate.latest(config);
      expect(await knex.schema.hasTable('azure_ml_dns_validations')).toBe(true);
    });
  },
);
