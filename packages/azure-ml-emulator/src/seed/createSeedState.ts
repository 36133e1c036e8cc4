import {
  CENTRAL_DNS,
  CHAMPION_TAG,
  DEV,
  ENVIRONMENTS,
  EXPERIMENT_NAME,
  MODEL_NAME,
  PIPELINE_STEPS,
  PRIVATE_ENDPOINT_SUBNET,
  PROD,
  SEED_BASE_DATE,
  SeedEnvironment,
} from './constants';
import { SeededRandom } from './random';
import { DAY, HOUR, formatTimestamp, zulu } from './timestamps';
import { EmulatorState, MlScope } from '../state/types';
import { key, mlResourceId, networkResourceId, resourceGroupId } from '../state/ids';
import {
  buildModelContainer,
  buildModelVersion,
  getOrCreateScope,
  putModelVersion,
  refreshContainerVersions,
  systemData,
} from '../state/mlResources';

export interface SeedOptions {
  /** Total number of `taxi-fare-model` versions in the dev registry (default 10, the seed). */
  largeRegistryVersions?: number;
}

const TENANT_ID = '72f988bf-0000-4000-8000-00000000c0de';
const DEV_REGISTRY_VERSIONS = 10;
const PROMOTED_VERSIONS = ['5', '8'];
const CHAMPION_VERSION = '8';

/** The 28 dev pipeline runs, oldest first: every official job status appears. */
const DEV_JOB_STATUSES = [
  'Completed', 'Completed', 'Failed', 'Completed', 'Completed', 'Canceled', 'Completed',
  'Completed', 'Failed', 'Completed', 'Completed', 'Completed', 'NotResponding', 'Completed',
  'Completed', 'Failed', 'Completed', 'Completed', 'Paused', 'Completed', 'Finalizing',
  'Running', 'CancelRequested', 'Preparing', 'Provisioning', 'Starting', 'Queued', 'NotStarted',
];
const PROD_JOB_STATUSES = ['Completed', 'Completed', 'Failed', 'Running'];

const ADJECTIVES = ['sincere', 'frosty', 'brave', 'jolly', 'placid', 'witty', 'quirky', 'bold', 'calm', 'eager', 'gentle', 'lucid'];
const NOUNS = ['tail', 'lamp', 'river', 'engine', 'pepper', 'kettle', 'garden', 'rocket', 'window', 'pebble', 'lantern', 'violin'];
const AUTHORS = ['dana.scientist@contoso.com', 'li.engineer@contoso.com', 'sam.mlops@contoso.com'];
const PIPELINE_PRINCIPAL = 'sp-aml-pipelines';

/** Builds the deterministic taxi-fare platform. Same options → byte-identical state. */
export function createSeedState(options: SeedOptions = {}): EmulatorState {
  const random = new SeededRandom(20250901);
  const base = Date.parse(SEED_BASE_DATE);
  const state: EmulatorState = {
    workspaces: {},
    registries: {},
    ml: {},
    virtualNetworks: {},
    privateEndpoints: {},
    networkInterfaces: {},
    privateDnsZoneGroups: {},
    privateDnsZones: {},
    operations: {},
  };

  const guids = new Map<string, string>();
  for (const env of ENVIRONMENTS) {
    guids.set(`${env.name}.workspace`, random.guid());
    guids.set(`${env.name}.registry`, random.guid());
  }

  createCentralZones(state, random);
  for (const env of ENVIRONMENTS) {
    const workspaceGuid = guids.get(`${env.name}.workspace`)!;
    const registryGuid = guids.get(`${env.name}.registry`)!;
    addVirtualNetwork(state, env, random);
    addWorkspace(state, env, workspaceGuid, random, base);
    addRegistry(state, env, registryGuid, random, base);
    addWorkspaceNetworking(state, env, workspaceGuid, random);
    addRegistryNetworking(state, env, registryGuid, random);
  }
  finishZones(state);

  const devJobs = addPipelineJobs(state, DEV, DEV_JOB_STATUSES, random, base);
  addPipelineJobs(state, PROD, PROD_JOB_STATUSES, random, base + 20 * DAY);
  addWorkspaceModels(state, devJobs);
  addRegistryModels(state, devJobs, random, base, options.largeRegistryVersions ?? DEV_REGISTRY_VERSIONS);
  return state;
}

/* ---------------------------------------------------------------- networking + DNS */

type ZoneName = (typeof CENTRAL_DNS.zones)[keyof typeof CENTRAL_DNS.zones];

function zoneId(zone: string) {
  return networkResourceId(CENTRAL_DNS.subscriptionId, CENTRAL_DNS.resourceGroup, 'privateDnsZones', zone);
}

