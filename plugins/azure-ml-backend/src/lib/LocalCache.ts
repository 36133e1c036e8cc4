/**
 * A bounded in-process map whose entries expire, plus single-flight loading: the one piece
 * of in-memory caching that ReadThroughCache (parsed ARM answers) and ResponseCache (serialized
 * route answers) share.
 */
export class LocalCache<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();
  private readonly inFlight = new Map<string, Promise<T>>();

  constructor(
    private readonly options: { maxEntries: number; now?: () => number },
  ) {}

  /** The unexpired value of `key`, if any. */
  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    return entry && entry.expiresAt > this.now() ? entry.value : undefined;
  }

  /**
   * Keeps `value` for `ttlMs`. Maps iterate in insertion order and entries mostly expire in
   * that order, so the expired ones at the head are dropped first; memory then holds only
   * live entries, and never more than `maxEntries`.
   */
  set(key: string, value: T, ttlMs: number): void {
    const now = this.now();
    for (const [oldest, entry] of this.entries) {
      if (entry.expiresAt > now) {
        break;
      }
      this.entries.delete(oldest);
    }
    this.entries.delete(key);
    if (this.entries.size >= this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, { value, expiresAt: now + ttlMs });
  }

  /** Runs `load` once for concurrent callers of the same key; they all get its result. */
  once(key: string, load: () => Promise<T>): Promise<T> {
    const pending = this.inFlight.get(key);
    if (pending) {
      return pending;
    }
    const promise = load().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  get size(): number {
    return this.entries.size;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  private now() {
    return this.options.now?.() ?? Date.now();
  }
}
