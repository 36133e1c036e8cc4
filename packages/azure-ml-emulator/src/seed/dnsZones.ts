import { CENTRAL_DNS } from './constants';
import { SeededRandom } from './random';
import { EmulatorState } from '../state/types';
import { key, networkResourceId } from '../state/ids';

/* Central private DNS zones: SOA, A records, and the record/link counts. */

export type ZoneName =
  (typeof CENTRAL_DNS.zones)[keyof typeof CENTRAL_DNS.zones];

export function zoneId(zone: string) {
  return networkResourceId(
    CENTRAL_DNS.subscriptionId,
    CENTRAL_DNS.resourceGroup,
    'privateDnsZones',
    zone,
  );
}

export function createCentralZones(state: EmulatorState, random: SeededRandom) {
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

export function addARecord(
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

export function finishZones(state: EmulatorState) {
  for (const record of Object.values(state.privateDnsZones)) {
    record.zone.properties.numberOfRecordSets = record.recordSets.length;
    record.zone.properties.numberOfVirtualNetworkLinks =
      record.virtualNetworkLinks.length;
  }
}