function etag(random: SeededRandom) {
  return `W/"${random.guid()}"`;
}

function createCentralZones(state: EmulatorState, random: SeededRandom) {
  for (const zone of Object.values(CENTRAL_DNS.zones)) {
    const id = zoneId(zone);
    state.privateDnsZones[key(id)] = {
      zone: {
        id,
        name: zone,
        type: 'Microsoft.Network/privateDnsZones',
        etag: random.guid(),
        location: 'global',
        tags: { purpose: 'central-aml-dns' },
        properties: {
          maxNumberOfRecordSets: 25000,
          numberOfRecordSets: 0,
          maxNumberOfVirtualNetworkLinks: 1000,
          numberOfVirtualNetworkLinks: 0,
          maxNumberOfVirtualNetworkLinksWithRegistration: 100,
          numberOfVirtualNetworkLinksWithRegistration: 0,
          provisioningState: 'Succeeded',
          internalId: `SubscriptionId__${CENTRAL_DNS.subscriptionId}__ResourceGroup__${CENTRAL_DNS.resourceGroup}__PrivateDnsZone__${zone}`,
        },
      },
      recordSets: [
        {
          id: `${id}/SOA/@`,
          name: '@',
          type: 'Microsoft.Network/privateDnsZones/SOA',
          etag: random.guid(),
          properties: {
            fqdn: `${zone}.`,
            ttl: 3600,
            soaRecord: {
              email: 'azureprivatedns-host.microsoft.com',
              expireTime: 2419200,
              host: 'azureprivatedns.net',
              minimumTtl: 10,
              refreshTime: 3600,
              retryTime: 300,
              serialNumber: 1,
            },
            isAutoRegistered: false,
          },
        },
      ],
      virtualNetworkLinks: [],
    };
  }
}

function addARecord(
  state: EmulatorState,
  random: SeededRandom,
  zone: ZoneName,
  relativeName: string,
  ip: string,
) {
  const record = state.privateDnsZones[key(zoneId(zone))];
  record.recordSets.push({
    id: `${zoneId(zone)}/A/${relativeName}`,
    name: relativeName,
    type: 'Microsoft.Network/privateDnsZones/A',
    etag: random.guid(),
    properties: {
      fqdn: `${relativeName}.${zone}.`,
      ttl: 10,
      aRecords: [{ ipv4Address: ip }],
      isAutoRegistered: false,
      metadata: { creator: 'created by private endpoint with resource guid' },
    },
  });
}

function addVirtualNetwork(state: EmulatorState, env: SeedEnvironment, random: SeededRandom) {
  const id = networkResourceId(env.subscriptionId, env.resourceGroup, 'virtualNetworks', env.virtualNetwork);
  state.virtualNetworks[key(id)] = {
    id,
    name: env.virtualNetwork,
    type: 'Microsoft.Network/virtualNetworks',
    location: env.location,
    etag: etag(random),
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: random.guid(),
      addressSpace: { addressPrefixes: [env.addressPrefix] },
      subnets: [
        {
          id: `${id}/subnets/${PRIVATE_ENDPOINT_SUBNET}`,
          name: PRIVATE_ENDPOINT_SUBNET,
          properties: { addressPrefix: `${env.ipPrefix}.2.0/24`, privateEndpointNetworkPolicies: 'Disabled' },
        },
        {
          id: `${id}/subnets/AzureBastionSubnet`,
          name: 'AzureBastionSubnet',
          properties: { addressPrefix: `${env.ipPrefix}.0.0/26` },
        },
      ],
    },
  };
  for (const zone of Object.values(CENTRAL_DNS.zones)) {
    const linkName = `link-${env.virtualNetwork}`;
    state.privateDnsZones[key(zoneId(zone))].virtualNetworkLinks.push({
      id: `${zoneId(zone)}/virtualNetworkLinks/${linkName}`,
      name: linkName,
      type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
      etag: random.guid(),
      location: 'global',
      tags: {},
      properties: {
        virtualNetwork: { id },
        registrationEnabled: false,
        resolutionPolicy: 'Default',
        virtualNetworkLinkState: 'Completed',
        provisioningState: 'Succeeded',
      },
    });
  }
}

function subnetId(env: SeedEnvironment) {
  return `${networkResourceId(env.subscriptionId, env.resourceGroup, 'virtualNetworks', env.virtualNetwork)}/subnets/${PRIVATE_ENDPOINT_SUBNET}`;
}

