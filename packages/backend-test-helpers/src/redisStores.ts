type RedisStore = { disconnect(): Promise<void> };

/** The Redis stores opened through `trackedKeyvRedis` in this test file's module registry. */
const stores: RedisStore[] = [];

/**
 * `@keyv/redis` with every store it opens remembered, for a test file's
 * `jest.mock('@keyv/redis', () => require('@internal/backend-test-helpers').trackedKeyvRedis())`.
 * Backstage's cache service (and CacheManager) never close the Redis stores they open, not even
 * when a backend stops, and their sockets would keep the jest worker alive after the suite:
 * the test file calls `disconnectRedisStores()` in `afterAll`.
 */
export function trackedKeyvRedis() {
  const actual = jest.requireActual('@keyv/redis');
  class TrackedKeyvRedis extends actual.default {
    constructor(...args: unknown[]) {
      super(...args);
      stores.push(this as unknown as RedisStore);
    }
  }
  return { ...actual, __esModule: true, default: TrackedKeyvRedis };
}

/** Disconnects every store `trackedKeyvRedis` opened. */
export async function disconnectRedisStores() {
  await Promise.all(stores.splice(0).map(store => store.disconnect()));
}
