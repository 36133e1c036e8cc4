import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { destroyableDatabase } from './__testUtils__/destroyableDatabase';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
  TestBackend,
} from '@backstage/backend-test-utils';
import catalogPlugin from '@backstage/plugin-catalog-backend';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import scaffolderAzureMlModule, {
  localRepositoriesUrlReader,
} from '@internal/plugin-scaffolder-backend-module-azure-ml';
import azureMlPlugin from '@internal/plugin-azure-ml-backend';

/*
 * The portal's error answers as a production deployment gives them (NODE_ENV=production, set
 * before the backend starts, as the error handler reads it then): no stack trace and no
 * absolute path of the server (repository, temp folders, node_modules) in any error body,
 * whichever plugin or failure produced it.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const serverPaths = [repoRoot, os.tmpdir(), os.homedir(), 'node_modules'];

jest.setTimeout(60_000);

const template = (steps: Array<{ action: string; input: object }>) => ({
  template: {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name: 'probe' },
    spec: {
      type: 'service',
      steps: steps.map((step, i) => ({ id: `s${i}`, name: 's', ...step })),
    },
  },
  values: {},
  directoryContents: [],
});

describe('error bodies of the production backend', () => {
  const previousEnv = process.env.NODE_ENV;
  let backend: TestBackend;
  const database = destroyableDatabase();

  beforeAll(async () => {
    process.env.NODE_ENV = 'production';
    backend = await startTestBackend({
      features: [
        database.factory,
        catalogPlugin,
        scaffolderPlugin,
        scaffolderAzureMlModule,
        localRepositoriesUrlReader,
        azureMlPlugin,
        mockServices.rootConfig.factory({
          data: {
            app: { baseUrl: 'http://localhost:3000' },
            backend: { baseUrl: 'http://localhost:7007' },
            catalog: {
              rules: [{ allow: ['Component', 'System', 'Group', 'User'] }],
              locations: [
                {
                  type: 'file',
                  target: path.join(repoRoot, 'examples/entities.yaml'),
                },
              ],
              processingInterval: { seconds: 1 },
            },
            azureMl: {
              // Nothing listens there: every ARM call fails at once.
              arm: {
                endpoint: 'http://127.0.0.1:9',
                credential: 'none',
                maxRetries: 0,
              },
              environments: {
                dev: {
                  subscriptionId: '00000000-0000-0000-0000-000000000001',
                  resourceGroup: 'rg-aml-dev',
                  workspace: 'mlw-dev',
                  registry: 'mlr-dev',
                  location: 'westeurope',
                },
                prod: {
                  subscriptionId: '00000000-0000-0000-0000-000000000002',
                  resourceGroup: 'rg-aml-prod',
                  workspace: 'mlw-prod',
                  registry: 'mlr-prod',
                  location: 'westeurope',
                },
              },
              scaffolder: {
                pipelinesSource: 'no-such-folder',
                localPublishRoot: path.join(os.tmpdir(), 'azure-ml-probe'),
              },
            },
          },
        }),
      ],
    });
    // Until the catalog has the example component.
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      const res = await request(backend.server)
        .get('/api/catalog/entities/by-name/component/default/taxi-fare')
        .set('Authorization', mockCredentials.user.header());
      if (res.status === 200) break;
      await new Promise(r => setTimeout(r, 250));
    }
  });

  afterAll(async () => {
    await backend?.stop();
    await database.destroy();
    process.env.NODE_ENV = previousEnv;
  });

  const user = mockCredentials.user.header();
  const get = (url: string) =>
    request(backend.server).get(url).set('Authorization', user);
  const dryRun = (action: string, input: object) =>
    request(backend.server)
      .post('/api/scaffolder/v2/dry-run')
      .set('Authorization', user)
      .send(template([{ action, input }]));
  const models = '/api/azure-ml/entities/component/default';
  const probes: Array<[string, number, () => request.Test]> = [
    ['an unknown entity', 404, () => get(`${models}/nobody/models`)],
    [
      'an encoded / in the kind',
      400,
      () => get('/api/azure-ml/entities/%2f/default/taxi-fare/models'),
    ],
    ['an unreachable ARM', 502, () => get(`${models}/taxi-fare/models`)],
    [
      'a forged cursor',
      400,
      () => get(`${models}/taxi-fare/models?cursor=eyJxIjoxfQ.AAAA`),
    ],
    [
      'a body that is not JSON',
      400,
      () =>
        request(backend.server)
          .post('/api/azure-ml/promotions/evaluate')
          .set('Authorization', user)
          .set('content-type', 'application/json')
          .send('{"entityRef":'),
    ],
    [
      'a token that is not valid',
      401,
      () =>
        request(backend.server)
          .get('/api/azure-ml/environments')
          .set('Authorization', 'Bearer not-a-token'),
    ],
    [
      'a scaffolder step whose configured source is missing',
      400,
      () =>
        dryRun('azure-ml:pipelines:fetch', {
          experimentName: 'e',
          computeName: 'cpu',
          modelName: 'm',
        }),
    ],
    [
      'a scaffolder step with invalid input',
      400,
      () => dryRun('azure-ml:environment:validate', { environment: 42 }),
    ],
    ['an unknown scaffolder action', 404, () => dryRun('no:such:action', {})],
    [
      'an unknown catalog entity',
      404,
      () => get('/api/catalog/entities/by-name/component/default/nobody'),
    ],
  ];

  it.each(probes)(
    '%s: %i, no stack, no server path',
    async (_what, status, probe) => {
      const res = await probe();
      expect(res.status).toBe(status);
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/"stack"/);
      expect(text).not.toMatch(/\s+at \S+ \(/);
      for (const serverPath of serverPaths) {
        expect(text).not.toContain(serverPath);
      }
    },
  );
});
