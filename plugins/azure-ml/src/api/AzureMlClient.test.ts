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
});
