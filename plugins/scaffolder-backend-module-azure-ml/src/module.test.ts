import {
  mockServices,
  startTestBackend,
  TestDatabases,
} from '@backstage/backend-test-utils';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { createMockDirectory } from '@backstage/backend-test-utils';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { scaffolderModuleAzureMl } from './module';
import { localRepositoriesUrlReader } from './urlReader/LocalRepositoryUrlReader';

/**
 * The scaffolder's database: an in-memory SQLite per backend, destroyed after the suite (the
 * test backend's default leaves SQLite pools open when it stops, keeping the jest worker alive).
 */
const databases = TestDatabases.create({ ids: ['SQLITE_3'] });

const repoRoot = path.resolve(__dirname, '../../..');

/**
 * The scaffolder's dry run lets any signed-in user run a template they write themselves, so
 * every input of our actions is attacker-controlled there. These tests go through the real
 * scaffolder backend over HTTP, as the template editor does.
 */
describe('the Azure ML actions in a scaffolder dry run', () => {
  jest.setTimeout(60_000);
  const publishRoot = createMockDirectory({
    content: { 'team-repo/catalog-info.yaml': 'kind: Component\n' },
  });

  async function dryRun(steps: Array<{ action: string; input: object }>) {
    const { server } = await startTestBackend({
      features: [
        mockServices.database.factory({
          knex: await databases.init('SQLITE_3'),
        }),
        scaffolderPlugin,
        scaffolderModuleAzureMl,
        localRepositoriesUrlReader,
        catalogServiceMock.factory(),
        mockServices.rootConfig.factory({
          data: {
            backend: { baseUrl: 'http://localhost:7007' },
            azureMl: {
              environments: { dev: { registry: 'mlr-dev' } },
              scaffolder: { localPublishRoot: publishRoot.path },
            },
          },
        }),
      ],
    });
    const res = await request(server)
      .post('/api/scaffolder/v2/dry-run')
      .send({
        template: {
          apiVersion: 'scaffolder.backstage.io/v1beta3',
          kind: 'Template',
          metadata: { name: 'probe' },
          spec: {
            type: 'service',
            steps: steps.map((step, i) => ({
              id: `s${i}`,
              name: 's',
              ...step,
            })),
          },
        },
        values: {},
        directoryContents: [],
      });
    return res;
  }

  const fetchPipelines = (input: object) => ({
    action: 'azure-ml:pipelines:fetch',
    input: {
      experimentName: 'e',
      computeName: 'cpu',
      modelName: 'm',
      ...input,
    },
  });
  const files = (res: request.Response): string[] =>
    (res.body.directoryContents ?? []).map((f: { path: string }) => f.path);

  it.each([
    ['an absolute path', path.join(repoRoot, 'scripts')],
    ['a relative path', '../../../../scripts'],
    ['a file URL', pathToFileURL(path.join(repoRoot, 'data')).href],
  ])(
    'refuses a "url" (%s) with a 400 naming it and returns no file',
    async (_what, url) => {
      const res = await dryRun([fetchPipelines({ url })]);
      expect(res.status).toBe(400);
      expect(res.body.error.message).toMatch(/^"url" is not accepted/);
      expect(files(res)).toEqual([]);
    },
  );

  it('refuses a folder that leaves the pipelines source with a 400 naming it', async () => {
    const res = await dryRun([fetchPipelines({ folder: '../scripts' })]);
    expect(res.status).toBe(400);
    expect(res.body.error.message).toBe(
      '"folder" must not contain ".." (got ../scripts)',
    );
    expect(files(res)).toEqual([]);
  });

  it("returns the platform's pipelines when the template names no place", async () => {
    const res = await dryRun([fetchPipelines({})]);
    expect(res.status).toBe(200);
    expect(files(res)).toEqual([
      'pipelines/single-step-merge-job.yaml',
      'pipelines/taxi-fare-train-pipeline.yaml',
    ]);
  });

  it('serves file URLs inside the local publish root only, to the built-in fetch actions too', async () => {
    const outside = await dryRun([
      {
        action: 'fetch:plain',
        input: { url: pathToFileURL(path.join(repoRoot, 'scripts')).href },
      },
    ]);
    expect(outside.status).toBe(403);
    expect(outside.body.error.message).toMatch(
      /^Reading from 'file:\/\/.*\/scripts' is not allowed/,
    );
    expect(files(outside)).toEqual([]);

    const inside = await dryRun([
      {
        action: 'fetch:plain',
        input: { url: pathToFileURL(publishRoot.resolve('team-repo')).href },
      },
    ]);
    expect(inside.status).toBe(200);
    expect(files(inside)).toEqual(['catalog-info.yaml']);
  });
});
