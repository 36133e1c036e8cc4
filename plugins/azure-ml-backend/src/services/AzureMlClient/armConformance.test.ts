import { mockServices } from '@backstage/backend-test-utils';
import { ConfigReader } from '@backstage/config';
import {
  CENTRAL_DNS,
  createAzureMlEmulator,
  DEV,
  MODEL_NAME,
} from '@internal/azure-ml-emulator';
import { setupServer } from 'msw/node';
import {
  AzureMlClient,
  readAzureMlConfig,
} from '@internal/plugin-azure-ml-node';
import { DnsArmReader } from '../DnsValidation/DnsArmReader';
import { responseValidator } from '../../__testUtils__/armSpecs/specSchemas';

/*
 * Conformance of the emulator to the REST spec: every ARM request the backend's client makes
 * (driven through the real AzureMlClient and DNS reader against the emulator, plus the catalog
 * module's reads through the same client) is matched to
 * its operation, and the emulator's answer must validate against that operation's response
 * schema for the api-version the client used (armSpecs/*.json, copied from
 * Azure/azure-rest-api-specs with their source named). A request that matches no operation
 * below fails the test: a new ARM call needs its schema here.
 */

jest.setTimeout(60_000);

const ARM = 'https://management.azure.com';
const ML = '/providers/Microsoft\\.MachineLearningServices';
const RG = '/subscriptions/[^/]+/resourceGroups/[^/]+';
const NET = '/providers/Microsoft\\.Network';

interface Operation {
  operationId: string;
  method: 'GET' | 'PUT';
  path: RegExp;
  apiVersion: string;
  /** `file#Definition` of the response body by status; a status not listed has no body. */
  responses: Record<number, string>;
}

