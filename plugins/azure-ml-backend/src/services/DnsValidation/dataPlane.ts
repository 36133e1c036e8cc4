import { promises as dns } from 'node:dns';
import { isIP } from 'node:net';
import { DnsFinding } from '@internal/plugin-azure-ml-common';
import { ExpectedName } from './controlPlane';

/** What a lookup gave: addresses, or the resolver's error code. */
export interface LookupResult {
  name: ExpectedName;
  addresses?: string[];
  errorCode?: string;
  ms: number;
}

/** Public forwarding domain of a zone (what a custom DNS server forwards to 168.63.129.16). */
function forwarderDomain(zone: string) {
  return zone.replace(/^privatelink\./, '');
}

/** RFC 1918, shared address space and loopback: answers that stay inside a network. */
export function isPrivateIPv4(ip: string): boolean {
  if (isIP(ip) !== 4) return false;
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a === 127
  );
}

/**
 * Resolves every name in parallel with Node's resolver: the configured servers, or the
 * system's when none. One try per server and a timeout, so a dead server costs `timeoutMs`.
 */
export async function resolveNames(
  names: ExpectedName[],
  options: { servers: string[]; timeoutMs: number },
): Promise<LookupResult[]> {
  const resolver = new dns.Resolver({ timeout: options.timeoutMs, tries: 1 });
  if (options.servers.length) resolver.setServers(options.servers);
  return Promise.all(
    names.map(async name => {
      const start = performance.now();
      try {
        const addresses = await resolver.resolve4(name.lookupName);
        return { name, addresses, ms: performance.now() - start };
      } catch (error) {
        return {
          name,
          errorCode: (error as NodeJS.ErrnoException).code ?? 'ERROR',
          ms: performance.now() - start,
        };
      }
    }),
  );
}

/** Data-plane findings: a name must resolve to its private endpoint's IP. */
export function dataPlaneFindings(
  lookups: LookupResult[],
  options: { servers: string[]; timeoutMs: number },
): DnsFinding[] {
  const servers = options.servers.length
    ? options.servers.join(', ')
    : 'the system resolver';
  const findings: DnsFinding[] = [];
  for (const { name, addresses, errorCode } of lookups) {
    const base = {
      fqdn: name.lookupName,
      zone: name.zone,
      expected: name.expectedIp,
    };
    const domain = forwarderDomain(name.zone);
    if (addresses?.includes(name.expectedIp)) continue;
    if (errorCode === 'ETIMEOUT') {
      findings.push({
        ...base,
        check: 'resolve.timeout',
        severity: 'error',
        actual: `no answer within ${options.timeoutMs} ms`,
        remediation: `Make ${servers} reachable from where this runs (NSG, firewall, the server itself): it did not answer ${name.lookupName} within ${options.timeoutMs} ms.`,
      });
    } else if (errorCode === 'ENOTFOUND' || errorCode === 'ENODATA') {
      findings.push({
        ...base,
        check: 'resolve.nxdomain',
        severity: 'error',
        actual: errorCode === 'ENOTFOUND' ? 'NXDOMAIN' : 'no A record (NODATA)',
        remediation: `Make ${name.lookupName} resolvable through ${servers}: its record must be in zone ${name.zone}, the zone linked to the VNet of that DNS server, and a custom DNS server must forward ${domain} to 168.63.129.16.`,
      });
    } else if (errorCode) {
      findings.push({
        ...base,
        check: 'resolve.error',
        severity: 'error',
        actual: errorCode,
        remediation: `Check DNS server ${servers}: it failed to resolve ${name.lookupName} (${errorCode}).`,
      });
    } else if ((addresses ?? []).some(ip => !isPrivateIPv4(ip))) {
      findings.push({
        ...base,
        check: 'resolve.public-ip',
        severity: 'error',
        actual: (addresses ?? []).join(', '),
        remediation: `${servers} answers ${name.lookupName} from public DNS: link zone ${name.zone} to the VNet whose DNS serves clients, or forward ${domain} to 168.63.129.16 from the custom DNS server.`,
      });
    } else {
      findings.push({
        ...base,
        check: 'resolve.wrong-ip',
        severity: 'error',
        actual: (addresses ?? []).join(', '),
        remediation: `${name.lookupName} resolves to another private address: fix its A record in zone ${name.zone} to ${name.expectedIp}, or remove what answers first (a per-environment zone, a hosts entry, another DNS server's zone).`,
      });
    }
  }
  return findings;
}
