import { HclBody } from '../parser';
import { Report, ResourceBlock } from './common';

/**
 * Every private endpoint has a DNS zone group with zone ids (`private-endpoint-dns`), so its
 * FQDNs resolve through the central private DNS zones. A `dynamic` zone group counts.
 */
export function checkPrivateEndpointDns(
  resource: ResourceBlock,
  report: Report,
) {
  const { file, type, body, where, block } = resource;
  if (type !== 'azurerm_private_endpoint') return;
  const groups: HclBody[] = body.private_dns_zone_group ?? [];
  const dynamicGroup = body.dynamic?.private_dns_zone_group;
  if (groups.length === 0 && !dynamicGroup) {
    report(
      file,
      block?.start,
      'private-endpoint-dns',
      `${where}: private endpoint has no private_dns_zone_group; its FQDNs would not resolve through the central private DNS zones`,
    );
    return;
  }
  for (const group of groups) {
    const ids = group.private_dns_zone_ids;
    if (ids === undefined || (Array.isArray(ids) && ids.length === 0)) {
      const groupBlock =
        block && file.source.findBlock('private_dns_zone_group', [], block);
      report(
        file,
        groupBlock?.start ?? block?.start,
        'private-endpoint-dns',
        `${where}: private_dns_zone_group lists no private_dns_zone_ids`,
      );
    }
  }
}