/** The FQDNs Azure puts on a workspace private endpoint, with their private IPs. */
export function workspaceEndpointNames(env: SeedEnvironment, workspaceGuid: string) {
  const region = env.location;
  return {
    api: { fqdn: `${workspaceGuid}.workspace.${region}.api.azureml.ms`, ip: `${env.ipPrefix}.2.4` },
    cert: { fqdn: `${workspaceGuid}.workspace.${region}.cert.api.azureml.ms`, ip: `${env.ipPrefix}.2.5` },
    notebooks: {
      fqdn: `ml-${env.workspace}-${region}-${workspaceGuid}.${region}.notebooks.azure.net`,
      ip: `${env.ipPrefix}.2.6`,
    },
    inference: { fqdn: `*.${workspaceGuid}.inference.${region}.api.azureml.ms`, ip: `${env.ipPrefix}.2.7` },
  };
}

function addPrivateEndpoint(
  state: EmulatorState,
  random: SeededRandom,
  env: SeedEnvironment,
  name: string,
  targetId: string,
  groupId: string,
  dnsConfigs: Array<{ fqdn: string; ip: string; zone: ZoneName; recordName: string }>,
) {
  const peId = networkResourceId(env.subscriptionId, env.resourceGroup, 'privateEndpoints', name);
  const nicName = `${name}.nic.${random.guid()}`;
  const nicId = networkResourceId(env.subscriptionId, env.resourceGroup, 'networkInterfaces', nicName);
  const ips = [...new Set(dnsConfigs.map(c => c.ip))];
  state.networkInterfaces[key(nicId)] = {
    id: nicId,
    name: nicName,
    type: 'Microsoft.Network/networkInterfaces',
    location: env.location,
    etag: etag(random),
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: random.guid(),
      ipConfigurations: ips.map((ip, index) => {
        const ipConfigName = `privateEndpointIpConfig.${random.guid()}`;
        return {
          id: `${nicId}/ipConfigurations/${ipConfigName}`,
          name: ipConfigName,
          type: 'Microsoft.Network/networkInterfaces/ipConfigurations',
          etag: etag(random),
          properties: {
            provisioningState: 'Succeeded',
            privateIPAddress: ip,
            privateIPAllocationMethod: 'Dynamic',
            privateIPAddressVersion: 'IPv4',
            subnet: { id: subnetId(env) },
            primary: index === 0,
            privateLinkConnectionProperties: {
              groupId,
              requiredMemberName: index === 0 ? 'default' : `member-${index}`,
              fqdns: dnsConfigs.filter(c => c.ip === ip).map(c => c.fqdn),
            },
          },
        };
      }),
      dnsSettings: { dnsServers: [], appliedDnsServers: [] },
      enableAcceleratedNetworking: false,
      enableIPForwarding: false,
      privateEndpoint: { id: peId },
      nicType: 'Standard',
    },
  };
  state.privateEndpoints[key(peId)] = {
    id: peId,
    name,
    type: 'Microsoft.Network/privateEndpoints',
    location: env.location,
    etag: etag(random),
    tags: { environment: env.name },
    properties: {
      provisioningState: 'Succeeded',
      resourceGuid: random.guid(),
      privateLinkServiceConnections: [
        {
          id: `${peId}/privateLinkServiceConnections/${name}`,
          name,
          type: 'Microsoft.Network/privateEndpoints/privateLinkServiceConnections',
          etag: etag(random),
          properties: {
            provisioningState: 'Succeeded',
            privateLinkServiceId: targetId,
            groupIds: [groupId],
            privateLinkServiceConnectionState: {
              status: 'Approved',
              description: 'Auto-Approved',
              actionsRequired: 'None',
            },
          },
        },
      ],
      manualPrivateLinkServiceConnections: [],
      customNetworkInterfaceName: '',
      subnet: { id: subnetId(env) },
      ipConfigurations: [],
      networkInterfaces: [{ id: nicId }],
      customDnsConfigs: dnsConfigs.map(c => ({ fqdn: c.fqdn, ipAddresses: [c.ip] })),
    },
  };
  const groupIdPath = `${peId}/privateDnsZoneGroups/default`;
  const zones = [...new Set(dnsConfigs.map(c => c.zone))];
  state.privateDnsZoneGroups[key(groupIdPath)] = {
    id: groupIdPath,
    name: 'default',
    type: 'Microsoft.Network/privateEndpoints/privateDnsZoneGroups',
    etag: etag(random),
    properties: {
      provisioningState: 'Succeeded',
      privateDnsZoneConfigs: zones.map(zone => ({
        name: zone.replace(/\./g, '-'),
        properties: {
          privateDnsZoneId: zoneId(zone),
          recordSets: dnsConfigs
            .filter(c => c.zone === zone)
            .map(c => ({
              recordType: 'A',
              recordSetName: c.recordName,
              fqdn: `${c.recordName}.${zone}`,
              ttl: 10,
              ipAddresses: [c.ip],
              provisioningState: 'Succeeded',
            })),
        },
      })),
    },
  };
  for (const c of dnsConfigs) {
    addARecord(state, random, c.zone, c.recordName, c.ip);
  }
  return { peId };
}

