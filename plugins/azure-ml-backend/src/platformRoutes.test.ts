import { KubernetesValidatorFunctions } from '@backstage/catalog-model';
import {
  createAzureMlEmulator,
  DEV,
  EXPERIMENT_NAME,
  PROD,
} from '@internal/azure-ml-emulator';
import { PipelineRun, RegistryModel } from '@internal/plugin-azure-ml-common';
import { setupServer } from 'msw/node';
import request from 'supertest';
import {
  listenForPlatformTests,
  PLATFORM_ARM,
  renamed,
  scopeOf,
  startPlatformBackend,
} from './__testUtils__/platformBackend';
import { sqliteDatabases } from '@internal/backend-test-helpers';

// A small ARM page size, so that both lists span several ARM pages.
const emulator = createAzureMlEmulator({ baseUrl: PLATFORM_ARM, pageSize: 3 });
const server = setupServer(...emulator.handlers);
// Each test backend's plugin database, destroyed after the suite (no open SQLite pools).
const database = sqliteDatabases();

beforeAll(() => listenForPlatformTests(server));
afterEach(() => {
  emulator.resetState();
  emulator.stats.reset();
  emulator.faults.reset();
});
afterAll(() => server.close());

/** Follows `nextCursor` from the first page to the last. */
async function allPages<T>(
  get: (path: string) => any,
  path: string,
  limit: number,
): Promise<{ pages: T[][]; items: T[] }> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const res = await get(
      `${path}${path.includes('?') ? '&' : '?'}limit=${limit}${
        cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''
      }`,
    );
    expect(res.status).toBe(200);
    pages.push(res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor && pages.length < 50);
  return { pages, items: pages.flat() };
}

