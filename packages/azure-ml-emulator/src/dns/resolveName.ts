import {
  CENTRAL_DNS,
  PUBLIC_AZUREML_IP,
  WRONG_PRIVATE_IP,
} from '../seed/constants';
import { Faults, nameListMatches } from '../faults';
import { visibleLinks } from '../state/dnsView';
import { visibleRecordSets } from '../state/dnsFaultView';
import { EmulatorState, PrivateDnsZoneRecord } from '../state/types';

export interface DnsAnswer {
  name: string;
  type: 'A' | 'CNAME';
  ttl: number;
  /** IPv4 address (A) or target name (CNAME). */
  data: string;
}

export interface DnsResult {
  rcode: 'NOERROR' | 'NXDOMAIN';
  answers: DnsAnswer[];
}

/**
 * Public Azure names that Azure's public DNS CNAMEs into a private-link zone, and the
 * instance-name variants that live in the central instances zone.
 */
const PRIVATE_LINK_ALIASES: Array<{
  publicSuffix: string;
  privateSuffix: string;
}> = [
  {
    publicSuffix: '.api.azureml.ms',
    privateSuffix: '.privatelink.api.azureml.ms',
  },
  {
    publicSuffix: '.notebooks.azure.net',
    privateSuffix: '.privatelink.notebooks.azure.net',
  },
  // The current doc says instances.ml.azure.ms, older tables instances.azureml.ms: accept both.
  {
    publicSuffix: '.instances.ml.azure.ms',
    privateSuffix: `.${CENTRAL_DNS.zones.instances}`,
  },
];

const normalize = (name: string) => name.toLowerCase().replace(/\.$/, '');
const PUBLIC_TTL = 300;

function findZone(
  state: EmulatorState,
  name: string,
): PrivateDnsZoneRecord | undefined {
  let best: PrivateDnsZoneRecord | undefined;
  for (const record of Object.values(state.privateDnsZones)) {
    const zone = record.zone.name.toLowerCase();
    if (
      name.endsWith(`.${zone}`) &&
      (!best || zone.length > best.zone.name.length)
    )
      best = record;
  }
  return best;
}

function labelsMatch(recordName: string, relative: string) {
  const pattern = recordName.toLowerCase();
  if (pattern === relative) return true;
  if (!pattern.startsWith('*.')) return false;
  const rest = pattern.slice(2);
  const dot = relative.indexOf('.');
  return dot > 0 && relative.slice(dot + 1) === rest;
}

function ipToNumber(ip: string) {
  return ip.split('.').reduce((n, octet) => n * 256 + Number(octet), 0);
}

function inPrefix(ip: string, cidr: string) {
  const [base, bits] = cidr.split('/');
  const size = 2 ** (32 - Number(bits));
  const start = ipToNumber(base);
  const n = ipToNumber(ip);
  return n >= start && n < start + size;
}

/**
 * Is the zone visible where this private IP lives? Clients of a private endpoint sit in the
 * VNet holding its IP, so resolution follows that VNet's zone links (minus hidden ones).
 */
function linkedForIp(
  state: EmulatorState,
  faults: Faults,
  zone: PrivateDnsZoneRecord,
  ip: string,
) {
  const vnet = Object.values(state.virtualNetworks).find(v =>
    (v.properties.addressSpace?.addressPrefixes ?? []).some((p: string) =>
      inPrefix(ip, p),
    ),
  );
  if (!vnet) return false;
  return visibleLinks(zone, faults).some(
    link =>
      String(link.properties.virtualNetwork?.id ?? '').toLowerCase() ===
      vnet.id.toLowerCase(),
  );
}

/** Resolves a name the way a client in the platform's VNets sees it, from the emulator state. */
export function resolveName(
  state: EmulatorState,
  faults: Faults,
  qname: string,
  qtype: 'A' | 'CNAME' | 'OTHER' = 'A',
): DnsResult {
  const asked = normalize(qname);
  const dnsFaults = faults.dns;
  if (nameListMatches(dnsFaults.nxdomain, asked))
    return { rcode: 'NXDOMAIN', answers: [] };

  const answers: DnsAnswer[] = [];
  let name = asked;
  const alias = PRIVATE_LINK_ALIASES.find(
    a => name.endsWith(a.publicSuffix) && !name.includes('.privatelink.'),
  );
  if (alias) {
    const target =
      name.slice(0, -alias.publicSuffix.length) + alias.privateSuffix;
    answers.push({ name, type: 'CNAME', ttl: PUBLIC_TTL, data: target });
    name = target;
  }

  const zone = findZone(state, name);
  const relative = zone ? name.slice(0, -(zone.zone.name.length + 1)) : '';
  const records = zone
    ? visibleRecordSets(zone, faults).filter(rs =>
        labelsMatch(rs.name, relative),
      )
    : [];
  const aRecords = records.filter(rs => rs.type.endsWith('/A'));
  const cname = records.find(rs => rs.type.endsWith('/CNAME'));
  if (!zone || (!aRecords.length && !cname))
    return { rcode: 'NXDOMAIN', answers: [] };

  if (cname) {
    answers.push({
      name,
      type: 'CNAME',
      ttl: cname.properties.ttl ?? 10,
      data: normalize(cname.properties.cnameRecord.cname),
    });
    if (qtype !== 'A')
      return {
        rcode: 'NOERROR',
        answers: answers.filter(a => a.type === 'CNAME'),
      };
    const rest = resolveName(
      state,
      faults,
      cname.properties.cnameRecord.cname,
      'A',
    );
    return { rcode: rest.rcode, answers: [...answers, ...rest.answers] };
  }
  if (qtype === 'CNAME') return { rcode: 'NOERROR', answers };
  if (qtype === 'OTHER') return { rcode: 'NOERROR', answers: [] };

  const faulted = (list?: string[]) =>
    nameListMatches(list, asked) || nameListMatches(list, name);
  for (const record of aRecords) {
    const ttl = record.properties.ttl ?? 10;
    for (const { ipv4Address } of record.properties.aRecords ?? []) {
      let ip = ipv4Address as string;
      if (
        faulted(dnsFaults.publicIp) ||
        !linkedForIp(state, faults, zone, ip)
      ) {
        // Without a link the private zone is invisible: the public answer comes back.
        ip = PUBLIC_AZUREML_IP;
      } else if (faulted(dnsFaults.wrongPrivateIp)) {
        ip = WRONG_PRIVATE_IP;
      }
      answers.push({ name, type: 'A', ttl, data: ip });
    }
  }
  return { rcode: 'NOERROR', answers };
}
