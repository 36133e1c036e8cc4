import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';

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
  private readonly inFlight = new Map<string, Promise<JsonValue>>();
  private readonly local = new Map<
    string,
    { value: JsonValue; expiresAt: number }
  >();

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
    if (local && local.expiresAt > Date.now()) {
      return Promise.resolve(local.value as T);
    }
    if (this.options.singleFlight === false) {
      return this.readOrLoad(
        key,
        ttlMs,
        load as () => Promise<JsonValue>,
      ) as Promise<T>;
    }
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
        this.keepLocally(key, cached, ttlMs);
        return cached;
      }
    }
    const value = await load();
    if (useCache) {
      await this.cache.set(key, value, { ttl: ttlMs });
      this.keepLocally(key, value, ttlMs);
    }
    return value;
  }

  private keepLocally(key: string, value: JsonValue, ttlMs: number) {
    const now = Date.now();
    // Entries mostly expire in insertion order: drop the expired ones at the head.
    for (const [oldest, entry] of this.local) {
      if (entry.expiresAt > now) {
        break;
      }
      this.local.delete(oldest);
    }
    if (this.local.size >= LOCAL_MAX_ENTRIES) {
      // Maps iterate in insertion order: drop the oldest entry.
      this.local.delete(this.local.keys().next().value!);
    }
    this.local.delete(key);
    this.local.set(key, {
      value,
      expiresAt: now + Math.min(ttlMs, LOCAL_TTL_MS),
    });
  }
}