/** The ARM operations the backend calls, with their response schemas. */
const OPERATIONS: Operation[] = [
  {
    operationId: 'Workspaces_Get',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/workspaces/[^/]+$`, 'i'),
    apiVersion: '2024-04-01',
    responses: { 200: 'machineLearningServices-2024-04-01.json#Workspace' },
  },
  {
    operationId: 'PrivateEndpointConnections_List',
    method: 'GET',
    path: new RegExp(
      `^${RG}${ML}/workspaces/[^/]+/privateEndpointConnections$`,
      'i',
    ),
    apiVersion: '2024-04-01',
    responses: {
      200: 'machineLearningServices-2024-04-01.json#PrivateEndpointConnectionListResult',
    },
  },
  {
    operationId: 'Compute_List',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/workspaces/[^/]+/computes$`, 'i'),
    apiVersion: '2024-04-01',
    responses: {
      200: 'machineLearningServices-2024-04-01.json#PaginatedComputeResourcesList',
    },
  },
  {
    operationId: 'Jobs_List',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/workspaces/[^/]+/jobs$`, 'i'),
    apiVersion: '2024-04-01',
    responses: { 200: 'mfe-2024-04-01.json#JobBaseResourceArmPaginatedResult' },
  },
  {
    operationId: 'Registries_Get',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/registries/[^/]+$`, 'i'),
    apiVersion: '2024-04-01',
    responses: { 200: 'registries-2024-04-01.json#RegistryTrackedResource' },
  },
  {
    operationId: 'RegistryModelContainers_Get',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/registries/[^/]+/models/[^/]+$`, 'i'),
    apiVersion: '2024-04-01',
    responses: { 200: 'mfe-2024-04-01.json#ModelContainerResource' },
  },
  {
    operationId: 'RegistryModelContainers_CreateOrUpdate',
    method: 'PUT',
    path: new RegExp(`^${RG}${ML}/registries/[^/]+/models/[^/]+$`, 'i'),
    apiVersion: '2024-04-01',
    responses: {
      200: 'mfe-2024-04-01.json#ModelContainerResource',
      201: 'mfe-2024-04-01.json#ModelContainerResource',
    },
  },
  {
    operationId: 'RegistryModelVersions_List',
    method: 'GET',
    path: new RegExp(
      `^${RG}${ML}/registries/[^/]+/models/[^/]+/versions$`,
      'i',
    ),
    apiVersion: '2024-04-01',
    responses: {
      200: 'mfe-2024-04-01.json#ModelVersionResourceArmPaginatedResult',
    },
  },
  {
    operationId: 'RegistryModelVersions_Get',
    method: 'GET',
    path: new RegExp(
      `^${RG}${ML}/registries/[^/]+/models/[^/]+/versions/[^/]+$`,
      'i',
    ),
    apiVersion: '2024-04-01',
    responses: { 200: 'mfe-2024-04-01.json#ModelVersionResource' },
  },
  {
    operationId: 'RegistryModelVersions_CreateOrUpdate',
    method: 'PUT',
    path: new RegExp(
      `^${RG}${ML}/registries/[^/]+/models/[^/]+/versions/[^/]+$`,
      'i',
    ),
    apiVersion: '2024-04-01',
    responses: {
      200: 'mfe-2024-04-01.json#ModelVersionResource',
      201: 'mfe-2024-04-01.json#ModelVersionResource',
    },
  },
  {
    // The Azure-AsyncOperation URL of the registry writes above (ARM's async-operation contract).
    operationId: 'Azure-AsyncOperation status',
    method: 'GET',
    path: new RegExp(
      `^/subscriptions/[^/]+${ML}/locations/[^/]+/mfeOperationsStatus/[^/]+$`,
      'i',
    ),
    apiVersion: '2024-04-01',
    responses: { 200: 'common-types-v3.json#OperationStatusResult' },
  },
  {
    operationId: 'PrivateZones_List / PrivateZones_ListByResourceGroup',
    method: 'GET',
    path: /^\/subscriptions\/[^/]+(\/resourceGroups\/[^/]+)?\/providers\/Microsoft\.Network\/privateDnsZones$/i,
    apiVersion: '2024-06-01',
    responses: { 200: 'privatedns-2024-06-01.json#PrivateZoneListResult' },
  },
  {
    operationId: 'RecordSets_ListByType (A)',
    method: 'GET',
    path: /\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+\/A$/i,
    apiVersion: '2024-06-01',
    responses: { 200: 'privatedns-2024-06-01.json#RecordSetListResult' },
  },
  {
    operationId: 'VirtualNetworkLinks_List',
    method: 'GET',
    path: /\/providers\/Microsoft\.Network\/privateDnsZones\/[^/]+\/virtualNetworkLinks$/i,
    apiVersion: '2024-06-01',
    responses: {
      200: 'privatedns-2024-06-01.json#VirtualNetworkLinkListResult',
    },
  },
  {
    operationId: 'PrivateEndpoints_Get',
    method: 'GET',
    path: new RegExp(`^${RG}${NET}/privateEndpoints/[^/]+$`, 'i'),
    apiVersion: '2024-05-01',
    responses: { 200: 'network-2024-05-01.json#PrivateEndpoint' },
  },
  {
    operationId: 'PrivateDnsZoneGroups_List',
    method: 'GET',
    path: new RegExp(
      `^${RG}${NET}/privateEndpoints/[^/]+/privateDnsZoneGroups$`,
      'i',
    ),
    apiVersion: '2024-05-01',
    responses: {
      200: 'network-2024-05-01.json#PrivateDnsZoneGroupListResult',
    },
  },
  {
    operationId: 'NetworkInterfaces_Get',
    method: 'GET',
    path: new RegExp(`^${RG}${NET}/networkInterfaces/[^/]+$`, 'i'),
    apiVersion: '2024-05-01',
    responses: { 200: 'network-2024-05-01.json#NetworkInterface' },
  },
  // The catalog module's reads (plugins/catalog-backend-module-azure-ml readPlatform.ts):
  // Workspaces_Get, Registries_Get and PrivateZones_ListByResourceGroup as above, plus:
  {
    operationId: 'VirtualNetworks_List',
    method: 'GET',
    path: new RegExp(`^${RG}${NET}/virtualNetworks$`, 'i'),
    apiVersion: '2024-05-01',
    responses: { 200: 'network-2024-05-01.json#VirtualNetworkListResult' },
  },
  {
    operationId: 'RegistryModelContainers_List',
    method: 'GET',
    path: new RegExp(`^${RG}${ML}/registries/[^/]+/models$`, 'i'),
    apiVersion: '2024-04-01',
    responses: {
      200: 'mfe-2024-04-01.json#ModelContainerResourceArmPaginatedResult',
    },
  },
];

interface Exchange {
  method: string;
  url: URL;
  status: number;
  body: unknown;
}

const emulator = createAzureMlEmulator({ baseUrl: ARM });
const server = setupServer(...emulator.handlers);
const exchanges: Exchange[] = [];

server.events.on('response:mocked', async ({ request, response }) => {
  const text = await response.clone().text();
  exchanges.push({
    method: request.method,
    url: new URL(request.url),
    status: response.status,
    body: text ? JSON.parse(text) : undefined,
  });
});

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

const config = readAzureMlConfig(
  new ConfigReader({
    azureMl: {
      arm: { endpoint: ARM, credential: 'none', pollIntervalMs: 1 },
      environments: {
        dev: {
          subscriptionId: DEV.subscriptionId,
          resourceGroup: DEV.resourceGroup,
          workspace: DEV.workspace,
          registry: DEV.registry,
          location: DEV.location,
        },
      },
    },
  }),
);
const env = config.environments[0];
const client = AzureMlClient.fromConfig(config, {
  logger: mockServices.logger.mock(),
});

/** Every ARM call the backend makes, once each (pages followed). */
async function driveEveryCall() {
  await client.getWorkspaceDetails(env);
  await client.getRegistry(env);
  const page = await client.listModelVersions(env, MODEL_NAME, { top: 2 });
  if (page.nextLink) {
    await client.listModelVersions(env, MODEL_NAME, {
      top: 2,
      nextLink: page.nextLink,
    });
  }
  const version = page.items[0].version;
  await client.getModelVersion(env, MODEL_NAME, version);
  const resource = await client.getRegistryModelVersionResource(
    env,
    MODEL_NAME,
    version,
  );
  const tags = await client.getModelContainerTags(env, MODEL_NAME);
  await client.putModelContainerTags(env, MODEL_NAME, tags);
  await client.putRegistryModelVersion(
    env,
    MODEL_NAME,
    '9999',
    resource!.properties!,
  );
  const jobs = await client.listPipelineJobs(env, {});
  if (jobs.nextLink) {
    await client.listPipelineJobs(env, { nextLink: jobs.nextLink });
  }
  await new DnsArmReader(client, {
    centralZoneSubscriptionId: CENTRAL_DNS.subscriptionId,
    centralZoneResourceGroup: CENTRAL_DNS.resourceGroup,
    zoneNames: Object.values(CENTRAL_DNS.zones),
  }).read(env);
  await driveCatalogReads();
}

/**
 * The catalog module's own ARM reads (plugins/catalog-backend-module-azure-ml,
 * provider/readPlatform.ts), made as it makes them: through the backend client's `readArm`,
 * the api-version on the first page, then ARM's `nextLink` as given. The catalog module depends
 * on this package, so its function cannot be imported here: keep these in step with it.
 */
async function driveCatalogReads() {
  const group = `/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}`;
  const reads: Array<[string, string]> = [
    [`${group}/providers/Microsoft.Network/virtualNetworks`, '2024-05-01'],
    [
      `${group}/providers/Microsoft.MachineLearningServices/registries/${env.registry}/models`,
      '2024-04-01',
    ],
    [
      `/subscriptions/${CENTRAL_DNS.subscriptionId}/resourceGroups/${CENTRAL_DNS.resourceGroup}/providers/Microsoft.Network/privateDnsZones`,
      '2024-06-01',
    ],
  ];
  for (const [path, apiVersion] of reads) {
    let page = await client.readArm<{ nextLink?: string | null }>(
      `catalog read ${path}`,
      path,
      apiVersion,
    );
    while (page?.nextLink) {
      page = await client.readArm<{ nextLink?: string | null }>(
        `catalog read ${path}`,
        page.nextLink,
      );
    }
  }
}

describe('ARM conformance of the emulator (REST spec response schemas)', () => {
  it('answers every ARM operation the backend calls with its response schema', async () => {
    await driveEveryCall();
    const problems: string[] = [];
    const covered = new Set<string>();
    for (const exchange of exchanges) {
      const path = exchange.url.pathname;
      const operation = OPERATIONS.find(
        o => o.method === exchange.method && o.path.test(path),
      );
      if (!operation) {
        problems.push(`${exchange.method} ${path}: no operation listed`);
        continue;
      }
      covered.add(operation.operationId);
      const apiVersion = exchange.url.searchParams.get('api-version');
      if (apiVersion !== operation.apiVersion) {
        problems.push(
          `${operation.operationId}: called with api-version ${apiVersion}, schema is ${operation.apiVersion}`,
        );
      }
      const schema = operation.responses[exchange.status];
      if (!schema) {
        if (exchange.body !== undefined || exchange.status >= 400) {
          problems.push(
            `${operation.operationId}: unexpected HTTP ${exchange.status}`,
          );
        }
        continue;
      }
      const validate = responseValidator(schema);
      if (!validate(exchange.body)) {
        for (const error of validate.errors ?? []) {
          problems.push(
            `${operation.operationId} (${schema}) ${error.instancePath} ${
              error.message
            } ${JSON.stringify(error.params)}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    expect([...covered].sort()).toEqual(
      OPERATIONS.map(o => o.operationId).sort(),
    );
  });

  it('rejects a field the api-version does not define (the check is strict)', () => {
    const validate = responseValidator('mfe-2024-04-01.json#JobBaseResource');
    const job = {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.MachineLearningServices/workspaces/w/jobs/j',
      name: 'j',
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: { jobType: 'Pipeline', status: 'Completed', jobs: {} },
    };
    expect(validate(job)).toBe(true);
    expect(
      validate({ ...job, properties: { ...job.properties, startTime: 'x' } }),
    ).toBe(false);
  });

  it('rejects what the emulator answered before it followed Microsoft.Network 2024-05-01', () => {
    const endpoint = responseValidator(
      'network-2024-05-01.json#PrivateEndpoint',
    );
    const pe = {
      id: '/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/privateEndpoints/pe',
      name: 'pe',
      type: 'Microsoft.Network/privateEndpoints',
      location: 'westeurope',
      properties: { provisioningState: 'Succeeded', customDnsConfigs: [] },
    };
    expect(endpoint(pe)).toBe(true);
    // PrivateEndpointProperties has no resourceGuid (the NIC and the VNet have one).
    expect(
      endpoint({ ...pe, properties: { ...pe.properties, resourceGuid: 'g' } }),
    ).toBe(false);
    // A PrivateDnsZoneGroup is a SubResource: id, name, etag, properties, no type.
    const groups = responseValidator(
      'network-2024-05-01.json#PrivateDnsZoneGroupListResult',
    );
    const group = {
      id: `${pe.id}/privateDnsZoneGroups/default`,
      name: 'default',
    };
    expect(groups({ value: [group] })).toBe(true);
    expect(
      groups({
        value: [
          {
            ...group,
            type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
          },
        ],
      }),
    ).toBe(false);
  });
});