describe('GET /environments/{environment}/models', () => {
  /** Adds containers to dev's registry so that its list spans several ARM pages. */
  function addContainers() {
    const scope = scopeOf(emulator, DEV, 'registries');
    const [template] = Object.values(scope.models);
    const add = (
      name: string,
      tags: Record<string, string>,
      latest?: string,
    ) => {
      scope.models[name] = {
        container: renamed(template.container, name, {
          tags,
          latestVersion: latest ?? null,
          description: `Model ${name}`,
        }),
        versions: {},
      };
    };
    add('zeta-model', {});
    add('alpha-model', { champion: '3', owner: 'group:default/team-a' }, '4');
    add('Taxi Fare (v2)', {});
    add('archived-model', {});
    scope.models['archived-model'].container.properties.isArchived = true;
    return scope;
  }

  it("lists the registry's models by name with latest version, champion and ai-model ref, across ARM pages", async () => {
    const scope = addContainers();
    const { get, checks } = await startPlatformBackend({ database });

    const res = await get('/environments/dev/models');

    expect(res.status).toBe(200);
    const items: RegistryModel[] = res.body.items;
    const expectedNames = Object.values(scope.models)
      .map(m => m.container)
      .filter(c => !c.properties.isArchived)
      .map(c => c.name)
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
    expect(items.map(m => m.name)).toEqual(expectedNames);
    expect(expectedNames.length).toBeGreaterThan(3); // more than one ARM page
    expect(emulator.stats.byRoute.RegistryModelContainers_List).toBeGreaterThan(
      1,
    );
    expect(items.find(m => m.name === 'alpha-model')).toEqual({
      name: 'alpha-model',
      environment: 'dev',
      registry: DEV.registry,
      description: 'Model alpha-model',
      latestVersion: '4',
      champion: '3',
      tags: { champion: '3', owner: 'group:default/team-a' },
      entityRef: 'resource:default/alpha-model',
      studioUrl: `https://ml.azure.com/registries/${DEV.registry}/models/alpha-model`,
    });
    // Each seeded container's champion tag and latest version, as ARM holds them.
    for (const model of items) {
      const container = scope.models[model.name].container;
      expect(model.champion).toBe(container.properties.tags?.champion);
      expect(model.latestVersion).toBe(
        container.properties.latestVersion ?? undefined,
      );
    }
    // A name that is no valid entity name gets the catalog module's readable name + hash.
    const odd = items.find(m => m.name === 'Taxi Fare (v2)')!;
    expect(odd.entityRef).toMatch(
      /^resource:default\/Taxi-Fare-v2-[0-9a-f]{8}$/,
    );
    expect(
      KubernetesValidatorFunctions.isValidObjectName(
        odd.entityRef.split('/')[1],
      ),
    ).toBe(true);
    expect(checks).toContainEqual({
      permission: 'azure-ml.entity.read',
      resourceRef: 'resource:default/aml-registry-dev',
    });
  });

  it('pages with signed cursors: every model once, in order', async () => {
    addContainers();
    const { get } = await startPlatformBackend({ database });
    const whole = (await get('/environments/dev/models?limit=100')).body
      .items as RegistryModel[];

    const { pages, items } = await allPages<RegistryModel>(
      get,
      '/environments/dev/models',
      2,
    );
    expect(whole.length).toBeGreaterThanOrEqual(4);

    expect(pages.length).toBe(Math.ceil(whole.length / 2));
    expect(pages.every(p => p.length <= 2)).toBe(true);
    expect(items.map(m => m.name)).toEqual(whole.map(m => m.name));
  });

  it('reads the containers from ARM once for many requests (read-through cache)', async () => {
    const { get } = await startPlatformBackend({ database });
    await get('/environments/dev/models?limit=1');
    const after = emulator.stats.byRoute.RegistryModelContainers_List;
    await get('/environments/dev/models?limit=2');
    await get('/environments/dev/models?limit=3');
    expect(emulator.stats.byRoute.RegistryModelContainers_List).toBe(after);
  });

  it('takes the champion from the configured tag (azureMl.promotion.aliasTag)', async () => {
    const scope = scopeOf(emulator, DEV, 'registries');
    const [first] = Object.values(scope.models);
    first.container.properties.tags = {
      ...first.container.properties.tags,
      best: '2',
    };
    const { get } = await startPlatformBackend({
      database,
      extraConfig: {
        promotion: { from: 'dev', to: 'prod', aliasTag: 'best' },
      },
    });
    const res = await get('/environments/dev/models');
    expect(res.status).toBe(200);
    expect(
      res.body.items.find((m: RegistryModel) => m.name === first.container.name)
        .champion,
    ).toBe('2');
  });

  it('answers 404 naming an environment that is not configured', async () => {
    const { get } = await startPlatformBackend({ database });
    const res = await get('/environments/staging/models');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain("'staging'");
  });

  it("answers 404 when the environment's registry Resource is not in the catalog", async () => {
    const { get } = await startPlatformBackend({ database });
    const res = await get('/environments/qa/models');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toContain(
      'resource:default/aml-registry-qa',
    );
    expect(emulator.stats.byRoute.RegistryModelContainers_List).toBeUndefined();
  });

  it('answers 403 when azure-ml.entity.read is denied on the registry Resource, without reading ARM', async () => {
    const { get } = await startPlatformBackend({ database });
    const res = await get('/environments/prod/models');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'resource:default/aml-registry-prod',
    );
    expect(emulator.stats.byRoute.RegistryModelContainers_List).toBeUndefined();
  });

  it('answers 400 naming a bad parameter', async () => {
    const { get } = await startPlatformBackend({ database });
    const limit = await get('/environments/dev/models?limit=0');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
    const cursor = await get('/environments/dev/models?cursor=forged');
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toContain("'cursor'");
    const env = await get('/environments/Not_An_Env/models');
    expect(env.status).toBe(400);
    expect(JSON.stringify(env.body)).toContain('environment');
  });

  it('answers 401 without credentials', async () => {
    const { http } = await startPlatformBackend({ database });
    const res = await request(http).get(
      '/api/azure-ml/environments/dev/models',
    );
    expect(res.status).toBe(401);
  });
});

