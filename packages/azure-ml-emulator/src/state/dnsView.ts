import { Faults } from '../faults';
import { visibleRecordSets } from './dnsFaultView';
import { ArmResource, PrivateDnsZoneRecord } from './types';

const lastSegment = (id: string) => id.split('/').pop() ?? '';

/** The zone's virtual network links minus those hidden by the `missingZoneLink` fault. */
export function visibleLinks(
  record: PrivateDnsZoneRecord,
  faults: Faults,
): ArmResource[] {
  const hidden = faults.dns.missingZoneLink ?? [];
  return record.virtualNetworkLinks.filter(
    link =>
      !hidden.some(
        h =>
          h.zone.toLowerCase() === record.zone.name.toLowerCase() &&
          (!h.virtualNetwork ||
            lastSegment(
              String(link.properties.virtualNetwork?.id ?? ''),
            ).toLowerCase() === h.virtualNetwork.toLowerCase() ||
            String(link.properties.virtualNetwork?.id ?? '').toLowerCase() ===
              h.virtualNetwork.toLowerCase()),
      ),
  );
}

/** The zone with its link count as the fault-adjusted view reports it. */
export function visibleZone(
  record: PrivateDnsZoneRecord,
  faults: Faults,
): ArmResource {
  return {
    ...record.zone,
    properties: {
      ...record.zone.properties,
      numberOfRecordSets: visibleRecordSets(record, faults).length,
      numberOfVirtualNetworkLinks: visibleLinks(record, faults).length,
    },
  };
}
