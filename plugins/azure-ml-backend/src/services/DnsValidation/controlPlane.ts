import { DnsFinding, DnsName } from '@internal/plugin-azure-ml-common';
import { EnvironmentConfig } from '@internal/plugin-azure-ml-node';
import { EnvironmentDnsFacts, ZoneFacts } from './DnsArmReader';

/** The central zones of Azure ML private endpoints (AZURE-NOTES.md, how-to-custom-dns). */
export const API_ZONE = 'privatelink.api.azureml.ms';
export const NOTEBOOKS_ZONE = 'privatelink.notebooks.azure.net';

/** Public suffix → the private-link zone whose records answer it. */
const ZONE_OF_SUFFIX: Array<{ suffix: string; zone: string }> = [
  { suffix: `.${API_ZONE}`, zone: API_ZONE },
  { suffix: '.api.azureml.ms', zone: API_ZONE },
  { suffix: `.${NOTEBOOKS_ZONE}`, zone: NOTEBOOKS_ZONE },
  { suffix: '.notebooks.azure.net', zone: NOTEBOOKS_ZONE },
];

/** Label put in front of a wildcard name to resolve it (`*.x` → `dnscheck.x`). */
export const WILDCARD_PROBE_LABEL = 'dnscheck';

/** A name to check, with where its record lives. */
export interface ExpectedName extends DnsName {
  /** Record name relative to the zone (`<guid>.workspace.westeurope`). */
  relativeName: string;
  /** What to resolve (a wildcard gets a probe label). */
  lookupName: string;
  /** VNet that must see the zone (the endpoint's). */
  virtualNetworkId?: string;
  endpointName: string;
}

export interface ControlPlaneOptions {
  centralZoneResourceGroup: string;
  instancesZone: string;
}

const lower = (s: string) => s.toLowerCase();
const lastSegment = (id: string | undefined) => id?.split('/').pop() ?? '';
const resourceGroupOf = (id: string) =>
  /\/resourceGroups\/([^/]+)/i.exec(id)?.[1] ?? '';

/** Maps an endpoint FQDN to its zone and relative record name; undefined outside the AML zones. */
export function zoneOfName(
  fqdn: string,
): { zone: string; relativeName: string } | undefined {
  const name = lower(fqdn).replace(/\.$/, '');
  const match = ZONE_OF_SUFFIX.find(z => name.endsWith(z.suffix));
  if (!match) return undefined;
  return {
    zone: match.zone,
    relativeName: name.slice(0, -match.suffix.length),
  };
}

/** Does a record set name (possibly `*.rest`) answer the relative name? */
function recordAnswers(recordName: string, relativeName: string) {
  const pattern = lower(recordName);
  if (pattern === relativeName) return true;
  if (!pattern.startsWith('*.')) return false;
  const dot = relativeName.indexOf('.');
  return dot > 0 && relativeName.slice(dot + 1) === pattern.slice(2);
}

/** The names the environment needs: endpoint names in the AML zones, plus compute instances. */
export function expectedNames(
  env: EnvironmentConfig,
  facts: EnvironmentDnsFacts,
  options: ControlPlaneOptions,
): ExpectedName[] {
  const names: ExpectedName[] = [];
  for (const endpoint of facts.endpoints) {
    for (const [fqdn, ip] of endpoint.names) {
      const place = zoneOfName(fqdn);
      if (!place) continue; // e.g. a registry's storage or ACR name: not an AML zone
      names.push({
        fqdn,
        expectedIp: ip,
        zone: place.zone,
        source: endpoint.owner,
        relativeName: place.relativeName,
        lookupName: fqdn.startsWith('*.')
          ? `${WILDCARD_PROBE_LABEL}${fqdn.slice(1)}`
          : fqdn,
        virtualNetworkId: endpoint.virtualNetworkId,
        endpointName: endpoint.name,
      });
    }
  }
  // Compute instances answer at the workspace endpoint's IP (that of its API name).
  const workspaceApi = names.find(
    n =>
      n.source === 'workspace' &&
      /\.workspace\.[a-z0-9]+$/.test(n.relativeName),
  );
  if (workspaceApi) {
    for (const instance of facts.computeInstances) {
      const relativeName = lower(`${instance}.${env.location}`);
      const fqdn = `${relativeName}.${options.instancesZone}`;
      names.push({
        fqdn,
        expectedIp: workspaceApi.expectedIp,
        zone: options.instancesZone,
        source: 'computeInstance',
        relativeName,
        lookupName: fqdn,
        virtualNetworkId: workspaceApi.virtualNetworkId,
        endpointName: workspaceApi.endpointName,
      });
    }
  }
  return names.sort((a, b) => a.fqdn.localeCompare(b.fqdn));
}

