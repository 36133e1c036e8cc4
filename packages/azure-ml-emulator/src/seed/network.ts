import {
  CENTRAL_DNS,
  PRIVATE_ENDPOINT_SUBNET,
  SeedEnvironment,
} from './constants';
import { SeededRandom } from './random';
import { ZoneName, addARecord, zoneId } from './dnsZones';
import { EmulatorState } from '../state/types';
import { key, mlResourceId, networkResourceId } from '../state/ids';

/* Networking: VNets linked to the central zones, private endpoints of workspaces and registries. */

function etag(random: SeededRandom) {
  return `W/"${random.guid()}"`;
}

export function addVirtualNetwork(
  state: EmulatorState,
  env: SeedEnvironment,
  random: SeededRandom,
) {
  const id = networkResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'virtualNetworks',
    env.virtualNetwork,
  );
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
          properties: {
            addressPrefix: `${env.ipPrefix}.2.0/24`,
            privateEndpointNetworkPolicies: 'Disabled',
          },
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
  return `${networkResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'virtualNetworks',
    env.virtualNetwork,
  )}/subnets/${PRIVATE_ENDPOINT_SUBNET}`;
}

/** The FQDNs Azure puts on a workspace private endpoint, with their private IPs. */
export function workspaceEndpointNames(
  env: SeedEnvironment,
  workspaceGuid: string,
) {
  const region = env.location;
  return {
    api: {
      fqdn: `${workspaceGuid}.workspace.${region}.api.azureml.ms`,
      ip: `${env.ipPrefix}.2.4`,
    },
    cert: {
      fqdn: `${workspaceGuid}.workspace.${region}.cert.api.azureml.ms`,
      ip: `${env.ipPrefix}.2.5`,
    },
    notebooks: {
      fqdn: `ml-${env.workspace}-${region}-${workspaceGuid}.${region}.notebooks.azure.net`,
      ip: `${env.ipPrefix}.2.6`,
    },
    inference: {
      fqdn: `*.${workspaceGuid}.inference.${region}.api.azureml.ms`,
      ip: `${env.ipPrefix}.2.7`,
    },
  };
}

function addPrivateEndpoint(
  state: EmulatorState,
  random: SeededRandom,
  env: SeedEnvironment,
  name: string,
  targetId: string,
  groupId: string,
  dnsConfigs: Array<{
    fqdn: string;
    ip: string;
    zone: ZoneName;
    recordName: string;
  }>,
) {
  const peId = networkResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'privateEndpoints',
    name,
  );
  const nicName = `${name}.nic.${random.guid()}`;
  const nicId = networkResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'networkInterfaces',
    nicName,
  );
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
      // PrivateEndpointProperties (2024-05-01) has no resourceGuid, unlike the NIC and VNet.
      provisioningState: 'Succeeded',
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
      customDnsConfigs: dnsConfigs.map(c => ({
        fqdn: c.fqdn,
        ipAddresses: [c.ip],
      })),
    },
  };
  const groupIdPath = `${peId}/privateDnsZoneGroups/default`;
  const zones = [...new Set(dnsConfigs.map(c => c.zone))];
  state.privateDnsZoneGroups[key(groupIdPath)] = {
    id: groupIdPath,
    name: 'default',
    // PrivateDnsZoneGroup (privateEndpoint.json) is a SubResource with name and etag: no `type`.
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

export function addWorkspaceNetworking(
  state: EmulatorState,
  env: SeedEnvironment,
  workspaceGuid: string,
  random: SeededRandom,
) {
  const workspaceId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'workspaces',
    env.workspace,
  );
  const names = workspaceEndpointNames(env, workspaceGuid);
  const region = env.location;
  const peName = `pe-${env.workspace}`;
  const { peId } = addPrivateEndpoint(
    state,
    random,
    env,
    peName,
    workspaceId,
    'amlworkspace',
    [
      {
        ...names.api,
        zone: CENTRAL_DNS.zones.api,
        recordName: `${workspaceGuid}.workspace.${region}`,
      },
      {
        ...names.cert,
        zone: CENTRAL_DNS.zones.api,
        recordName: `${workspaceGuid}.workspace.${region}.cert`,
      },
      {
        ...names.inference,
        zone: CENTRAL_DNS.zones.api,
        recordName: `*.${workspaceGuid}.inference.${region}`,
      },
      {
        ...names.notebooks,
        zone: CENTRAL_DNS.zones.notebooks,
        recordName: `ml-${env.workspace}-${region}-${workspaceGuid}.${region}`,
      },
    ],
  );
  // Compute instances resolve to the workspace endpoint's IP (a known misconfiguration does not).
  addARecord(
    state,
    random,
    CENTRAL_DNS.zones.instances,
    `${env.computeInstance}.${region}`,
    names.api.ip,
  );
  state.workspaces[key(workspaceId)].properties.privateEndpointConnections = [
    {
      id: `${workspaceId}/privateEndpointConnections/${peName}.${workspaceGuid}`,
      name: `${peName}.${workspaceGuid}`,
      type: 'Microsoft.MachineLearningServices/workspaces/privateEndpointConnections',
      location: env.location,
      properties: {
        // A workspace connection's privateEndpoint has only `id` (2024-04-01 spec); the
        // registry's (below) also has `subnetArmId`.
        privateEndpoint: { id: peId },
        privateLinkServiceConnectionState: {
          status: 'Approved',
          description: 'Auto-Approved',
          actionsRequired: 'None',
        },
        provisioningState: 'Succeeded',
      },
    },
  ];
}

export function addRegistryNetworking(
  state: EmulatorState,
  env: SeedEnvironment,
  registryGuid: string,
  random: SeededRandom,
) {
  const registryId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'registries',
    env.registry,
  );
  const region = env.location;
  const peName = `pe-${env.registry}`;
  const recordName = `${registryGuid}.registry.${region}`;
  const { peId } = addPrivateEndpoint(
    state,
    random,
    env,
    peName,
    registryId,
    'amlregistry',
    [
      {
        fqdn: `${recordName}.privatelink.api.azureml.ms`,
        ip: `${env.ipPrefix}.2.10`,
        zone: CENTRAL_DNS.zones.api,
        recordName,
      },
    ],
  );
  state.registries[
    key(registryId)
  ].properties.registryPrivateEndpointConnections = [
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