function addWorkspaceNetworking(
  state: EmulatorState,
  env: SeedEnvironment,
  workspaceGuid: string,
  random: SeededRandom,
) {
  const workspaceId = mlResourceId(env.subscriptionId, env.resourceGroup, 'workspaces', env.workspace);
  const names = workspaceEndpointNames(env, workspaceGuid);
  const region = env.location;
  const peName = `pe-${env.workspace}`;
  const { peId } = addPrivateEndpoint(state, random, env, peName, workspaceId, 'amlworkspace', [
    { ...names.api, zone: CENTRAL_DNS.zones.api, recordName: `${workspaceGuid}.workspace.${region}` },
    { ...names.cert, zone: CENTRAL_DNS.zones.api, recordName: `${workspaceGuid}.workspace.${region}.cert` },
    { ...names.inference, zone: CENTRAL_DNS.zones.api, recordName: `*.${workspaceGuid}.inference.${region}` },
    {
      ...names.notebooks,
      zone: CENTRAL_DNS.zones.notebooks,
      recordName: `ml-${env.workspace}-${region}-${workspaceGuid}.${region}`,
    },
  ]);
  // Compute instances resolve to the workspace endpoint's IP (a known misconfiguration does not).
  addARecord(state, random, CENTRAL_DNS.zones.instances, `${env.computeInstance}.${region}`, names.api.ip);
  state.workspaces[key(workspaceId)].properties.privateEndpointConnections = [
    {
      id: `${workspaceId}/privateEndpointConnections/${peName}.${workspaceGuid}`,
      name: `${peName}.${workspaceGuid}`,
      type: 'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections',
      location: env.location,
      properties: {
        privateEndpoint: { id: peId, subnetArmId: subnetId(env) },
        privateLinkServiceConnectionState: { status: 'Approved', description: 'Auto-Approved', actionsRequired: 'None' },
        provisioningState: 'Succeeded',
      },
    },
  ];
}

function addRegistryNetworking(
  state: EmulatorState,
  env: SeedEnvironment,
  registryGuid: string,
  random: SeededRandom,
) {
  const registryId = mlResourceId(env.subscriptionId, env.resourceGroup, 'registries', env.registry);
  const region = env.location;
  const peName = `pe-${env.registry}`;
  const recordName = `${registryGuid}.registry.${region}`;
  const { peId } = addPrivateEndpoint(state, random, env, peName, registryId, 'amlregistry', [
    {
      fqdn: `${recordName}.privatelink.api.azureml.ms`,
      ip: `${env.ipPrefix}.2.10`,
      zone: CENTRAL_DNS.zones.api,
      recordName,
    },
  ]);
  state.registries[key(registryId)].properties.registryPrivateEndpointConnections = [
    {
      id: `${registryId}/privateEndpointConnections/${peName}.${registryGuid}`,
      location: env.location,
      properties: {
        provisioningState: 'Succeeded',
        privateEndpoint: { id: peId, subnetArmId: subnetId(env) },
        registryPrivateLinkServiceConnectionState: {
          status: 'Approved',
          description: 'Auto-Approved',
          actionsRequired: 'None',
        },
        groupIds: ['amlregistry'],
      },
    },
  ];
}

function finishZones(state: EmulatorState) {
  for (const record of Object.values(state.privateDnsZones)) {
    record.zone.properties.numberOfRecordSets = record.recordSets.length;
    record.zone.properties.numberOfVirtualNetworkLinks = record.virtualNetworkLinks.length;
  }
}

/* ---------------------------------------------------------------- workspaces + registries */

