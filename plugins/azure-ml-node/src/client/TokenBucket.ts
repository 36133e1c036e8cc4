/**
 * A token bucket that queues callers instead of failing them: `acquire()` resolves, in call
 * order, as soon as a token is available. Used as the client-side ARM read budget so that a
 * burst of cache misses is spread out below Azure's own limit (250 burst, 25/s refill per
 * subscription and principal) rather than turning into 429s.
 */
export class TokenBucket {
  private tokens: number;
  private lastRefill: number;
  private readonly waiters: Array<() => void> = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly options: {
      perSecond: number;
      burst: number;
      now?: () => number;
    },
  ) {
    this.tokens = options.burst;
    this.lastRefill = this.now();
  }

  /** Resolves when the caller may make one read. */
  acquire(): Promise<void> {
    this.refill();
    if (this.waiters.length === 0 && this.tokens >= 1) {
      this.tokens -= 1;
      return Promise.resolve();
    }
    return new Promise(resolve => {
      this.waiters.push(resolve);
      this.schedule();
    });
  }

  /** Number of callers waiting for a token. */
  get queued(): number {
    return this.waiters.length;
  }

  private now(): number {
    return this.options.now ? this.options.now() : performance.now();
  }

  private refill() {
    const now = this.now();
    const elapsedSeconds = (now - this.lastRefill) / 1000;
    this.lastRefill = now;
    this.tokens = Math.min(
      this.options.burst,
      this.tokens + elapsedSeconds * this.options.perSecond,
    );
  }

  private schedule() {
    if (this.timer) {
      return;
    }
    const missing = Math.max(0, 1 - this.tokens);
    const delayMs = Math.ceil((missing / this.options.perSecond) * 1000);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.release();
    }, delayMs);
  }

  private release() {
    this.refill();
    while (this.waiters.length > 0 && this.tokens >= 1) {
      this.tokens -= 1;
      this.waiters.shift()!();
    }
    if (this.waiters.length > 0) {
      this.schedule();
    }
  }
}
