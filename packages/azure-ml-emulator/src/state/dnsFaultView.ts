import { ENVIRONMENTS } from '../seed/constants';
import { Faults, nameListMatches } from '../faults';
import { ArmResource, EmulatorState, PrivateDnsZoneRecord } from './types';
import { key, networkResourceId } from './ids';

/*
 * Control-plane DNS faults, applied as a view over the state so that ARM and the DNS server
 * see the same broken world and `faults.reset()` restores the seed:
 * - `missingRecord`: A record sets of these FQDNs are absent;
 * - `wrongRecordIp`: A record sets of these FQDNs carry a stale IP of the same subnet
 *   (last octet 250, as after an endpoint was re-created);
 * - `emptyZone`: every A record set of these zones is absent (the zone itself stays);
 * - `shadowZone`: a per-environment copy of a central zone in the environment's resource
 *   group, linked to the environment's VNet (left over from before the central zones).
 */

const recordFqdn = (recordSet: ArmResource) =>
  String(recordSet.properties.fqdn ?? '');

const isARecordSet = (recordSet: ArmResource) =>
  recordSet.type.toUpperCase().endsWith('/A');

/** Another address of the same subnet: what a record keeps after its endpoint moved. */
export const staleIp = (ip: string) => ip.replace(/\.\d+$/, '.250');

/** The zone's record sets as the faults leave them. */
export function visibleRecordSets(
  record: PrivateDnsZoneRecord,
  faults: Faults,
): ArmResource[] {
  const dns = faults.dns;
  const emptied = nameListMatches(dns.emptyZone, record.zone.name);
  return record.recordSets
    .filter(
      rs =>
        !isARecordSet(rs) ||
        (!emptied && !nameListMatches(dns.missingRecord, recordFqdn(rs))),
    )
    .map(rs =>
      isARecordSet(rs) && nameListMatches(dns.wrongRecordIp, recordFqdn(rs))
        ? {
            ...rs,
            properties: {
              ...rs.properties,
              aRecords: (rs.properties.aRecords ?? []).map(
                (a: { ipv4Address: string }) => ({
                  ipv4Address: staleIp(a.ipv4Address),
                }),
              ),
            },
          }
        : rs,
    );
}

function inAddressPrefix(ip: string, cidr: string) {
  const toNumber = (address: string) =>
    address.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
  const [base, bits] = cidr.split('/');
  const start = toNumber(base);
  const n = toNumber(ip);
  return n >= start && n < start + 2 ** (32 - Number(bits));
}

/** The per-environment zones that the `shadowZone` fault adds, keyed by lower-cased id. */
function shadowZones(
  state: EmulatorState,
  faults: Faults,
): Record<string, PrivateDnsZoneRecord> {
  const result: Record<string, PrivateDnsZoneRecord> = {};
  for (const shadow of faults.dns.shadowZone ?? []) {
    const env = ENVIRONMENTS.find(e => e.name === shadow.environment);
    const central = Object.values(state.privateDnsZones).find(
      r => r.zone.name.toLowerCase() === shadow.zone.toLowerCase(),
    );
    if (!env || !central) continue;
    const id = networkResourceId(
      env.subscriptionId,
      env.resourceGroup,
      'privateDnsZones',
      central.zone.name,
    );
    const vnetId = networkResourceId(
      env.subscriptionId,
      env.resourceGroup,
      'virtualNetworks',
      env.virtualNetwork,
    );
    // The copy keeps the environment's own records, as the per-environment zone had them.
    const recordSets = central.recordSets
      .filter(
        rs =>
          !isARecordSet(rs) ||
          (rs.properties.aRecords ?? []).some((a: { ipv4Address: string }) =>
            inAddressPrefix(a.ipv4Address, env.addressPrefix),
          ),
      )
      .map(rs => ({ ...rs, id: rs.id.replace(central.zone.id, id) }));
    result[key(id)] = {
      zone: {
        ...central.zone,
        id,
        tags: { environment: env.name },
        properties: {
          ...central.zone.properties,
          internalId: `SubscriptionId__${env.subscriptionId}__ResourceGroup__${env.resourceGroup}__PrivateDnsZone__${central.zone.name}`,
        },
      },
      recordSets,
      virtualNetworkLinks: [
        {
          id: `${id}/virtualNetworkLinks/link-${env.virtualNetwork}`,
          name: `link-${env.virtualNetwork}`,
          type: 'Microsoft.Network/privateDnsZones/virtualNetworkLinks',
          etag: `shadow-${env.name}`,
          location: 'global',
          tags: {},
          properties: {
            virtualNetwork: { id: vnetId },
            registrationEnabled: false,
            resolutionPolicy: 'Default',
            virtualNetworkLinkState: 'Completed',
            provisioningState: 'Succeeded',
          },
        },
      ],
    };
  }
  return result;
}

/** Every private DNS zone ARM shows: the state's plus the fault-added shadows. */
export function allZones(
  state: EmulatorState,
  faults: Faults,
): Record<string, PrivateDnsZoneRecord> {
  return { ...state.privateDnsZones, ...shadowZones(state, faults) };
}
