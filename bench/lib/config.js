// Constants shared by the phases of `yarn bench` (bench/run.js).
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const EMULATOR_PORT = 7171;
const SUB = '11111111-1111-4111-8111-111111111111';

module.exports = {
  ROOT,
  LOG_DIR: path.join(ROOT, 'bench', '.logs'),
  EMULATOR_PORT,
  ARM: `http://127.0.0.1:${EMULATOR_PORT}`,
  LATENCY_MS: 120,
  LARGE_REGISTRY: 10000,
  /** Connections of the closed-loop rounds. */
  CONNECTIONS: 200,
  DURATION_S: Number(process.env.BENCH_DURATION_S ?? 10),
  ROUNDS: Number(process.env.BENCH_ROUNDS ?? 3),
  PAGE_VIEWS: 1000,
  /** Promotions requested at once for the throughput row. */
  PROMOTION_BATCH: 30,
  ENTITY: 'entities/component/default/taxi-fare',
  REGISTRY_PATH: `/subscriptions/${SUB}/resourceGroups/rg-aml-dev/providers/Microsoft.MachineLearningServices/registries/mlr-dev`,
  /** The open-loop rate, as a share of the bare route's closed-loop throughput. */
  OPEN_LOOP_SHARE: 0.5,
  /**
   * Open-loop connections: enough to carry this many times the rate at the models route's
   * one-connection throughput (each connection does less once several share the 2 cores).
   */
  OPEN_LOOP_HEADROOM: 3,
  // The V8 old-space cap the README recommends for a container with 512 MiB of memory.
  HEAP_CAP: '--max-old-space-size=256',
};
