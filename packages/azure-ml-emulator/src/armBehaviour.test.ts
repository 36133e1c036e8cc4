import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupServer } from 'msw/node';
import { createAzureMlEmulator } from './createAzureMlEmulator';
import { API, paths } from './testUtils';
import { CENTRAL_DNS, DEV, PROD } from './seed/constants';

const BASE = 'https://management.azure.com';
const emulator = createAzureMlEmulator({ lroSettleMs: 60_000 });
const server = setupServer(...emulator.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  emulator.faults.reset();
  emulator.stats.reset();
  emulator.resetState();
});
afterAll(() => server.close());

const url = (p: string) => (p.startsWith('http') ? p : `${BASE}${p}`);
const get = (p: string, init?: RequestInit) => fetch(url(p), init);
const put = (p: string, body: unknown) =>
  fetch(url(p), {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });

async function collect(p: string) {
  const items: any[] = [];
  let next: string | undefined = url(p);
  let pages = 0;
  while (next) {
    const res = await get(next);
    expect(res.status).toBe(200);
    const body = await res.json();
    items.push(...body.value);
    next = body.nextLink;
    pages += 1;
  }
  return { items, pages };
}

const versions = `${paths.registry()}/models/taxi-fare-model/versions`;

describe('ARM conventions', () => {
  it('requires and checks api-version', async () => {
    const missing = await get(paths.workspace());
    expect(missing.status).toBe(400);
    expect((await missing.json()).error.code).toBe(
      'MissingApiVersionParameter',
    );
    // Not a version at all: ARM's InvalidApiVersionParameter.
    const malformed = await get(`${paths.workspace()}?api-version=latest`);
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toEqual({
      code: 'InvalidApiVersionParameter',
      message:
        "The api-version 'latest' is invalid. The supported versions are '2022-10-01, 2023-04-01, 2024-04-01'.",
    });
  });

  it('rejects a well-formed api-version it does not emulate as ARM does (400 NoRegisteredProviderFound)', async () => {
    const unknown = await get(`${paths.workspace()}?api-version=2019-01-01`);
    expect(unknown.status).toBe(400);
    expect((await unknown.json()).error).toEqual({
      code: 'NoRegisteredProviderFound',
      message:
        "No registered resource provider found for location 'westeurope' and API version '2019-01-01' for type 'workspaces'. The supported api-versions are '2022-10-01, 2023-04-01, 2024-04-01'.",
    });
    const rejected: Array<[string, string]> = [
      // Registries are not in stable 2022-10-01.
      [`${paths.registry()}/models/taxi-fare-model/versions`, '2022-10-01'],
      [`${paths.registry()}`, '2022-05-01'],
      // Previews and newer versions: shapes not checked, so not emulated.
      [`${paths.workspace()}/jobs`, '2024-04-01-preview'],
      [`${paths.workspace()}/jobs`, '2024-10-01'],
      [`${paths.workspace()}/privateEndpointConnections`, '2025-04-01'],
      [
        `/subscriptions/${DEV.subscriptionId}/resourceGroups/${DEV.resourceGroup}/providers/Microsoft.Network/virtualNetworks`,
        '2023-09-01',
      ],
      [
        `${paths.dnsZones}/${CENTRAL_DNS.zones.api}/virtualNetworkLinks`,
        '2020-06-01',
      ],
    ];
    for (const [route, apiVersion] of rejected) {
      const res = await get(`${route}?api-version=${apiVersion}`);
      expect({
        route,
        apiVersion,
        status: res.status,
        code: (await res.json()).error.code,
      }).toEqual({
        route,
        apiVersion,
        status: 400,
        code: 'NoRegisteredProviderFound',
      });
    }
    const vnets = await (
      await get(
        `/subscriptions/${DEV.subscriptionId}/resourceGroups/${DEV.resourceGroup}/providers/Microsoft.Network/virtualNetworks?api-version=2024-03-01`,
      )
    ).json();
    expect(vnets.error.message).toContain("for type 'virtualNetworks'");
    expect(vnets.error.message).toContain(
      "The supported api-versions are '2024-05-01'",
    );
    const links = await (
      await get(
        `${paths.dnsZones}/${CENTRAL_DNS.zones.api}/virtualNetworkLinks?api-version=2020-06-01`,
      )
    ).json();
    expect(links.error.message).toMatch(
      /^No registered resource provider found for location 'global' and API version '2020-06-01' for type 'privateDnsZones\/virtualNetworkLinks'/,
    );
  });

  it('answers at each api-version it emulates', async () => {
    for (const apiVersion of ['2022-10-01', '2023-04-01', '2024-04-01']) {
      expect(
        (await get(`${paths.workspace()}/jobs?api-version=${apiVersion}`))
          .status,
      ).toBe(200);
    }
    for (const apiVersion of ['2023-04-01', '2024-04-01']) {
      expect((await get(`${versions}?api-version=${apiVersion}`)).status).toBe(
        200,
      );
    }
  });

  it('answers 404 ResourceNotFound with an ARM error body and request id', async () => {
    const res = await get(
      `${paths.registry()}/models/taxi-fare-model/versions/999?${API}`,
    );
    expect(res.status).toBe(404);
    expect(res.headers.get('x-ms-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const body = await res.json();
    expect(body.error.code).toBe('ResourceNotFound');
    expect(typeof body.error.message).toBe('string');
  });

  it('accepts any casing of the fixed id segments', async () => {
    const res = await get(
      `${paths
        .workspace()
        .replace('resourceGroups', 'resourcegroups')
        .replace(
          'Microsoft.MachineLearningServices',
          'microsoft.machinelearningservices',
        )}?${API}`,
    );
    expect(res.status).toBe(200);
    const ws = await res.json();
    expect(ws.properties.workspaceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(ws.properties.publicNetworkAccess).toBe('Disabled');
    expect(ws.properties.managedNetwork.isolationMode).toBe(
      'AllowOnlyApprovedOutbound',
    );
    expect(ws.properties.privateEndpointConnections).toHaveLength(1);
  });

  it('answers a workspace in the shape of the api-version asked for', async () => {
    const newer = await (
      await get(`${paths.workspace()}?api-version=2024-04-01`)
    ).json();
    expect(newer.properties.managedNetwork.isolationMode).toBe(
      'AllowOnlyApprovedOutbound',
    );
    // 2022-10-01 (the npm SDK's) and stable 2023-04-01 have no managedNetwork in their schema.
    for (const apiVersion of ['2022-10-01', '2023-04-01']) {
      const older = await (
        await get(`${paths.workspace()}?api-version=${apiVersion}`)
      ).json();
      expect(older.properties).not.toHaveProperty('managedNetwork');
      expect(older.properties).not.toHaveProperty('enableDataIsolation');
      expect(older).not.toHaveProperty('kind');
      expect(older.properties.workspaceId).toBe(newer.properties.workspaceId);
    }
  });

  it('answers model containers and versions in the shape of the api-version asked for', async () => {
    const models = `${paths.workspace()}/models/taxi-fare-model`;
    // Stable 2022-10-01 (the npm SDK's): ModelContainer and ModelVersion have no
    // provisioningState, ModelVersion no stage; both are in 2023-04-01 and 2024-04-01.
    const oldContainer = await (
      await get(`${models}?api-version=2022-10-01`)
    ).json();
    expect(oldContainer.properties).not.toHaveProperty('provisioningState');
    expect(oldContainer.properties.latestVersion).toBe('3');
    const oldList = await (
      await get(`${models}/versions?api-version=2022-10-01`)
    ).json();
    expect(oldList.value.length).toBeGreaterThan(0);
    for (const version of oldList.value) {
      expect(version.properties).not.toHaveProperty('stage');
      expect(version.properties).not.toHaveProperty('provisioningState');
      expect(version.properties.modelUri).toMatch(/^azureml:/);
    }
    const oldOne = await (
      await get(`${models}/versions/1?api-version=2022-10-01`)
    ).json();
    expect(Object.keys(oldOne.properties)).not.toContain('stage');
    for (const apiVersion of ['2023-04-01', '2024-04-01']) {
      const container = await (
        await get(`${models}?api-version=${apiVersion}`)
      ).json();
      expect(container.properties.provisioningState).toBe('Succeeded');
      const version = await (
        await get(`${models}/versions/1?api-version=${apiVersion}`)
      ).json();
      expect(version.properties).toHaveProperty('stage');
      expect(version.properties.provisioningState).toBe('Succeeded');
    }
  });

  it('lists registries with their private endpoint connections', async () => {
    const { items } = await collect(
      `/subscriptions/${PROD.subscriptionId}/providers/Microsoft.MachineLearningServices/registries?${API}`,
    );
    expect(items.map(r => r.name)).toEqual(['mlr-prod']);
    expect(
      items[0].properties.registryPrivateEndpointConnections[0].properties
        .registryPrivateLinkServiceConnectionState.status,
    ).toBe('Approved');
    expect(items[0].properties.discoveryUrl).toContain(
      '/registries/mlr-prod/discovery',
    );
  });
});

describe('model versions', () => {
  it('pages a 10,000-version registry returning every version exactly once', async () => {
    const large = createAzureMlEmulator({
      baseUrl: 'https://large.example',
      largeRegistryVersions: 10_000,
    });
    server.use(...large.handlers);
    const items: string[] = [];
    let next:
      | string
      | undefined = `https://large.example${versions}?${API}&$top=100`;
    while (next) {
      const body: any = await (await fetch(next)).json();
      items.push(...body.value.map((v: any) => v.name));
      next = body.nextLink;
    }
    expect(items).toHaveLength(10_000);
    expect(new Set(items).size).toBe(10_000);
    expect(large.stats.byRoute.RegistryModelVersions_List).toBe(100);
  });

  it('orders by createdtime (parsed, whatever the offset) and by version', async () => {
    const desc = (await collect(`${versions}?${API}&$orderBy=createdtime desc`))
      .items;
    const times = desc.map(v =>
      Date.parse(v.systemData.createdAt.replace(/(\.\d{3})\d+/, '$1')),
    );
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(desc.some(v => !v.systemData.createdAt.endsWith('+00:00'))).toBe(
      true,
    );
    const asc = (
      await collect(`${versions}?${API}&$orderBy=version asc`)
    ).items.map(v => v.name);
    expect(asc).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    expect((await get(`${versions}?${API}&$orderBy=bogus`)).status).toBe(400);
  });

  it('carries metrics as string properties (one N/A) and job lineage', async () => {
    const { items } = await collect(`${versions}?${API}`);
    expect(
      items.find(v => v.name === '4').properties.properties['metric.r2'],
    ).toBe('N/A');
    const jobs = (
      await collect(`${paths.workspace()}/jobs?${API}&jobType=Pipeline`)
    ).items.map(j => j.name);
    for (const v of items) {
      expect(jobs).toContain(v.properties.jobName);
      expect(v.systemData.createdBy).toBeTruthy();
    }
  });

  it('filters on tags and properties', async () => {
    const prod = `${paths.registry(PROD)}/models/taxi-fare-model/versions`;
    expect(
      (await collect(`${prod}?${API}&tags=champion`)).items.map(v => v.name),
    ).toEqual(['8']);
    expect(
      (await collect(`${versions}?${API}&properties=metric.r2=N/A`)).items.map(
        v => v.name,
      ),
    ).toEqual(['4']);
  });

  it('keeps the champion pointer on the prod container', async () => {
    const container = await (
      await get(`${paths.registry(PROD)}/models/taxi-fare-model?${API}`)
    ).json();
    expect(container.properties.tags.champion).toBe('8');
    expect(container.properties.latestVersion).toBe('8');
  });

  it('creates workspace versions synchronously (201, then 200 on update)', async () => {
    const target = `${paths.workspace()}/models/taxi-fare-model/versions/4?${API}`;
    const created = await put(target, {
      properties: { properties: { 'metric.rmse': '3.1' } },
    });
    expect(created.status).toBe(201);
    const updated = await put(target, {
      properties: { tags: { stage: 'candidate' } },
    });
    expect(updated.status).toBe(200);
    expect((await (await get(target)).json()).properties.tags).toEqual({
      stage: 'candidate',
    });
    expect((await put(target, 'nope')).status).toBe(400);
  });
});

describe('long-running registry writes', () => {
  async function pollStatus(statusUrl: string) {
    const seen: string[] = [];
    for (let i = 0; i < 10; i++) {
      const body = await (await get(statusUrl)).json();
      seen.push(body.status);
      if (body.status !== 'InProgress') return { seen, body };
    }
    throw new Error('operation never settled');
  }

  it('completes through Azure-AsyncOperation polling, then GET shows the version', async () => {
    const target = `${paths.registry(
      PROD,
    )}/models/taxi-fare-model/versions/10?${API}`;
    const res = await put(target, {
      properties: {
        modelUri:
          'azureml://registries/mlr-dev/models/taxi-fare-model/versions/10',
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers.get('Location')).toContain('/mfeOperationResults/');
    expect((await get(target)).status).toBe(404);
    const { seen } = await pollStatus(res.headers.get('Azure-AsyncOperation')!);
    expect(seen).toEqual(['InProgress', 'Succeeded']);
    const version = await (await get(target)).json();
    expect(version.properties.provisioningState).toBe('Succeeded');
    expect(version.properties.modelUri).toContain('mlr-dev');
  });

  it('completes through Location polling (202 then 200 with the resource)', async () => {
    const target = `${paths.registry(PROD)}/models/taxi-fare-model?${API}`;
    const res = await put(target, { properties: { tags: { champion: '5' } } });
    const location = res.headers.get('Location')!;
    expect((await get(location)).status).toBe(202);
    const done = await get(location);
    expect(done.status).toBe(200);
    expect((await done.json()).properties.tags.champion).toBe('5');
    const container = await (await get(target)).json();
    expect(container.properties.tags.champion).toBe('5');
    expect(container.properties.latestVersion).toBe('8');
  });

  it('fails when the lroFailure fault is set, and nothing lands', async () => {
    emulator.faults.set({
      routes: { RegistryModelVersions_CreateOrUpdate: { lroFailure: true } },
    });
    const target = `${paths.registry(
      PROD,
    )}/models/taxi-fare-model/versions/11?${API}`;
    const res = await put(target, { properties: {} });
    const { body } = await pollStatus(res.headers.get('Azure-AsyncOperation')!);
    expect(body.status).toBe('Failed');
    expect(body.error.code).toBe('OperationFailed');
    expect((await get(res.headers.get('Location')!)).status).toBe(400);
    expect((await get(target)).status).toBe(404);
  });
});

describe('jobs', () => {
  it('lists ≥ 20 pipeline runs with all statuses, every one exactly once', async () => {
    const { items, pages } = await collect(
      `${paths.workspace()}/jobs?${API}&jobType=Pipeline`,
    );
    expect(pages).toBeGreaterThan(1);
    expect(items.length).toBeGreaterThanOrEqual(20);
    expect(new Set(items.map(j => j.name)).size).toBe(items.length);
    expect(new Set(items.map(j => j.properties.status))).toEqual(
      new Set([
        'NotStarted',
        'Starting',
        'Provisioning',
        'Preparing',
        'Queued',
        'Running',
        'Finalizing',
        'CancelRequested',
        'Completed',
        'Failed',
        'Canceled',
        'NotResponding',
        'Paused',
      ]),
    );
    expect(
      items.every(j => j.properties.experimentName === 'taxi-fare-train'),
    ).toBe(true);
  });

  it('lists the steps of a pipeline run by the azureml.pipelinerunid property', async () => {
    const { items } = await collect(
      `${paths.workspace()}/jobs?${API}&jobType=Pipeline&tag=trigger=schedule`,
    );
    expect(items.length).toBeGreaterThan(0);
    const pipeline = items[0];
    // The steps of pipelines/taxi-fare-train-pipeline.yaml, as definitions (no status).
    expect(Object.keys(pipeline.properties.jobs)).toEqual([
      'transform',
      'train',
      'compare',
      'register',
      'score',
    ]);
    for (const step of Object.values<any>(pipeline.properties.jobs)) {
      expect(step.type).toBe('command');
      expect(step).not.toHaveProperty('status');
      expect(step).not.toHaveProperty('condition');
    }
    expect(pipeline.properties.jobs.register.inputs.decision).toEqual({
      job_input_type: 'literal',
      value: '${{parent.jobs.compare.outputs.decision}}',
    });
    const steps = (
      await collect(
        `${paths.workspace()}/jobs?${API}&properties=azureml.pipelinerunid=${
          pipeline.name
        }`,
      )
    ).items;
    expect(steps.map(s => s.properties.displayName).sort()).toEqual([
      'compare',
      'register',
      'score',
      'train',
      'transform',
    ]);
    const step = await (
      await get(`${paths.workspace()}/jobs/${steps[0].name}?${API}`)
    ).json();
    expect(step.properties.jobType).toBe('Command');
  });
});

describe('names that are properties of every object', () => {
  it.each([
    `${paths.registry()}/models/constructor`,
    `${paths.registry()}/models/__proto__`,
    `${paths.registry()}/models/toString/versions/1`,
    `${paths.registry()}/models/taxi-fare-model/versions/constructor`,
    `${paths.registry()}/models/taxi-fare-model/versions/__proto__`,
    `${paths.workspace()}/jobs/constructor`,
    `${paths.workspace()}/jobs/hasOwnProperty`,
    `/subscriptions/${PROD.subscriptionId}/providers/Microsoft.MachineLearningServices/locations/westeurope/mfeOperationsStatus/constructor`,
  ])('GET %s → 404', async resource => {
    const res = await get(`${resource}?${API}`);
    expect(res.status).toBe(404);
    expect((await res.json()).error.code).toMatch(/NotFound/);
  });

  it('stores a model named constructor as any other, without touching Object.prototype', async () => {
    const target = `${paths.registry()}/models/constructor/versions/1?${API}`;
    const created = await put(target, { properties: { modelUri: 'x' } });
    expect(created.status).toBe(201);
    const status = created.headers.get('Azure-AsyncOperation')!;
    for (let i = 0; i < 10; i++) {
      if ((await (await get(status)).json()).status !== 'InProgress') break;
    }
    const res = await get(target);
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('1');
    expect(Object.prototype).not.toHaveProperty('versions');
    expect(Object.prototype).not.toHaveProperty('container');
  });
});

describe('faults', () => {
  it('answers HTTP 200 with an error body when asked to', async () => {
    emulator.faults.set({
      routes: { RegistryModelVersions_List: { errorBodyWith200: true } },
    });
    const res = await get(`${versions}?${API}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      error: expect.objectContaining({ code: 'InternalServerError' }),
    });
  });

  it('throttles with 429 + Retry-After', async () => {
    emulator.faults.set({ throttle: { retryAfterSeconds: 7 } });
    const res = await get(`${paths.workspace()}?${API}`);
    expect(res.status).toBe(429);
    expect(res.headers.get('Retry-After')).toBe('7');
    expect((await res.json()).error.code).toBe('TooManyRequests');
  });

  it('injects 5xx per route only', async () => {
    emulator.faults.set({
      routes: { Jobs: { errorRate: 1, errorStatus: 503 } },
    });
    expect((await get(`${paths.workspace()}/jobs?${API}`)).status).toBe(503);
    expect((await get(`${paths.workspace()}?${API}`)).status).toBe(200);
  });

  it('adds latency', async () => {
    emulator.faults.set({ latencyMs: 150 });
    const started = Date.now();
    await get(`${paths.workspace()}?${API}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('can be set through the admin endpoint and counts ARM calls only', async () => {
    const res = await fetch(`${BASE}/_emulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ errorRate: 1 }),
    });
    expect(await res.json()).toEqual({ errorRate: 1 });
    expect((await get(`${paths.workspace()}?${API}`)).status).toBe(500);
    await fetch(`${BASE}/_emulator/faults`, { method: 'DELETE' });
    expect((await get(`${paths.workspace()}?${API}`)).status).toBe(200);
    const stats = await (await fetch(`${BASE}/_emulator/stats`)).json();
    expect(stats).toEqual({ armCalls: 2, byRoute: { Workspaces_Get: 2 } });
  });

  it('hides a zone link from ARM with missingZoneLink', async () => {
    const links = `${paths.dnsZones}/${CENTRAL_DNS.zones.notebooks}/virtualNetworkLinks?api-version=2024-06-01`;
    expect((await collect(links)).items).toHaveLength(2);
    emulator.faults.set({
      dns: {
        missingZoneLink: [
          {
            zone: CENTRAL_DNS.zones.notebooks,
            virtualNetwork: 'vnet-aml-prod',
          },
        ],
      },
    });
    expect((await collect(links)).items.map(l => l.name)).toEqual([
      'link-vnet-aml-dev',
    ]);
  });

  it('requires a bearer token only when configured so', async () => {
    const strict = createAzureMlEmulator({
      baseUrl: 'https://strict.example',
      requireAuth: true,
    });
    server.use(...strict.handlers);
    expect(
      (await fetch(`https://strict.example${paths.workspace()}?${API}`)).status,
    ).toBe(401);
    const ok = await fetch(
      `https://strict.example${paths.workspace()}?${API}`,
      { headers: { authorization: 'Bearer x' } },
    );
    expect(ok.status).toBe(200);
  });
});

describe('private networking', () => {
  it('serves private endpoints, NICs and A records that agree', async () => {
    const ws = await (await get(`${paths.workspace()}?${API}`)).json();
    const peId =
      ws.properties.privateEndpointConnections[0].properties.privateEndpoint.id;
    const pe = await (await get(`${peId}?api-version=2024-05-01`)).json();
    const nic = await (
      await get(
        `${pe.properties.networkInterfaces[0].id}?api-version=2024-05-01`,
      )
    ).json();
    const nicIps = nic.properties.ipConfigurations.map(
      (c: any) => c.properties.privateIPAddress,
    );
    const apiFqdn = `${ws.properties.workspaceId}.workspace.westeurope.api.azureml.ms`;
    const config = pe.properties.customDnsConfigs.find(
      (c: any) => c.fqdn === apiFqdn,
    );
    expect(nicIps).toContain(config.ipAddresses[0]);
    const record = await (
      await get(
        `${paths.dnsZones}/${CENTRAL_DNS.zones.api}/A/${ws.properties.workspaceId}.workspace.westeurope?api-version=2024-06-01`,
      )
    ).json();
    expect(record.properties.aRecords[0].ipv4Address).toBe(
      config.ipAddresses[0],
    );
    expect(record.properties.fqdn).toMatch(/\.$/);
    const all = (
      await collect(
        `${paths.dnsZones}/${CENTRAL_DNS.zones.api}/ALL?api-version=2024-06-01`,
      )
    ).items;
    expect(all.map(r => r.type)).toContain(
      'Microsoft.Network/privateDnsZones/SOA',
    );
    expect(
      (
        await get(
          `${paths.dnsZones}/${CENTRAL_DNS.zones.api}/recordsets?api-version=2024-06-01`,
        )
      ).status,
    ).toBe(404);
  });
});

describe('persistence', () => {
  it('writes mutations to the state file and loads them back', async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'aml-emu-')),
      'state.json',
    );
    const first = createAzureMlEmulator({
      baseUrl: 'https://persist.example',
      stateFile: file,
    });
    server.use(...first.handlers);
    await put(
      `https://persist.example${paths.workspace()}/models/new-model/versions/1?${API}`,
      { properties: {} },
    );
    first.flush();
    const second = createAzureMlEmulator({
      baseUrl: 'https://persist.example',
      stateFile: file,
    });
    expect(
      Object.keys(second.state.ml[paths.workspace().toLowerCase()].models),
    ).toContain('new-model');
  });
});
