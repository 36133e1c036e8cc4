/** Counters of ARM requests served (admin routes under /_emulator are not counted). */
export interface EmulatorStats {
  armCalls: number;
  /** By ARM operation id (`Jobs_List`), plus `Unknown` for unmatched ARM paths. */
  byRoute: Record<string, number>;
  reset(): void;
}

export function createStats(): EmulatorStats {
  const stats: EmulatorStats = {
    armCalls: 0,
    byRoute: {},
    reset() {
      stats.armCalls = 0;
      stats.byRoute = {};
    },
  };
  return stats;
}

export function recordCall(stats: EmulatorStats, operationId: string) {
  stats.armCalls += 1;
  stats.byRoute[operationId] = (stats.byRoute[operationId] ?? 0) + 1;
}