function addWorkspace(state: EmulatorState, env: SeedEnvironment, workspaceGuid: string, random: SeededRandom, base: number) {
  const id = mlResourceId(env.subscriptionId, env.resourceGroup, 'workspaces', env.workspace);
  const registryId = mlResourceId(env.subscriptionId, env.resourceGroup, 'registries', env.registry);
  const rg = resourceGroupId(env.subscriptionId, env.resourceGroup);
  const suffix = env.workspace.replace(/-/g, '');
  const mlflowScope = `subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${env.workspace}`;
  const outboundRules: Record<string, unknown> = {
    [`registry-${env.registry}`]: {
      type: 'PrivateEndpoint',
      category: 'UserDefined',
      status: 'Active',
      destination: { serviceResourceId: registryId, subresourceTarget: 'amlregistry', sparkEnabled: false },
    },
  };
  if (env.name === 'prod') {
    // The seed's promotion pattern: prod reaches into the dev registry over a managed endpoint.
    outboundRules[`registry-${DEV.registry}`] = {
      type: 'PrivateEndpoint',
      category: 'UserDefined',
      status: 'Active',
      destination: {
        serviceResourceId: mlResourceId(DEV.subscriptionId, DEV.resourceGroup, 'registries', DEV.registry),
        subresourceTarget: 'amlregistry',
        sparkEnabled: false,
      },
    };
  }
  state.workspaces[key(id)] = {
    id,
    name: env.workspace,
    type: 'Microsoft.MachineLearningServices/workspaces',
    location: env.location,
    kind: 'Default',
    tags: { environment: env.name, purpose: 'taxi-fare' },
    sku: { name: 'Basic', tier: 'Basic' },
    identity: {
      type: 'UserAssigned',
      userAssignedIdentities: {
        [`${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${env.workspace}`]: {
          principalId: random.guid(),
          clientId: random.guid(),
        },
      },
    },
    properties: {
      friendlyName: env.workspace,
      description: `Taxi-fare ${env.name} workspace (managed VNet, private endpoints only)`,
      workspaceId: workspaceGuid,
      storageAccount: `${rg}/providers/Microsoft.Storage/storageAccounts/st${suffix}`,
      keyVault: `${rg}/providers/Microsoft.KeyVault/vaults/kv-${env.workspace}`,
      applicationInsights: `${rg}/providers/Microsoft.insights/components/appi-${env.workspace}`,
      containerRegistry: `${rg}/providers/Microsoft.ContainerRegistry/registries/cr${suffix}`,
      hbiWorkspace: false,
      imageBuildCompute: null,
      provisioningState: 'Succeeded',
      publicNetworkAccess: 'Disabled',
      discoveryUrl: `https://${env.location}.api.azureml.ms/discovery`,
      mlFlowTrackingUri: `azureml://${env.location}.api.azureml.ms/mlflow/v1.0/${mlflowScope}`,
      notebookInfo: {
        fqdn: `ml-${env.workspace}-${env.location}-${workspaceGuid}.${env.location}.notebooks.azure.net`,
        resourceId: random.hex(32),
      },
      privateLinkCount: 1,
      privateEndpointConnections: [],
      primaryUserAssignedIdentity: `${rg}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-${env.workspace}`,
      tenantId: TENANT_ID,
      storageHnsEnabled: false,
      v1LegacyMode: false,
      enableDataIsolation: false,
      systemDatastoresAuthMode: 'identity',
      managedNetwork: {
        isolationMode: 'AllowOnlyApprovedOutbound',
        status: { status: 'Active', sparkReady: false },
        outboundRules,
      },
    },
    systemData: systemData(zulu(base - 60 * DAY), 'sp-terraform', 'Application'),
  };
}

function addRegistry(state: EmulatorState, env: SeedEnvironment, registryGuid: string, random: SeededRandom, base: number) {
  const id = mlResourceId(env.subscriptionId, env.resourceGroup, 'registries', env.registry);
  const managedRg = `/subscriptions/${env.subscriptionId}/resourceGroups/azureml-rg-${env.registry}_${registryGuid}`;
  state.registries[key(id)] = {
    id,
    name: env.registry,
    type: 'Microsoft.MachineLearningServices/registries',
    location: env.location,
    kind: 'Registry',
    tags: { environment: env.name, purpose: 'taxi-fare' },
    sku: { name: 'P3', tier: 'Basic' },
    identity: { type: 'SystemAssigned', principalId: random.guid(), tenantId: TENANT_ID },
    properties: {
      regionDetails: [
        {
          location: env.location,
          storageAccountDetails: [
            {
              systemCreatedStorageAccount: {
                storageAccountName: `${env.registry.replace(/-/g, '')}${random.hex(10)}`,
                storageAccountType: 'Standard_LRS',
                storageAccountHnsEnabled: false,
                allowBlobPublicAccess: false,
                armResourceId: { resourceId: `${managedRg}/providers/Microsoft.Storage/storageAccounts/st${random.hex(12)}` },
              },
            },
          ],
          acrDetails: [
            {
              systemCreatedAcrAccount: {
                acrAccountName: `${env.registry.replace(/-/g, '')}${random.hex(10)}`,
                acrAccountSku: 'Premium',
                armResourceId: { resourceId: `${managedRg}/providers/Microsoft.ContainerRegistry/registries/cr${random.hex(12)}` },
              },
            },
          ],
        },
      ],
      intellectualPropertyPublisher: null,
      publicNetworkAccess: 'Disabled',
      discoveryUrl: `https://${env.location}.api.azureml.ms/registrymanagement/v1.0/registries/${env.registry}/discovery`,
      managedResourceGroup: { resourceId: managedRg },
      mlFlowRegistryUri: `azureml://${env.location}.api.azureml.ms/mlflow/v1.0/subscriptions/${env.subscriptionId}/resourceGroups/${env.resourceGroup}/providers/Microsoft.MachineLearningServices/registries/${env.registry}`,
      registryPrivateEndpointConnections: [],
    },
    systemData: systemData(zulu(base - 59 * DAY), 'sp-terraform', 'Application'),
  };
  getOrCreateScope(state, id, 'registry');
}

