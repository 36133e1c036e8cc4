import fs from 'node:fs';
import { RequestHandler } from 'msw';
import { createArmHandlers, EmulatorRuntime } from './arm/router';
import { DEFAULT_PAGE_SIZE } from './arm/paging';
import { Faults, FaultConfig, FaultsController } from './faults';
import { createStats, EmulatorStats } from './stats';
import { createSeedState } from './seed/createSeedState';
import { EmulatorState } from './state/types';
import { createAdminHandlers } from './routes/admin';
import { jobRoutes } from './routes/jobs';
import { modelRoutes } from './routes/models';
import { networkRoutes } from './routes/network';
import { operationRoutes, settleDueOperations } from './routes/operations';
import { privateDnsRoutes } from './routes/privateDns';
import { workspaceRoutes } from './routes/workspaces';
import { workspaceChildRoutes } from './routes/workspaceChildren';

export interface AzureMlEmulatorOptions {
  /** Origin the handlers answer for; `*` answers any origin (the standalone server). Default ARM's. */
  baseUrl?: string;
  /** Number of `taxi-fare-model` versions in the dev registry (default: the 10 of the seed). */
  largeRegistryVersions?: number;
  /** Latency added to every ARM response. */
  latencyMs?: number;
  /** Refuse requests without `Authorization: Bearer …` (401). Default false: accepted, not required. */
  requireAuth?: boolean;
  /** Default page size of lists (`$top` overrides it where the API has `$top`). Default 20. */
  pageSize?: number;
  /** In-progress answers before a long-running operation settles. Default 1. */
  lroPolls?: number;
  /** A long-running operation settles this long after its start even if nobody polls. Default 5000. */
  lroSettleMs?: number;
  /** Faults active from the start. */
  faults?: FaultConfig;
  /** JSON file that keeps the state across restarts: loaded if present, written after mutations. */
  stateFile?: string;
}

export interface AzureMlEmulator {
  /** msw handlers: `setupServer(...emulator.handlers)` or `createServer(...emulator.handlers)`. */
  handlers: RequestHandler[];
  faults: FaultsController;
  stats: EmulatorStats;
  /** The mutable seeded state (mutate it in tests to shape a scenario). */
  state: EmulatorState;
  /** Back to the seed (in place: references to `state` stay valid). */
  resetState(): void;
  /** Writes pending state to `stateFile` now (no-op without one). */
  flush(): void;
  baseUrl: string;
}

const PERSIST_DEBOUNCE_MS = 50;

/** Builds the emulator: seeded state + msw handlers for the ARM subset and the admin routes. */
export function createAzureMlEmulator(
  options: AzureMlEmulatorOptions = {},
): AzureMlEmulator {
  const baseUrl = options.baseUrl ?? 'https://management.azure.com';
  const seed = () =>
    createSeedState({ largeRegistryVersions: options.largeRegistryVersions });
  const state: EmulatorState = loadState(options.stateFile) ?? seed();
  const faults = new Faults(options.faults);
  const stats = createStats();

  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (options.stateFile)
      fs.writeFileSync(options.stateFile, JSON.stringify(state));
  };

  const runtime: EmulatorRuntime = {
    state,
    faults,
    stats,
    latencyMs: options.latencyMs ?? 0,
    requireAuth: options.requireAuth ?? false,
    pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
    lroPolls: options.lroPolls ?? 1,
    lroSettleMs: options.lroSettleMs ?? 5000,
    onMutation: () => {
      if (!options.stateFile || timer) return;
      timer = setTimeout(flush, PERSIST_DEBOUNCE_MS);
      timer.unref();
    },
    tick: () => settleDueOperations(runtime),
  };

  const resetState = () => {
    const fresh = seed();
    for (const k of Object.keys(fresh) as Array<keyof EmulatorState>) {
      (state as unknown as Record<string, unknown>)[k] = fresh[k];
    }
    runtime.onMutation();
  };

  const routes = [
    ...workspaceRoutes,
    ...workspaceChildRoutes,
    ...modelRoutes,
    ...jobRoutes,
    ...operationRoutes,
    ...networkRoutes,
    ...privateDnsRoutes,
  ];
  const handlers: RequestHandler[] = [
    ...createAdminHandlers({ baseUrl, faults, stats, state, resetState }),
    ...createArmHandlers(routes, runtime, baseUrl),
  ];
  if (options.stateFile && !fs.existsSync(options.stateFile)) flush();
  return { handlers, faults, stats, state, resetState, flush, baseUrl };
}

function loadState(file: string | undefined): EmulatorState | undefined {
  if (!file || !fs.existsSync(file)) return undefined;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as EmulatorState;
}
