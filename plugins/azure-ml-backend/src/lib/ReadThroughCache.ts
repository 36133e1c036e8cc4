import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { LocalCache } from './LocalCache';

/** Longest time a value is served from process memory without asking the cache service. */
const LOCAL_TTL_MS = 2000;
const LOCAL_MAX_ENTRIES = 2000;

/**
 * Read-through cache with single-flight: concurrent reads of one key share one load, so a
 * burst of identical page views costs one ARM read, and later reads within the TTL cost none.
 * Hot keys are also kept parsed in process memory for up to two seconds, so that a busy entity
 * page does not pay a cache-service round trip and a JSON parse per request.
 */
export class ReadThroughCache {
  private readonly local = new LocalCache<JsonValue>({
    maxEntries: LOCAL_MAX_ENTRIES,
  });

  constructor(
    private readonly cache: CacheService,
    private readonly options: { enabled: boolean; singleFlight?: boolean },
  ) {}

  /**
   * Returns the cached value of `key`, or loads it once (however many callers ask at the same
   * time) and keeps it for `ttlMs`. Failures are not cached.
   */
  get<T>(key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
    const local = this.local.get(key);
    if (local !== undefined) {
      return Promise.resolve(local as T);
    }
    const read = () =>
      this.readOrLoad(key, ttlMs, load as () => Promise<JsonValue>);
    return (
      this.options.singleFlight === false ? read() : this.local.once(key, read)
    ) as Promise<T>;
  }

  /** Writes a value (here and in the cache service), e.g. a new generation after a write. */
  async set(key: string, value: JsonValue, ttlMs: number): Promise<void> {
    this.local.set(key, value, Math.min(ttlMs, LOCAL_TTL_MS));
    if (this.options.enabled) {
      await this.cache.set(key, value, { ttl: ttlMs });
    }
  }

  /** Drops keys (after a write changed what they hold), here and in the cache service. */
  async delete(keys: string[]): Promise<void> {
    for (const key of keys) {
      this.local.delete(key);
    }
    if (this.options.enabled) {
      await Promise.all(keys.map(key => this.cache.delete(key)));
    }
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
        this.local.set(key, cached, Math.min(ttlMs, LOCAL_TTL_MS));
        return cached;
      }
    }
    const value = await load();
    if (useCache) {
      await this.cache.set(key, value, { ttl: ttlMs });
      this.local.set(key, value, Math.min(ttlMs, LOCAL_TTL_MS));
    }
    return value;
  }
}