/* ---------------------------------------------------------------- jobs */

interface SeededJob {
  name: string;
  status: string;
  createdAt: number;
}

function childStatuses(status: string, random: SeededRandom): string[] {
  const n = PIPELINE_STEPS.length;
  switch (status) {
    case 'Completed':
      return Array(n).fill('Completed');
    case 'Failed':
    case 'Canceled':
    case 'CancelRequested':
    case 'Running':
    case 'NotResponding':
    case 'Paused':
    case 'Finalizing': {
      const at = status === 'Finalizing' ? n - 1 : random.int(0, n - 1);
      const after = status === 'Failed' || status === 'Canceled' ? 'Canceled' : 'NotStarted';
      return PIPELINE_STEPS.map((_, i) => {
        if (i < at) return 'Completed';
        return i === at ? status : after;
      });
    }
    default:
      // Not started yet: the first step mirrors the pipeline, the others wait.
      return PIPELINE_STEPS.map((_, i) => (i === 0 ? status : 'NotStarted'));
  }
}

function addPipelineJobs(
  state: EmulatorState,
  env: SeedEnvironment,
  statuses: string[],
  random: SeededRandom,
  base: number,
): SeededJob[] {
  const workspaceId = mlResourceId(env.subscriptionId, env.resourceGroup, 'workspaces', env.workspace);
  const workspace = state.workspaces[key(workspaceId)];
  const scope = getOrCreateScope(state, workspaceId, 'workspace');
  const computeId = `${workspaceId}/computes/cpu-cluster`;
  const tracking = workspace.properties.mlFlowTrackingUri as string;
  const jobs: SeededJob[] = [];
  statuses.forEach((status, index) => {
    const name = `${random.pick(ADJECTIVES)}_${random.pick(NOUNS)}_${random.alnum(10)}`;
    const createdAt = base + index * 36 * HOUR + random.int(0, 5 * HOUR);
    const scheduled = index % 3 !== 1;
    const author = scheduled ? PIPELINE_PRINCIPAL : random.pick(AUTHORS);
    const authorType = scheduled ? 'Application' : 'User';
    const steps = childStatuses(status, random);
    const stepJobs: Record<string, unknown> = {};
    PIPELINE_STEPS.forEach((step, i) => {
      stepJobs[step] = {
        type: 'command',
        name: step,
        display_name: step,
        component: `azureml://registries/${DEV.registry}/components/taxi_fare_${step}/versions/1`,
        compute: 'cpu-cluster',
        inputs: i === 0 ? { raw_data: '${{parent.inputs.raw_data}}' } : { input: `\${{parent.jobs.${PIPELINE_STEPS[i - 1]}.outputs.output}}` },
        outputs: { output: { type: 'uri_folder' } },
        ...(step === 'register' ? { condition: '${{parent.jobs.compare.outputs.should_register}}' } : {}),
      };
    });
    const services = (jobName: string) => ({
      Tracking: { jobServiceType: 'Tracking', endpoint: tracking, status: null, errorMessage: null, port: null, properties: null },
      Studio: {
        jobServiceType: 'Studio',
        endpoint: `https://ml.azure.com/runs/${jobName}?wsid=${workspaceId}&tid=${TENANT_ID}`,
        status: null,
        errorMessage: null,
        port: null,
        properties: null,
      },
    });
    const createdIso = formatTimestamp(createdAt, 0, 7);
    scope.jobs[name] = {
      id: `${workspaceId}/jobs/${name}`,
      name,
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: {
        description: 'Taxi fare training: transform → train → compare → conditional register',
        tags: { model: MODEL_NAME, trigger: scheduled ? 'schedule' : 'manual', environment: env.name },
        properties: {
          'azureml.runsource': 'azureml.PipelineRun',
          runSource: 'MFE',
          runType: 'HTTP',
          'azureml.parameters': '{}',
          'azureml.continue_on_step_failure': 'False',
          'azureml.pipelineComponent': 'pipelinerun',
        },
        displayName: `taxi-fare-train #${index + 1}`,
        status,
        experimentName: EXPERIMENT_NAME,
        services: services(name),
        computeId,
        isArchived: false,
        identity: null,
        componentId: null,
        notificationSetting: null,
        jobType: 'Pipeline',
        settings: { default_compute: computeId, continue_on_step_failure: false, _source: 'YAML.JOB' },
        inputs: {
          raw_data: { jobInputType: 'uri_folder', mode: 'ReadOnlyMount', uri: `azureml:taxi-raw-data:1`, description: null },
        },
        outputs: {
          model_output: { jobOutputType: 'mlflow_model', mode: 'ReadWriteMount', uri: null, description: null },
        },
        jobs: stepJobs,
        sourceJobId: null,
      },
      systemData: {
        createdAt: createdIso,
        createdBy: author,
        createdByType: authorType,
        lastModifiedAt: createdIso,
        lastModifiedBy: author,
        lastModifiedByType: authorType,
      },
    };
    PIPELINE_STEPS.forEach((step, i) => {
      const childName = random.guid();
      const childCreated = formatTimestamp(createdAt + (i + 1) * 4 * 60_000, 0, 7);
      scope.jobs[childName] = {
        id: `${workspaceId}/jobs/${childName}`,
        name: childName,
        type: 'Microsoft.MachineLearningServices/workspaces/jobs',
        properties: {
          description: null,
          tags: {},
          properties: {
            'azureml.pipelinerunid': name,
            'azureml.nodeid': step,
            'azureml.moduleName': `taxi_fare_${step}`,
            'azureml.runsource': 'azureml.StepRun',
            StepType: 'PythonScriptStep',
          },
          displayName: step,
          status: steps[i],
          experimentName: EXPERIMENT_NAME,
          services: services(childName),
          computeId,
          isArchived: false,
          jobType: 'Command',
          command: `python ${step}.py`,
          environmentId: `azureml://registries/${DEV.registry}/environments/taxi-fare-train/versions/3`,
          codeId: null,
          inputs: {},
          outputs: {},
        },
        systemData: {
          createdAt: childCreated,
          createdBy: author,
          createdByType: authorType,
          lastModifiedAt: childCreated,
          lastModifiedBy: author,
          lastModifiedByType: authorType,
        },
      };
    });
    jobs.push({ name, status, createdAt });
  });
  return jobs;
}

