import { disconnectRedisStores } from '@internal/backend-test-helpers';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ConfigSources, FileConfigSource } from '@backstage/config-loader';
import { CacheManager } from '@backstage/backend-defaults/cache';

/** The Redis stores the cache opens, disconnected after the suite (they keep the worker alive). */
jest.mock('@keyv/redis', () =>
  require('@internal/backend-test-helpers').trackedKeyvRedis(),
);
afterAll(disconnectRedisStores);

/*
 * Production's cache path, for real: app-config.production.yaml's backend.cache (Redis) with
 * REDIS_URL pointed at the Redis server on 127.0.0.1:6379. Two managers stand for two replicas:
 * what one writes, the other reads (the Azure ML read cache is shared this way).
 */
const repoRoot = path.resolve(__dirname, '../../..');

async function productionCache() {
  const source = FileConfigSource.create({
    path: path.join(repoRoot, 'app-config.production.yaml'),
    substitutionFunc: async name =>
      name === 'REDIS_URL'
        ? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
        : `unset-${name}`,
  });
  const config = await ConfigSources.toConfig(source);
  return { config, manager: CacheManager.fromConfig(config) };
}

describe('production cache (Redis)', () => {
  it('is shared between replicas', async () => {
    const a = await productionCache();
    const b = await productionCache();
    try {
      expect(a.config.getString('backend.cache.store')).toBe('redis');
      const key = `cache-test:${randomUUID()}`;
      await a.manager
        .forPlugin('azure-ml')
        .set(key, { items: [1, 2] }, { ttl: 5000 });
      expect(await b.manager.forPlugin('azure-ml').get(key)).toEqual({
        items: [1, 2],
      });
      await b.manager.forPlugin('azure-ml').delete(key);
      expect(await a.manager.forPlugin('azure-ml').get(key)).toBeUndefined();
    } finally {
      a.config.close();
      b.config.close();
    }
  });
});
