import { Entity } from '@backstage/catalog-model';
import { SchedulerServiceTaskInvocationDefinition } from '@backstage/backend-plugin-api';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestDatabaseId,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { NotificationSendOptions } from '@backstage/plugin-notifications-node';
import {
  createAzureMlEmulator,
  DEV,
  MODEL_NAME,
  PROD,
  CHAMPION_VERSION,
} from '@internal/azure-ml-emulator';
import { Promotion } from '@internal/plugin-azure-ml-common';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { azureMlPlugin } from '../../plugin';
import {
  ARM,
  AuditedEvent,
  capturingScheduler,
  listenLocalOnly,
  permissionsAllowing,
  recordingAuditor,
  recordingNotifications,
  registryUrl,
  seedEnvironments,
  TAXI_FARE_REF,
  taxiFareEntity,
} from '../../__testUtils__/promotionBackend';
import { PROMOTION_ID_TAG } from './PromotionService';

// The PostgreSQL server of these machines (and CI), next to SQLite.
process.env.BACKSTAGE_TEST_DATABASE_POSTGRES15_CONNECTION_STRING ??=
  'postgresql://postgres@127.0.0.1:5432';
const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

// lroPolls 0: a write settles on its first poll (after the Retry-After of 1 s).
const emulator = createAzureMlEmulator({ baseUrl: ARM, lroPolls: 0 });
const server = setupServer(...emulator.handlers);

const OWNER = 'user:default/olivia.owner';
const APPROVER = 'user:default/arno.approver';
const STRANGER = 'user:default/sam.stranger';
const ENTITY = TAXI_FARE_REF;
const APPROVERS = 'group:default/ml-approvers';
const TAXI_FARE_TAB = '/catalog/default/component/taxi-fare/azure-ml';
/** Notifications name people by their catalog display name; the approver has none. */
const OWNER_NAME = 'Olivia Owner';
const APPROVER_NAME = 'arno.approver';
const ENTITY_NAME = 'component taxi-fare';
const ownerUser: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'User',
  metadata: { name: 'olivia.owner', namespace: 'default' },
  spec: { profile: { displayName: OWNER_NAME }, memberOf: [] },
};

/** Who may do what: the owner requests, the approver approves, the stranger only reads. */
const allowed: Record<string, string[]> = {
  'azure-ml.entity.read': [OWNER, APPROVER, STRANGER],
  'azure-ml.model.promote': [OWNER, APPROVER],
  'azure-ml.promotion.approve': [APPROVER, OWNER],
  'azure-ml.promotion.rollback': [OWNER],
};

let tasks: SchedulerServiceTaskInvocationDefinition[] = [];
const runScheduledTasks = async () => {
  for (const task of tasks) {
    await task.fn(new AbortController().signal);
  }
};

/** The auditor's events, as `eventId` + `meta`; `onEvent` sees each one as it is recorded. */
let audited: AuditedEvent[] = [];
let onEvent: (eventId: string) => void = () => {};

/** What the plugin sent through the notification service, in order. */
let notified: NotificationSendOptions[] = [];

async function startBackend(
  databaseId: TestDatabaseId,
  options: {
    startOnApproval?: boolean;
    maxAttempts?: number;
    failNotifications?: boolean;
    logger?: ReturnType<typeof mockServices.logger.mock>;
  } = {},
) {
  tasks = [];
  audited = [];
  notified = [];
  const knex = await databases.init(databaseId);
  const { server: http } = await startTestBackend({
    features: [
      azureMlPlugin,
      mockServices.rootConfig.factory({
        data: {
          azureMl: {
            arm: {
              endpoint: ARM,
              credential: 'none',
              retryDelayMs: 10,
              // 50 concurrent requests read ARM ~200 times: not what the budget is tested on.
              readBudget: { perSecond: 1000, burst: 1000 },
              pollIntervalMs: 10,
            },
            environments: seedEnvironments,
            promotion: {
              from: 'dev',
              to: 'prod',
              // Unless a test says otherwise, it runs the scheduled task itself, step by step.
              startOnApproval: options.startOnApproval ?? false,
              ...(options.maxAttempts && { maxAttempts: options.maxAttempts }),
              approvers: [APPROVERS],
              policy: [
                {
                  metric: 'rmse',
                  compare: 'champion',
                  direction: 'lower',
                  tolerance: 0,
                },
                { metric: 'r2', min: 0.5 },
              ],
            },
          },
        },
      }),
      mockServices.database.factory({ knex }),
      catalogServiceMock.factory({ entities: [taxiFareEntity, ownerUser] }),
      mockServices.httpAuth.factory({
        defaultCredentials: mockCredentials.none(),
      }),
      permissionsAllowing(({ permission, user }) =>
        (allowed[permission] ?? []).includes(user),
      ),
      capturingScheduler(tasks),
      recordingNotifications(notified, { fail: options.failNotifications }),
      ...(options.logger ? [options.logger.factory] : []),
      recordingAuditor(event => audited.push(event), {
        onSuccess: eventId => onEvent(eventId),
      }),
    ],
  });
  const as = (user?: string) => {
    const auth = (r: request.Test) =>
      user ? r.set('Authorization', mockCredentials.user.header(user)) : r;
    return {
      get: (path: string) => auth(request(http).get(`/api/azure-ml${path}`)),
      post: (path: string, body: object = {}) =>
        auth(request(http).post(`/api/azure-ml${path}`).send(body)),
    };
  };
  return { as };
}