/* ---------------------------------------------------------------- models */

function metricsFor(version: number, random: SeededRandom) {
  const rmse = 4.6 - Math.min(version, 40) * 0.12 + (random.next() - 0.5) * 0.3;
  const mae = rmse * (0.66 + random.next() * 0.05);
  const r2 = Math.min(0.95, 0.6 + Math.min(version, 40) * 0.022 + (random.next() - 0.5) * 0.04);
  return { rmse: rmse.toFixed(4), mae: mae.toFixed(4), r2: r2.toFixed(4) };
}

/** Offsets of the seeded versions' timestamps: real data mixes `Z`, `+00:00` and odd offsets. */
const VERSION_OFFSETS: Record<number, number> = { 3: 0, 5: 120, 7: 40, 9: -300 };

function addRegistryModels(
  state: EmulatorState,
  devJobs: SeededJob[],
  random: SeededRandom,
  base: number,
  total: number,
) {
  const registryId = mlResourceId(DEV.subscriptionId, DEV.resourceGroup, 'registries', DEV.registry);
  const devScope = state.ml[key(registryId)];
  const completed = devJobs.filter(j => j.status === 'Completed');
  const created: Record<string, { props: Record<string, string>; jobName: string; at: number }> = {};
  for (let v = 1; v <= Math.max(total, 1); v++) {
    const seeded = v <= DEV_REGISTRY_VERSIONS;
    const job = seeded ? completed[v - 1] : completed[(v - 1) % completed.length];
    const at = seeded ? job.createdAt + 50 * 60_000 + random.int(0, 20 * 60_000) : base + 40 * DAY + v * 60_000;
    const metrics = metricsFor(v, random);
    const props: Record<string, string> = {
      'metric.rmse': metrics.rmse,
      'metric.mae': metrics.mae,
      'metric.r2': metrics.r2,
      'azureml.datasetVersion': 'taxi-raw-data:1',
    };
    // Real data is messy: one metric is not a number, another is missing.
    if (v === 4) props['metric.r2'] = 'N/A';
    if (v === 6) delete props['metric.mae'];
    const createdAt = v === 3 ? zulu(at) : formatTimestamp(at, VERSION_OFFSETS[v] ?? 0, 7);
    devScope.models[MODEL_NAME] ??= {
      container: buildModelContainer(
        devScope,
        MODEL_NAME,
        { description: 'NYC taxi fare regression model', tags: { owner: 'team-taxi' } },
        systemData(zulu(at), PIPELINE_PRINCIPAL, 'Application'),
      ),
      versions: {},
    };
    devScope.models[MODEL_NAME].versions[String(v)] = buildModelVersion(
      devScope,
      MODEL_NAME,
      String(v),
      {
        description: `Trained by pipeline ${job.name}`,
        tags: { trigger: 'pipeline', experiment: EXPERIMENT_NAME },
        properties: props,
        flavors: { python_function: { data: { loader_module: 'mlflow.sklearn' } } },
        modelType: 'mlflow_model',
        modelUri: `https://${DEV.registry.replace(/-/g, '')}sa.blob.core.windows.net/${random.guid()}/model`,
        jobName: job.name,
      },
      {
        createdAt,
        createdBy: PIPELINE_PRINCIPAL,
        createdByType: 'Application',
        lastModifiedAt: createdAt,
        lastModifiedBy: PIPELINE_PRINCIPAL,
        lastModifiedByType: 'Application',
      },
    );
    created[String(v)] = { props, jobName: job.name, at };
  }
  refreshContainerVersions(devScope.models[MODEL_NAME]);

  const prodId = mlResourceId(PROD.subscriptionId, PROD.resourceGroup, 'registries', PROD.registry);
  const prodScope = state.ml[key(prodId)];
  PROMOTED_VERSIONS.forEach((version, index) => {
    const source = created[version];
    const at = zulu(source.at + (index + 2) * DAY);
    const sourceUri = `azureml://registries/${DEV.registry}/models/${MODEL_NAME}/versions/${version}`;
    const resource = buildModelVersion(
      prodScope,
      MODEL_NAME,
      version,
      {
        description: `Promoted from ${sourceUri}`,
        tags: {
          promotedFrom: sourceUri,
          ...(version === CHAMPION_VERSION ? { [CHAMPION_TAG]: 'true' } : {}),
        },
        properties: { ...source.props },
        flavors: { python_function: { data: { loader_module: 'mlflow.sklearn' } } },
        modelType: 'mlflow_model',
        modelUri: sourceUri,
        jobName: source.jobName,
      },
      systemData(at, 'sam.mlops@contoso.com'),
    );
    putModelVersion(prodScope, MODEL_NAME, resource, at, 'sam.mlops@contoso.com');
  });
  const prodContainer = prodScope.models[MODEL_NAME].container;
  prodContainer.properties.description = 'NYC taxi fare regression model (production)';
  prodContainer.properties.tags = { owner: 'team-taxi', [CHAMPION_TAG]: CHAMPION_VERSION };
}