/** Control-plane findings: endpoints, zone groups, zones, links, records. */
export function controlPlaneFindings(
  env: EnvironmentConfig,
  facts: EnvironmentDnsFacts,
  names: ExpectedName[],
  options: ControlPlaneOptions,
): DnsFinding[] {
  const findings: DnsFinding[] = [];
  const centralRg = options.centralZoneResourceGroup;
  const zoneNames = [API_ZONE, NOTEBOOKS_ZONE, options.instancesZone];

  // The platform is private-only: a workspace or registry without an endpoint is unreachable.
  for (const [owner, name] of [
    ['workspace', env.workspace],
    ['registry', env.registry],
  ] as const) {
    if (!facts.endpoints.some(e => e.owner === owner)) {
      findings.push({
        check: 'endpoint.missing',
        severity: 'error',
        fqdn: name,
        expected: `a private endpoint connection of ${owner} ${name}`,
        actual: 'none',
        remediation: `Create a private endpoint for ${owner} ${name} (group ${
          owner === 'workspace' ? 'amlworkspace' : 'amlregistry'
        }) in the environment's VNet, with a zone group on the central zones.`,
      });
    }
  }

  for (const endpoint of facts.endpoints) {
    if (endpoint.connectionStatus && endpoint.connectionStatus !== 'Approved') {
      findings.push({
        check: 'endpoint.not-approved',
        severity: 'error',
        fqdn: endpoint.name,
        expected: 'Approved',
        actual: endpoint.connectionStatus,
        remediation: `Approve the private endpoint connection of ${endpoint.name} on the ${endpoint.owner} (its names do not answer until it is approved).`,
      });
    }
    if (!names.some(n => n.endpointName === endpoint.name)) {
      findings.push({
        check: 'endpoint.no-names',
        severity: 'warning',
        fqdn: endpoint.name,
        expected: 'FQDNs in the Azure ML private-link zones',
        actual: 'none',
        remediation: `Check private endpoint ${endpoint.name}: it lists no Azure ML FQDN in its network interface or custom DNS configs.`,
      });
    }
    // Zone groups: every AML zone that the endpoint's names need, pointing at the central zone.
    const neededZones = [
      ...new Set(
        names
          .filter(
            n =>
              n.endpointName === endpoint.name &&
              n.source !== 'computeInstance',
          )
          .map(n => n.zone),
      ),
    ];
    const configs = endpoint.zoneGroups.flatMap(
      g => g.properties?.privateDnsZoneConfigs ?? [],
    );
    for (const zone of neededZones) {
      const central = facts.centralZones.get(zone);
      const pointed = configs
        .map(c => c.properties?.privateDnsZoneId ?? '')
        .filter(id => lower(lastSegment(id)) === zone);
      if (!pointed.length) {
        findings.push({
          check: 'zonegroup.missing',
          severity: 'error',
          fqdn: zone,
          zone,
          expected: central?.zone.id ?? `${zone} in ${centralRg}`,
          actual: `no zone group of ${endpoint.name} points at ${zone}`,
          remediation: `Add a private DNS zone group to private endpoint ${endpoint.name} with the central zone ${zone} of ${centralRg}, so that Azure keeps its records.`,
        });
      } else if (
        // Without the central zone there is nothing to point at: zone.missing says so.
        central &&
        !pointed.some(id => lower(id) === lower(central.zone.id))
      ) {
        findings.push({
          check: 'zonegroup.not-central',
          severity: 'error',
          fqdn: zone,
          zone,
          expected: central?.zone.id ?? `${zone} in ${centralRg}`,
          actual: pointed.join(', '),
          remediation: `Repoint the zone group of private endpoint ${endpoint.name} from ${pointed[0]} to the central zone ${zone} in ${centralRg}.`,
        });
      }
    }
  }

  // Zones: exist centrally, linked to every VNet that needs them, not shadowed.
  const vnetsOfZone = new Map<string, Set<string>>();
  for (const name of names) {
    if (!name.virtualNetworkId) continue;
    const set = vnetsOfZone.get(name.zone) ?? new Set<string>();
    set.add(name.virtualNetworkId);
    vnetsOfZone.set(name.zone, set);
  }
  const allVnets = new Set(
    facts.endpoints
      .map(e => e.virtualNetworkId)
      .filter((id): id is string => Boolean(id)),
  );
  for (const zone of zoneNames) {
    const facts_ = facts.centralZones.get(zone);
    const vnets = vnetsOfZone.get(zone) ?? allVnets;
    if (!facts_) {
      findings.push({
        check: 'zone.missing',
        severity: 'error',
        fqdn: zone,
        zone,
        expected: `zone ${zone} in ${centralRg}`,
        actual: 'not found',
        remediation: `Create the private DNS zone ${zone} in ${centralRg} and link it to ${[
          ...vnets,
        ]
          .map(lastSegment)
          .join(', ')}.`,
      });
      continue;
    }
    for (const vnetId of vnets) {
      findings.push(...linkFindings(facts_, vnetId, centralRg));
    }
  }
  for (const { zone, links } of facts.duplicateZones) {
    const envVnets = new Set([...allVnets].map(lower));
    const linked = links.filter(l =>
      envVnets.has(lower(l.properties?.virtualNetwork?.id ?? '')),
    );
    const rg = resourceGroupOf(zone.id);
    if (!linked.length && lower(rg) !== lower(env.resourceGroup)) continue;
    findings.push({
      check: 'zone.shadowed',
      // Linked to the environment's VNet it answers instead of the central zone; unlinked it
      // is only left over.
      severity: linked.length ? 'error' : 'warning',
      fqdn: zone.name,
      zone: zone.name,
      expected: `only the central zone in ${centralRg}`,
      actual: linked.length
        ? `${zone.id}, linked to ${linked
            .map(l => lastSegment(l.properties?.virtualNetwork?.id))
            .join(', ')}`
        : `${zone.id}, not linked`,
      remediation: linked.length
        ? `Unlink the per-environment zone ${zone.name} in ${rg} from ${linked
            .map(l => lastSegment(l.properties?.virtualNetwork?.id))
            .join(
              ', ',
            )} and delete it, so that the central zone in ${centralRg} answers.`
        : `Delete the left-over per-environment zone ${zone.name} in ${rg}.`,
    });
  }

  // Records: each name has its A record with the endpoint's IP.
  const instances = facts.centralZones.get(options.instancesZone);
  const instancesEmpty = Boolean(instances && instances.aRecords.length === 0);
  if (instances && instancesEmpty) {
    const workspaceIp = names.find(
      n => n.source === 'computeInstance',
    )?.expectedIp;
    findings.push({
      check: 'zone.empty',
      severity: 'error',
      fqdn: options.instancesZone,
      zone: options.instancesZone,
      expected: `A records for the compute instances (e.g. *.${env.location})`,
      actual: 'no A record',
      remediation: `Add an A record *.${
        env.location
      } (or one per compute instance) pointing to the workspace endpoint's IP${
        workspaceIp ? ` ${workspaceIp}` : ''
      } in zone ${
        options.instancesZone
      }: an empty linked zone makes every instance name NXDOMAIN.`,
    });
  }
  for (const name of names) {
    const zone = facts.centralZones.get(name.zone);
    if (!zone) continue; // zone.missing already says it
    if (name.zone === options.instancesZone && instancesEmpty) continue;
    const records = zone.aRecords.filter(r =>
      recordAnswers(r.name, name.relativeName),
    );
    // An exact record wins over a wildcard, as in DNS.
    const record =
      records.find(r => lower(r.name) === name.relativeName) ?? records[0];
    const ips = (record?.properties?.aRecords ?? [])
      .map(a => a.ipv4Address)
      .filter((ip): ip is string => Boolean(ip));
    if (!record) {
      findings.push({
        check: 'record.missing',
        severity: 'error',
        fqdn: name.fqdn,
        zone: name.zone,
        expected: `A ${name.relativeName} → ${name.expectedIp}`,
        actual: 'no record',
        remediation: `Add A record ${name.relativeName} → ${
          name.expectedIp
        } in zone ${name.zone} (${centralRg})${
          name.source === 'computeInstance'
            ? ''
            : `, or attach the zone to the zone group of ${name.endpointName} so that Azure writes it`
        }.`,
      });
    } else if (!ips.includes(name.expectedIp)) {
      findings.push({
        check: 'record.wrong-ip',
        severity: 'error',
        fqdn: name.fqdn,
        zone: name.zone,
        expected: name.expectedIp,
        actual: ips.join(', ') || 'no address',
        remediation: `Set A record ${record.name} in zone ${name.zone} to ${name.expectedIp} (the IP of ${name.endpointName}).`,
      });
    }
  }
  return findings;
}

function linkFindings(
  zone: ZoneFacts,
  vnetId: string,
  centralRg: string,
): DnsFinding[] {
  const link = zone.links.find(
    l => lower(l.properties?.virtualNetwork?.id ?? '') === lower(vnetId),
  );
  const state = link?.properties?.virtualNetworkLinkState;
  if (link && (!state || state === 'Completed')) return [];
  return [
    {
      check: 'zone.not-linked',
      severity: link ? 'warning' : 'error',
      fqdn: zone.zone.name,
      zone: zone.zone.name,
      expected: `virtual network link to ${lastSegment(vnetId)} (Completed)`,
      actual: link ? `link ${link.name} is ${state}` : 'no link',
      remediation: link
        ? `Wait for link ${link.name} of zone ${zone.zone.name} to finish, or re-create it if it stays ${state}.`
        : `Link zone ${zone.zone.name} (${centralRg}) to ${lastSegment(
            vnetId,
          )}.`,
    },
  ];
}
