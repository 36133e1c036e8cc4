import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

/**
 * Read-through cache with single-flight: concurrent reads of one key share one load, so a
 * burst of identical page views costs one ARM read, and later reads within the TTL cost none.
 */
export class ReadThroughCache {
  private readonly inFlight = new Map<string, Promise<JsonValue>>();

  constructor(
    private readonly cache: CacheService,
    private readonly options: { enabled: boolean },
  ) {}

  /**
   * Returns the cached value of `key`, or loads it once (however many callers ask at the same
   * time) and keeps it for `ttlMs`. Failures are not cached.
   */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending as Promise<T>;
    }
    const promise = this.readOrLoad(
      key,
      ttlMs,
      load as () => Promise<JsonValue>,
    ).finally(() => {
      this.inFlight.delete(key);
    });
    this.inFlight.set(key, promise);
    return promise as Promise<T>;
  }

  private async readOrLoad(
    key: string,
    ttlMs: number,
    load: () => Promise<JsonValue>,
  ): Promise<JsonValue> {
    const useCache = this.options.enabled && ttlMs > 0;
    if (useCache) {
      const cached = await this.cache.get(key);
      if (cached !== undefined) {
        return cached;
      }
    }
    const value = await load();
    if (useCache) {
      await this.cache.set(key, value, { ttl: ttlMs });
    }
    return value;
  }
}