function addWorkspaceModels(state: EmulatorState, devJobs: SeededJob[]) {
  const workspaceId = mlResourceId(DEV.subscriptionId, DEV.resourceGroup, 'workspaces', DEV.workspace);
  const scope: MlScope = state.ml[key(workspaceId)];
  const completed = devJobs.filter(j => j.status === 'Completed');
  const entries: Array<[string, number, Record<string, string>]> = [
    [MODEL_NAME, 1, { 'metric.rmse': '5.1022', 'metric.mae': '3.5120', 'metric.r2': '0.5811' }],
    [MODEL_NAME, 2, { 'metric.rmse': '4.8801', 'metric.mae': '3.3307', 'metric.r2': '0.6140' }],
    [MODEL_NAME, 3, { 'metric.rmse': '4.7012', 'metric.mae': '3.2001', 'metric.r2': '0.6405' }],
    ['taxi-fare-baseline', 1, { 'metric.rmse': '6.0003', 'metric.mae': '4.1000', 'metric.r2': '0.4102' }],
  ];
  entries.forEach(([model, version, props], index) => {
    const job = completed[index];
    const at = zulu(job.createdAt + 2 * HOUR);
    putModelVersion(
      scope,
      model,
      buildModelVersion(
        scope,
        model,
        String(version),
        {
          description: 'Registered in the workspace during early experiments',
          tags: { stage: 'experiment' },
          properties: props,
          modelType: 'custom_model',
          modelUri: `azureml://subscriptions/${DEV.subscriptionId}/resourcegroups/${DEV.resourceGroup}/workspaces/${DEV.workspace}/datastores/workspaceartifactstore/paths/ExperimentRun/dcid.${job.name}/model`,
          jobName: job.name,
        },
        systemData(at, AUTHORS[0]),
      ),
      at,
      AUTHORS[0],
    );
  });
}
