import {
  mockApis,
  MockFetchApi,
  registerMswTestHooks,
} from '@backstage/test-utils';
import { ResponseError } from '@backstage/errors';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  environments,
  modelVersion,
  taxiFareRef,
} from '../__testUtils__/fixtures';
import { errorMessage } from '../lib/errors';
import { AzureMlClient } from './AzureMlClient';

const baseUrl = 'http://backstage.test/api/azure-ml';
const server = setupServer();

describe('AzureMlClient', () => {
  registerMswTestHooks(server);

  const client = new AzureMlClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://backstage.test' }),
    fetchApi: new MockFetchApi(),
  });

  it('reads the environments', async () => {
    server.use(
      http.get(`${baseUrl}/environments`, () =>
        HttpResponse.json({ items: environments }),
      ),
    );
    await expect(client.getEnvironments()).resolves.toEqual({
      items: environments,
    });
  });

  it('asks for a page of model versions of the entity with its filters', async () => {
    let requested: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/taxi-fare/models`,
        ({ request }) => {
          requested = new URL(request.url);
          return HttpResponse.json({
            items: [modelVersion({ version: '1' })],
            nextCursor: 'c2',
          });
        },
      ),
    );
    const page = await client.getModelVersions(taxiFareRef, {
      environment: 'dev',
      cursor: 'c1',
      limit: 5,
    });
    expect(page.nextCursor).toBe('c2');
    expect(page.items[0].version).toBe('1');
    expect(Object.fromEntries(requested!.searchParams)).toEqual({
      environment: 'dev',
      cursor: 'c1',
      limit: '5',
    });
  });

  it('leaves out absent query parameters', async () => {
    let requested: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/taxi-fare/runs`,
        ({ request }) => {
          requested = new URL(request.url);
          return HttpResponse.json({ items: [] });
        },
      ),
    );
    await client.getPipelineRuns(taxiFareRef, { status: 'Failed' });
    expect(requested!.search).toBe('?status=Failed');
  });

  it("narrows pipeline runs to one environment's workspace", async () => {
    let requested: URL | undefined;
    server.use(
      http.get(
        `${baseUrl}/entities/component/default/taxi-fare/runs`,
        ({ request }) => {
          requested = new URL(request.url);
          return HttpResponse.json({ items: [] });
        },
      ),
    );
    await client.getPipelineRuns(taxiFareRef, { environment: 'prod' });
    expect(requested!.search).toBe('?environment=prod');
  });

  it("asks for a page of an environment's registry models", async () => {
    let requested: URL | undefined;
    server.use(
      http.get(`${baseUrl}/environments/dev/models`, ({ request }) => {
        requested = new URL(request.url);
        return HttpResponse.json({
          items: [
            {
              name: 'taxi-fare-model',
              environment: 'dev',
              registry: 'mlr-dev',
              latestVersion: '10',
              champion: '9',
              tags: { champion: '9' },
              entityRef: 'resource:default/taxi-fare-model',
              studioUrl:
                'https://ml.azure.com/registries/mlr-dev/models/taxi-fare-model',
            },
          ],
          nextCursor: 'm2',
        });
      }),
    );
    const page = await client.getEnvironmentModels('dev', {
      cursor: 'm1',
      limit: 10,
    });
    expect(page.items[0].champion).toBe('9');
    expect(page.nextCursor).toBe('m2');
    expect(Object.fromEntries(requested!.searchParams)).toEqual({
      cursor: 'm1',
      limit: '10',
    });
  });

  it("asks for a page of an environment's workspace runs with its filters", async () => {
    let requested: URL | undefined;
    server.use(
      http.get(`${baseUrl}/environments/prod/runs`, ({ request }) => {
        requested = new URL(request.url);
        return HttpResponse.json({ items: [] });
      }),
    );
    await expect(
      client.getEnvironmentRuns('prod', {
        experiment: 'churn-train',
        status: 'Failed',
        limit: 5,
      }),
    ).resolves.toEqual({ items: [] });
    expect(Object.fromEntries(requested!.searchParams)).toEqual({
      experiment: 'churn-train',
      status: 'Failed',
      limit: '5',
    });
  });

  it('throws a ResponseError with the backend error body', async () => {
    server.use(
      http.get(`${baseUrl}/registries`, () =>
        HttpResponse.json(
          {
            error: { name: 'NotAllowedError', message: 'not for you' },
            request: { method: 'GET', url: '/registries' },
            response: { statusCode: 403 },
          },
          { status: 403 },
        ),
      ),
    );
    const error = await client.getRegistries().catch(e => e);
    expect(error).toBeInstanceOf(ResponseError);
    expect(error.response.status).toBe(403);
    expect(error.body.error.name).toBe('NotAllowedError');
  });

  describe('promotion', () => {
    const input = {
      entityRef: 'component:default/taxi-fare',
      model: 'taxi-fare-model',
      version: '9',
    };
    const stored = { id: 'p1', state: 'pending_approval' };

    it('reads the settings, and undefined when promotion is not configured (404)', async () => {
      server.use(
        http.get(`${baseUrl}/promotion-settings`, () =>
          HttpResponse.json(
            { error: { name: 'NotFoundError', message: 'not configured' } },
            { status: 404 },
          ),
        ),
      );
      await expect(client.getPromotionSettings()).resolves.toBeUndefined();
    });

    it('posts a request as JSON and tells a new request (201) from the active one (200)', async () => {
      const bodies: unknown[] = [];
      let status = 201;
      server.use(
        http.post(`${baseUrl}/promotions`, async ({ request }) => {
          expect(request.headers.get('content-type')).toBe('application/json');
          bodies.push(await request.json());
          return HttpResponse.json(stored, { status });
        }),
      );
      await expect(client.requestPromotion(input)).resolves.toEqual({
        promotion: stored,
        created: true,
      });
      status = 200;
      await expect(client.requestPromotion(input)).resolves.toEqual({
        promotion: stored,
        created: false,
      });
      expect(bodies).toEqual([input, input]);
    });

    it('approves with the comment and lists with the entity and state filters', async () => {
      let approveBody: unknown;
      let listed: URL | undefined;
      server.use(
        http.post(`${baseUrl}/promotions/p1/approve`, async ({ request }) => {
          approveBody = await request.json();
          return HttpResponse.json({ ...stored, state: 'approved' });
        }),
        http.get(`${baseUrl}/promotions`, ({ request }) => {
          listed = new URL(request.url);
          return HttpResponse.json({ items: [stored] });
        }),
      );
      await client.approvePromotion('p1', 'ok');
      expect(approveBody).toEqual({ comment: 'ok' });
      await client.listPromotions({
        entityRef: 'Component:default/Taxi-Fare',
        state: 'pending_approval',
        limit: 5,
      });
      expect(Object.fromEntries(listed!.searchParams)).toEqual({
        entityRef: 'component:default/taxi-fare',
        state: 'pending_approval',
        limit: '5',
      });
    });

    it("fails with the backend's message, which the UI shows as it is", async () => {
      server.use(
        http.post(`${baseUrl}/rollbacks`, () =>
          HttpResponse.json(
            {
              error: {
                name: 'ConflictError',
                message:
                  'No promotion of taxi-fare-model recorded an earlier champion',
              },
              // The backend's error body (Backstage's error handler) has both.
              request: { method: 'POST', url: '/rollbacks' },
              response: { statusCode: 409 },
            },
            { status: 409 },
          ),
        ),
      );
      const error = await client
        .rollback({ entityRef: input.entityRef, model: input.model })
        .catch(e => e);
      expect(error).toBeInstanceOf(ResponseError);
      expect(errorMessage(error)).toBe(
        'No promotion of taxi-fare-model recorded an earlier champion',
      );
    });
  });
});
