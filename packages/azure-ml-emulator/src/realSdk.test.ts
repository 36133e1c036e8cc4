import { AzureMachineLearningWorkspaces } from '@azure/arm-machinelearning';
import { ServiceClient } from '@azure/core-client';
import {
  createHttpHeaders,
  createPipelineRequest,
  PipelineResponse,
} from '@azure/core-rest-pipeline';
import type { TokenCredential } from '@azure/identity';
import { EmulatorServer, startEmulatorServer } from './startEmulatorServer';
import { DEV, PROD } from './seed/constants';

/** The backend's `credential: none` mode: any credential, bearer policy removed (plain http). */
const credential: TokenCredential = {
  getToken: async () => ({
    token: 'unused',
    expiresOnTimestamp: Date.now() + 3_600_000,
  }),
};

let server: EmulatorServer;
beforeAll(async () => {
  server = await startEmulatorServer({ port: 0, dnsPort: false, pageSize: 5 });
});
afterAll(() => server.close());

function workspacesClient(subscriptionId: string) {
  const client = new AzureMachineLearningWorkspaces(
    credential,
    subscriptionId,
    {
      endpoint: server.url,
      allowInsecureConnection: true,
    },
  );
  client.pipeline.removePolicy({ name: 'bearerTokenAuthenticationPolicy' });
  return client;
}

async function all<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe('@azure/arm-machinelearning 2.1.1 against the standalone server', () => {
  it('lists workspace models, model versions and pipeline jobs (following nextLink)', async () => {
    const client = workspacesClient(DEV.subscriptionId);
    const workspace = await client.workspaces.get(
      DEV.resourceGroup,
      DEV.workspace,
    );
    expect(workspace.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    const models = await all(
      client.modelContainers.list(DEV.resourceGroup, DEV.workspace),
    );
    expect(models.map(m => m.name)).toEqual([
      'taxi-fare-baseline',
      'taxi-fare-model',
    ]);
    const versions = await all(
      client.modelVersions.list(
        DEV.resourceGroup,
        DEV.workspace,
        'taxi-fare-model',
      ),
    );
    expect(versions.map(v => v.name).sort()).toEqual(['1', '2', '3']);
    expect(versions[0].properties.properties?.['metric.rmse']).toMatch(/^\d/);
    const jobs = await all(
      client.jobs.list(DEV.resourceGroup, DEV.workspace, {
        jobType: 'Pipeline',
      }),
    );
    expect(jobs.length).toBeGreaterThanOrEqual(20);
    expect(new Set(jobs.map(j => j.name)).size).toBe(jobs.length);
    expect(jobs[0].properties.jobType).toBe('Pipeline');
    const job = await client.jobs.get(
      DEV.resourceGroup,
      DEV.workspace,
      jobs[0].name!,
    );
    expect(job.properties.experimentName).toBe('taxi-fare-train');
    expect(server.emulator.stats.byRoute.Jobs_List).toBeGreaterThan(1);
  });

  it('surfaces ARM errors as RestError with the ARM code', async () => {
    const client = workspacesClient(DEV.subscriptionId);
    await expect(
      client.modelVersions.get(
        DEV.resourceGroup,
        DEV.workspace,
        'taxi-fare-model',
        '99',
      ),
    ).rejects.toMatchObject({
      statusCode: 404,
      code: 'ResourceNotFound',
    });
  });
});

describe('registry operations through the Azure core pipeline', () => {
  const API = '2024-04-01';
  const client = () => {
    const c = new ServiceClient({
      endpoint: server.url,
      allowInsecureConnection: true,
    });
    return c;
  };
  const send = (
    method: 'GET' | 'PUT',
    url: string,
    body?: unknown,
  ): Promise<PipelineResponse> =>
    client().sendRequest(
      createPipelineRequest({
        url,
        method,
        allowInsecureConnection: true,
        headers: createHttpHeaders({ 'content-type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
      }),
    );
  const registry = (env = DEV) =>
    `${server.url}/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${env.registry}`;

  it('lists registry model versions by following nextLink', async () => {
    const names: string[] = [];
    let next:
      | string
      | undefined = `${registry()}/models/taxi-fare-model/versions?api-version=${API}`;
    while (next) {
      const res = await send('GET', next);
      expect(res.status).toBe(200);
      const body = JSON.parse(res.bodyAsText!);
      names.push(...body.value.map((v: { name: string }) => v.name));
      next = body.nextLink;
    }
    expect(names).toHaveLength(10);
    expect(new Set(names).size).toBe(10);
  });

  it('creates a registry model version with long-running-operation polling', async () => {
    const target = `${registry(
      PROD,
    )}/models/taxi-fare-model/versions/9?api-version=${API}`;
    const created = await send('PUT', target, {
      properties: {
        modelUri:
          'azureml://registries/mlr-dev/models/taxi-fare-model/versions/9',
        properties: { 'metric.rmse': '3.54' },
      },
    });
    expect(created.status).toBe(201);
    const statusUrl = created.headers.get('azure-asyncoperation')!;
    let status = 'InProgress';
    for (let i = 0; i < 5 && status === 'InProgress'; i++) {
      const poll = await send('GET', statusUrl);
      status = JSON.parse(poll.bodyAsText!).status;
    }
    expect(status).toBe('Succeeded');
    const version = JSON.parse((await send('GET', target)).bodyAsText!);
    expect(version.properties.properties['metric.rmse']).toBe('3.54');
  });
});

describe('HTTPS with a bearer token (the full credential path)', () => {
  let tlsServer: EmulatorServer;
  beforeAll(async () => {
    tlsServer = await startEmulatorServer({
      port: 0,
      dnsPort: false,
      https: true,
      requireAuth: true,
    });
  });
  afterAll(() => tlsServer.close());

  it('serves the SDK over TLS with the bearer policy in place', async () => {
    const getToken = jest.fn(credential.getToken);
    const client = new AzureMachineLearningWorkspaces(
      { getToken },
      DEV.subscriptionId,
      {
        endpoint: tlsServer.url,
        tlsOptions: { ca: tlsServer.certificate },
      },
    );
    expect(tlsServer.url).toMatch(/^https:/);
    const versions = await all(
      client.modelVersions.list(
        DEV.resourceGroup,
        DEV.workspace,
        'taxi-fare-model',
      ),
    );
    expect(versions).toHaveLength(3);
    expect(getToken).toHaveBeenCalled();
  });
});