async function prodVersions(): Promise<
  Array<{ name: string; properties: any }>
> {
  const url = `${registryUrl(
    PROD,
  )}/models/${MODEL_NAME}/versions?api-version=2024-04-01`;
  return (await (await fetch(url)).json()).value;
}

async function prodChampion(): Promise<string | undefined> {
  const url = `${registryUrl(
    PROD,
  )}/models/${MODEL_NAME}?api-version=2024-04-01`;
  return (await (await fetch(url)).json()).properties.tags.champion;
}

const input = (version: string) => ({
  entityRef: ENTITY,
  model: MODEL_NAME,
  version,
  comment: 'better rmse',
});

beforeAll(() => listenLocalOnly(server));
afterEach(() => {
  onEvent = () => {};
  emulator.resetState();
  emulator.faults.reset();
});
afterAll(() => server.close());

describe.each(databases.eachSupportedId())('promotion on %s', databaseId => {
  it('tells a signed-in caller where versions go, and nobody else', async () => {
    const { as } = await startBackend(databaseId);
    const res = await as(STRANGER).get('/promotion-settings');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      sourceEnvironment: 'dev',
      sourceRegistry: DEV.registry,
      targetEnvironment: 'prod',
      targetRegistry: PROD.registry,
      requireApproval: true,
      aliasTag: 'champion',
    });
    expect((await as().get('/promotion-settings')).status).toBe(401);
  });

  it('evaluates the policy with both values per rule, and names what fails', async () => {
    const { as } = await startBackend(databaseId);
    const good = await as(STRANGER).post('/promotions/evaluate', input('10'));
    expect(good.status).toBe(200);
    expect(good.body).toMatchObject({
      passed: true,
      championVersion: CHAMPION_VERSION,
      sourceEnvironment: 'dev',
      targetEnvironment: 'prod',
    });
    expect(good.body.rules[0]).toMatchObject({
      kind: 'compare',
      metric: 'rmse',
      candidate: good.body.candidateMetrics.rmse,
      reference: good.body.championMetrics.rmse,
      passed: true,
    });
    // Version 4's r2 is 'N/A' in the registry: the rule that needs it fails, with that reason.
    const bad = await as(STRANGER).post('/promotions/evaluate', input('4'));
    expect(bad.body.passed).toBe(false);
    expect(bad.body.rules[1]).toMatchObject({
      passed: false,
      reason: "version 4's metric 'r2' is not a number ('N/A')",
    });
  });

  it('refuses a request the policy blocks, naming the rule, and writes nothing', async () => {
    const { as } = await startBackend(databaseId);
    const res = await as(OWNER).post('/promotions', input('2'));
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(
      /The promotion policy blocks version 2 of taxi-fare-model: rmse lower than or equal to the champion's/,
    );
    expect((await as(OWNER).get('/promotions')).body.items).toEqual([]);
  });

  it('answers 400 naming a bad input and 404 for an unknown version', async () => {
    const { as } = await startBackend(databaseId);
    const dots = await as(OWNER).post('/promotions', input('..'));
    expect(dots.status).toBe(400);
    expect(dots.body.error.message).toMatch(/version/);
    const other = await as(OWNER).post('/promotions', {
      ...input('10'),
      model: 'other-model',
    });
    expect(other.status).toBe(400);
    expect(other.body.error.message).toBe(
      "model 'other-model' is not one of component:default/taxi-fare's models (taxi-fare-model)",
    );
    const missing = await as(OWNER).post('/promotions', input('999'));
    expect(missing.status).toBe(404);
  });

  it('gives each caller exactly the allowed outcome on every write route', async () => {
    const { as } = await startBackend(databaseId);
    expect((await as().post('/promotions', input('10'))).status).toBe(401);
    expect((await as(STRANGER).post('/promotions', input('10'))).status).toBe(
      403,
    );
    const created = await as(OWNER).post('/promotions', input('10'));
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      state: 'pending_approval',
      requestedBy: OWNER,
    });
    expect((await as().post(`/promotions/${id}/approve`)).status).toBe(401);
    expect((await as(STRANGER).post(`/promotions/${id}/approve`)).status).toBe(
      403,
    );
    const own = await as(OWNER).post(`/promotions/${id}/approve`);
    expect(own.status).toBe(403);
    expect(own.body.error.message).toMatch(/another person must approve it/);
    const approved = await as(APPROVER).post(`/promotions/${id}/approve`, {
      comment: 'ok',
    });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({
      state: 'approved',
      decidedBy: APPROVER,
      decisionComment: 'ok',
    });
    const again = await as(APPROVER).post(`/promotions/${id}/reject`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(
      `Promotion ${id} is approved, not pending approval`,
    );
  });

  it('carries out an approved request: one copy in prod referencing the source, champion moved, audited state', async () => {
    const { as } = await startBackend(databaseId);
    const before = (await prodVersions()).length;
    // The tab has been read before: the prod list and champion are in the caches.
    const prodPage = `/entities/component/default/taxi-fare/models?environment=prod`;
    expect((await as(OWNER).get(prodPage)).body.items[0].version).not.toBe(
      '10',
    );
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`);
    await runScheduledTasks();
    const done: Promotion = (await as(OWNER).get(`/promotions/${body.id}`))
      .body;
    expect(done).toMatchObject({
      state: 'succeeded',
      targetVersion: '10',
      previousChampion: CHAMPION_VERSION,
      attempts: 1,
    });
    const versions = await prodVersions();
    expect(versions).toHaveLength(before + 1);
    const copy = versions.find(v => v.name === '10');
    expect(copy?.properties.modelUri).toBe(
      `azureml://registries/${DEV.registry}/models/${MODEL_NAME}/versions/10`,
    );
    expect(copy?.properties.tags[PROMOTION_ID_TAG]).toBe(body.id);
    expect(copy?.properties.properties['metric.rmse']).toBe(
      body.evaluation.candidateMetrics.rmse.toFixed(4),
    );
    expect(await prodChampion()).toBe('10');
    // The tab shows the truth at once: the prod list and champion come from ARM again.
    const models = await as(OWNER).get(prodPage);
    expect(models.body.items[0]).toMatchObject({
      version: '10',
      aliases: ['champion'],
    });
  });

  it('turns 50 concurrent requests for one version into one request and one prod version', async () => {
    const { as } = await startBackend(databaseId);
    const before = (await prodVersions()).length;
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        as(OWNER).post('/promotions', input('10')),
      ),
    );
    expect(answers.filter(a => a.status === 201)).toHaveLength(1);
    expect(answers.filter(a => a.status === 200)).toHaveLength(49);
    expect(new Set(answers.map(a => a.body.id)).size).toBe(1);
    await as(APPROVER).post(`/promotions/${answers[0].body.id}/approve`);
    await Promise.all([runScheduledTasks(), runScheduledTasks()]);
    expect((await prodVersions()).length).toBe(before + 1);
    expect((await as(OWNER).get('/promotions')).body.items).toHaveLength(1);
  });

  it('fails a request at once, with the reason, when the copy operation itself ends Failed', async () => {
    const { as } = await startBackend(databaseId);
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`);
    emulator.faults.set({
      routes: { RegistryModelVersions_CreateOrUpdate: { lroFailure: true } },
    });
    await runScheduledTasks();
    const failed = (await as(OWNER).get(`/promotions/${body.id}`)).body;
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed.lastError).toMatch(
      /Azure Resource Manager failed writing version 10 of model taxi-fare-model in registry mlr-prod: the operation ended failed/,
    );
    // Not retried: a later run leaves it as it is, and the champion never moved.
    emulator.faults.reset();
    await runScheduledTasks();
    expect((await as(OWNER).get(`/promotions/${body.id}`)).body).toMatchObject({
      state: 'failed',
      attempts: 1,
    });
    expect(await prodChampion()).toBe(CHAMPION_VERSION);
  });

  it('keeps a request running with the error after a transient ARM failure, for a later attempt', async () => {
    const { as } = await startBackend(databaseId);
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`);
    emulator.faults.set({
      routes: { RegistryModelVersions_CreateOrUpdate: { errorRate: 1 } },
    });
    await runScheduledTasks();
    const waiting = (await as(OWNER).get(`/promotions/${body.id}`)).body;
    expect(waiting).toMatchObject({ state: 'running', attempts: 1 });
    expect(waiting.lastError).toMatch(
      /Azure Resource Manager failed writing version 10 of model taxi-fare-model in registry mlr-prod \(HTTP 500\)/,
    );
    // A retry is no news: only the request and the approval were told.
    expect(notified).toHaveLength(2);
  });

  it('rolls the champion back to the one before the promotion, as its own audited request', async () => {
    const { as } = await startBackend(databaseId);
    // Nothing recorded yet: the seeded champion was not made by a promotion.
    const early = await as(OWNER).post('/rollbacks', {
      entityRef: ENTITY,
      model: MODEL_NAME,
    });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toBe(
      `No promotion recorded a champion of ${MODEL_NAME} before version ${CHAMPION_VERSION} in prod: nothing to roll back to`,
    );
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`);
    await runScheduledTasks();
    expect(await prodChampion()).toBe('10');

    expect(
      (
        await as(APPROVER).post('/rollbacks', {
          entityRef: ENTITY,
          model: MODEL_NAME,
        })
      ).status,
    ).toBe(403);
    const rollback = await as(OWNER).post('/rollbacks', {
      entityRef: ENTITY,
      model: MODEL_NAME,
      comment: 'latency regression',
    });
    expect(rollback.status).toBe(201);
    expect(rollback.body).toMatchObject({
      kind: 'rollback',
      state: 'approved',
      sourceVersion: '10',
      targetVersion: CHAMPION_VERSION,
    });
    await runScheduledTasks();
    expect(await prodChampion()).toBe(CHAMPION_VERSION);
    const done = (await as(OWNER).get(`/promotions/${rollback.body.id}`)).body;
    expect(done).toMatchObject({ state: 'succeeded', previousChampion: '10' });
    // The copied version stays in prod; only the pointer moved.
    expect((await prodVersions()).some(v => v.name === '10')).toBe(true);
    // The requester and the owners hear of the champion the rollback restored.
    expect(notified[notified.length - 1]).toMatchObject({
      recipients: { type: 'entity', entityRef: [OWNER, ENTITY] },
      payload: {
        title: `${MODEL_NAME} version ${CHAMPION_VERSION} is the prod champion`,
        description: `Rollback of ${MODEL_NAME} in prod to version ${CHAMPION_VERSION} succeeded for ${ENTITY_NAME} (requested by ${OWNER_NAME}). The previous champion was version 10.`,
        link: TAXI_FARE_TAB,
        scope: `azure-ml-promotion:${rollback.body.id}`,
      },
    });
  });

  it('starts an approved request at once and audits every state change with who, from and to', async () => {
    const { as } = await startBackend(databaseId, { startOnApproval: true });
    const succeeded = new Promise<void>(resolve => {
      onEvent = eventId => {
        if (eventId === 'promotion-succeeded') resolve();
      };
    });
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`, {
      comment: 'ok',
    });
    await succeeded; // no scheduled run: the approving backend started it
    expect(
      audited.map(e => [e.eventId, e.meta?.actor, e.meta?.from, e.meta?.to]),
    ).toEqual([
      ['promotion-requested', OWNER, null, 'pending_approval'],
      ['promotion-approved', APPROVER, 'pending_approval', 'approved'],
      ['promotion-succeeded', 'azure-ml-backend', 'running', 'succeeded'],
    ]);
    expect(audited[0].meta).toMatchObject({
      promotionId: body.id,
      entityRef: 'component:default/taxi-fare',
      model: MODEL_NAME,
      sourceVersion: 'dev/10',
      targetVersion: 'prod/10',
      policyPassed: true,
    });
    expect((await as(OWNER).get(`/promotions/${body.id}`)).body.state).toBe(
      'succeeded',
    );
  });
  it('tells the approvers of a request, the requester of the approval, and requester and owners of the new champion', async () => {
    const { as } = await startBackend(databaseId);
    const { body } = await as(OWNER).post('/promotions', input('10'));
    const common = {
      topic: 'azure-ml-promotion',
      severity: 'normal',
      scope: `azure-ml-promotion:${body.id}`,
    };
    expect(notified).toEqual([
      {
        // The notifications plugin resolves the group to its members, less the requester.
        recipients: {
          type: 'entity',
          entityRef: [APPROVERS],
          excludeEntityRef: OWNER,
        },
        payload: {
          ...common,
          title: `Approve promotion of ${MODEL_NAME} version 10 to prod`,
          description: expect.stringMatching(
            new RegExp(
              `^${OWNER_NAME} requests to promote ${MODEL_NAME} version 10 of ${ENTITY_NAME} from dev to prod\\. Policy passed: rmse lower than or equal to the champion's \\(tolerance 0\\) \\(.+\\); r2 .+\\. Comment: better rmse$`,
            ),
          ),
          link: '/azure-ml/approvals',
        },
      },
    ]);
    // Asking again answers the same request and tells nobody again.
    await as(OWNER).post('/promotions', input('10'));
    expect(notified).toHaveLength(1);

    await as(APPROVER).post(`/promotions/${body.id}/approve`, {
      comment: 'ok',
    });
    expect(notified[1]).toEqual({
      recipients: { type: 'entity', entityRef: OWNER },
      payload: {
        ...common,
        title: `Promotion of ${MODEL_NAME} version 10 to prod approved`,
        description: `${APPROVER_NAME} approved your request; it is being carried out. Comment: ok`,
        link: TAXI_FARE_TAB,
      },
    });

    await runScheduledTasks();
    // The component stands for its owners: the notifications plugin resolves it to them.
    expect(notified[2]).toEqual({
      recipients: { type: 'entity', entityRef: [OWNER, ENTITY] },
      payload: {
        ...common,
        title: `${MODEL_NAME} version 10 is the prod champion`,
        description: `Promotion of ${MODEL_NAME} version 10 to prod succeeded for ${ENTITY_NAME} (requested by ${OWNER_NAME}, approved by ${APPROVER_NAME}). The previous champion was version ${CHAMPION_VERSION}.`,
        link: TAXI_FARE_TAB,
      },
    });
    expect(notified).toHaveLength(3);
  });

  it('tells the requester of a rejection, with the comment', async () => {
    const { as } = await startBackend(databaseId);
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/reject`, {
      comment: 'wait for the load test',
    });
    expect(notified.slice(1)).toEqual([
      {
        recipients: { type: 'entity', entityRef: OWNER },
        payload: expect.objectContaining({
          title: `Promotion of ${MODEL_NAME} version 10 to prod rejected`,
          description: `${APPROVER_NAME} rejected your request. Comment: wait for the load test`,
          link: TAXI_FARE_TAB,
        }),
      },
    ]);
  });

  it('tells only the requester of a failure, with the error', async () => {
    const { as } = await startBackend(databaseId, { maxAttempts: 1 });
    const { body } = await as(OWNER).post('/promotions', input('10'));
    await as(APPROVER).post(`/promotions/${body.id}/approve`);
    emulator.faults.set({
      routes: { RegistryModelVersions_CreateOrUpdate: { errorRate: 1 } },
    });
    await runScheduledTasks();
    expect((await as(OWNER).get(`/promotions/${body.id}`)).body.state).toBe(
      'failed',
    );
    expect(notified).toHaveLength(3);
    expect(notified[2]).toEqual({
      recipients: { type: 'entity', entityRef: [OWNER] },
      payload: expect.objectContaining({
        title: `Promotion of ${MODEL_NAME} version 10 to prod failed`,
        description: expect.stringMatching(
          /^After 1 attempt: .*Azure Resource Manager failed writing version 10 .*\(HTTP 500\)/,
        ),
        severity: 'high',
        link: TAXI_FARE_TAB,
      }),
    });
  });

  it('carries a promotion out when notifications cannot be sent, and logs why', async () => {
    const logger = mockServices.logger.mock();
    const { as } = await startBackend(databaseId, {
      failNotifications: true,
      logger,
    });
    const created = await as(OWNER).post('/promotions', input('10'));
    expect(created.status).toBe(201);
    const approved = await as(APPROVER).post(
      `/promotions/${created.body.id}/approve`,
    );
    expect(approved.status).toBe(200);
    await runScheduledTasks();
    expect(
      (await as(OWNER).get(`/promotions/${created.body.id}`)).body.state,
    ).toBe('succeeded');
    expect(await prodChampion()).toBe('10');
    const warnings = logger.warn.mock.calls.map(([message]) => message);
    expect(warnings).toEqual(
      ['pending_approval', 'approved', 'succeeded'].map(state =>
        expect.stringMatching(
          new RegExp(
            `^Could not send the notification about promotion ${created.body.id} \\(${state}\\): Error: notifications backend unavailable$`,
          ),
        ),
      ),
    );
  });
});
