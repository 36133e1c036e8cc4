import { SeededRandom } from './seed/random';

/** Faults that can apply to every ARM route or to some of them. */
export interface RouteFaults {
  /** Added to every matching response. */
  latencyMs?: number;
  /** Share (0..1) of matching requests answered with a 5xx ARM error. */
  errorRate?: number;
  /** Status of those errors (default 500; 503 is the other common one). */
  errorStatus?: number;
  /** Answer with 429 + `Retry-After`; `true` means every request, 1 second. */
  throttle?: boolean | { retryAfterSeconds?: number; rate?: number };
  /** Long-running operations started while set end in `Failed`. */
  lroFailure?: boolean;
  /**
   * Answer HTTP 200 with ARM's error body instead of the resource (what a misbehaving proxy or
   * gateway does): clients must check the shape, not only the status.
   */
  errorBodyWith200?: boolean;
}

/**
 * DNS faults. Each list holds names: an exact FQDN, `*` (everything) or `*.suffix`.
 * `missingZoneLink` hides virtual network links (from ARM and from resolution alike).
 * The control-plane faults (`missingRecord`, `wrongRecordIp`, `emptyZone`, `shadowZone`)
 * change what ARM and the DNS server both see (`state/dnsFaultView.ts`).
 */
export interface DnsFaults {
  nxdomain?: string[];
  publicIp?: string[];
  wrongPrivateIp?: string[];
  /** The DNS server never answers these names (the client times out). */
  timeout?: string[];
  missingZoneLink?: Array<{ zone: string; virtualNetwork?: string }>;
  /** A record sets whose FQDN (e.g. `<relative>.privatelink.api.azureml.ms`) matches are absent. */
  missingRecord?: string[];
  /** A record sets whose FQDN matches carry a stale IP of the same subnet (`x.y.z.250`). */
  wrongRecordIp?: string[];
  /** Zones (by name) whose A record sets are all absent, e.g. `instances.azureml.ms`. */
  emptyZone?: string[];
  /** A per-environment duplicate of a central zone, in that environment's resource group. */
  shadowZone?: Array<{ zone: string; environment: 'dev' | 'prod' }>;
}

/** Shape of `POST /_emulator/faults` and of `emulator.faults.set()`. */
export interface FaultConfig extends RouteFaults {
  /** Per route: keyed by ARM operation id (`RegistryModelVersions_List`) or its group (`RegistryModelVersions`). */
  routes?: Record<string, RouteFaults>;
  dns?: DnsFaults;
}

export interface FaultsController {
  /** Replaces the current faults. */
  set(config: FaultConfig): void;
  reset(): void;
  get(): FaultConfig;
}

/** Throttle settings after defaults. */
export interface ThrottleDecision {
  retryAfterSeconds: number;
}

export class Faults implements FaultsController {
  private config: FaultConfig = {};
  private random = new SeededRandom(7);

  constructor(initial?: FaultConfig) {
    if (initial) this.set(initial);
  }

  set(config: FaultConfig) {
    this.config = JSON.parse(JSON.stringify(config ?? {}));
    this.random = new SeededRandom(7);
  }

  reset() {
    this.set({});
  }

  get(): FaultConfig {
    return JSON.parse(JSON.stringify(this.config));
  }

  /** Global faults overlaid by the ones of the route's group, then of the exact operation. */
  forRoute(operationId: string): RouteFaults {
    const { routes, dns: _dns, ...global } = this.config;
    const group = operationId.split('_')[0];
    return { ...global, ...routes?.[group], ...routes?.[operationId] };
  }

  /** Draws whether a request with this rate is hit (deterministic sequence per `set`). */
  hit(rate: number | undefined): boolean {
    if (!rate || rate <= 0) return false;
    return rate >= 1 || this.random.next() < rate;
  }

  throttleFor(faults: RouteFaults): ThrottleDecision | undefined {
    const throttle = faults.throttle;
    if (!throttle) return undefined;
    const settings = throttle === true ? {} : throttle;
    if (!this.hit(settings.rate ?? 1)) return undefined;
    return { retryAfterSeconds: settings.retryAfterSeconds ?? 1 };
  }

  get dns(): DnsFaults {
    return this.config.dns ?? {};
  }
}

/** Does a fault name list cover this FQDN? (`*`, `*.suffix` or exact, case-insensitive.) */
export function nameListMatches(
  list: string[] | undefined,
  fqdn: string,
): boolean {
  if (!list?.length) return false;
  const name = fqdn.toLowerCase().replace(/\.$/, '');
  return list.some(entry => {
    const pattern = entry.toLowerCase().replace(/\.$/, '');
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return name.endsWith(pattern.slice(1));
    return name === pattern;
  });
}