describe('GET /environments/{environment}/runs', () => {
  const OTHER_EXPERIMENT = 'churn-train';

  /** Adds pipeline jobs of another experiment to dev's workspace, the newest of all. */
  function addOtherExperimentJobs() {
    const scope = scopeOf(emulator, DEV, 'workspaces');
    const template = Object.values(scope.jobs).find(
      j => j.properties.jobType === 'Pipeline',
    )!;
    const added = ['churn_a', 'churn_b'].map((name, i) => {
      const job = renamed(
        template,
        name,
        {
          experimentName: OTHER_EXPERIMENT,
          displayName: `churn #${i + 1}`,
          status: i === 0 ? 'Failed' : 'Completed',
          services: {},
        },
        `2099-01-0${i + 1}T00:00:00.0000000Z`,
      );
      scope.jobs[name] = job;
      return job;
    });
    return { scope, added };
  }

  /** Top-level pipeline jobs of the dev workspace, newest first (what ARM's list holds). */
  function pipelineJobs() {
    return Object.values(scopeOf(emulator, DEV, 'workspaces').jobs)
      .filter(j => j.properties.jobType === 'Pipeline')
      .sort((a, b) =>
        (b.systemData?.createdAt ?? '').localeCompare(
          a.systemData?.createdAt ?? '',
        ),
      );
  }

  it("lists the workspace's pipeline runs of every experiment, newest first", async () => {
    addOtherExperimentJobs();
    const { get, checks } = await startPlatformBackend({ database });

    // A page ends where ARM's page does (pages may be short): follow the cursors.
    const { items: runs } = await allPages<PipelineRun>(
      get,
      '/environments/dev/runs',
      100,
    );

    expect(runs.map(r => r.id)).toEqual(pipelineJobs().map(j => j.name));
    expect(new Set(runs.map(r => r.experiment))).toEqual(
      new Set([EXPERIMENT_NAME, OTHER_EXPERIMENT]),
    );
    expect(runs[0]).toMatchObject({
      id: 'churn_b',
      displayName: 'churn #2',
      status: 'Completed',
      experiment: OTHER_EXPERIMENT,
      environment: 'dev',
      createdAt: '2099-01-02T00:00:00.000Z',
    });
    // The step graph of the pipeline job (its `jobs` map), as on an entity's runs.
    expect(runs[0].steps.length).toBeGreaterThan(0);
    expect(emulator.stats.byRoute.Jobs_List).toBeGreaterThan(1);
    expect(checks).toContainEqual({
      permission: 'azure-ml.entity.read',
      resourceRef: 'resource:default/aml-workspace-dev',
    });
  });

  it('narrows by experiment and by status', async () => {
    addOtherExperimentJobs();
    const { get } = await startPlatformBackend({ database });

    const other = await get(
      `/environments/dev/runs?experiment=${OTHER_EXPERIMENT}`,
    );
    expect(other.status).toBe(200);
    expect(other.body.items.map((r: PipelineRun) => r.id)).toEqual([
      'churn_b',
      'churn_a',
    ]);

    const { items: failed } = await allPages<PipelineRun>(
      get,
      '/environments/dev/runs?status=Failed',
      100,
    );
    const expected = pipelineJobs()
      .filter(j => j.properties.status === 'Failed')
      .map(j => j.name);
    expect(expected).toContain('churn_a');
    expect(failed.map(r => r.id)).toEqual(expected);
  });

  it('pages with signed cursors: every run once, newest first', async () => {
    addOtherExperimentJobs();
    const { get } = await startPlatformBackend({ database });

    const { pages, items } = await allPages<PipelineRun>(
      get,
      '/environments/dev/runs',
      4,
    );

    expect(pages.length).toBeGreaterThan(1);
    expect(items.map(r => r.id)).toEqual(pipelineJobs().map(j => j.name));

    // A cursor of one query is refused by another.
    const first = await get('/environments/dev/runs?limit=4');
    const misused = await get(
      `/environments/dev/runs?status=Failed&cursor=${encodeURIComponent(
        first.body.nextCursor,
      )}`,
    );
    expect(misused.status).toBe(400);
    expect(misused.body.error.message).toContain("'cursor'");
  });

  it('reads prod from its own workspace and answers 403 when the workspace Resource is denied', async () => {
    const { get } = await startPlatformBackend({ database });
    const res = await get('/environments/prod/runs');
    expect(res.status).toBe(403);
    expect(res.body.error.message).toContain(
      'resource:default/aml-workspace-prod',
    );
    expect(emulator.stats.byRoute.Jobs_List).toBeUndefined();
    expect(PROD.workspace).not.toBe(DEV.workspace);
  });

  it('answers 404 naming an unknown environment, and 404 without the workspace Resource', async () => {
    const { get } = await startPlatformBackend({ database });
    const unknown = await get('/environments/staging/runs');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain("'staging'");
    const noResource = await get('/environments/qa/runs');
    expect(noResource.status).toBe(404);
    expect(noResource.body.error.message).toContain(
      'resource:default/aml-workspace-qa',
    );
  });

  it('answers 400 naming a bad status, limit or unknown parameter', async () => {
    const { get } = await startPlatformBackend({ database });
    const status = await get('/environments/dev/runs?status=Bogus');
    expect(status.status).toBe(400);
    expect(JSON.stringify(status.body)).toContain('status');
    const limit = await get('/environments/dev/runs?limit=101');
    expect(limit.status).toBe(400);
    expect(JSON.stringify(limit.body)).toContain('limit');
    const experiment = await get('/environments/dev/runs?experiment=');
    expect(experiment.status).toBe(400);
    expect(JSON.stringify(experiment.body)).toContain('experiment');
  });
});
