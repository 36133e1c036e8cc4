import { TokenBucket } from './TokenBucket';

describe('TokenBucket', () => {
  afterEach(() => jest.useRealTimers());

  it('hands out the burst at once, then queues at the refill rate, in order', async () => {
    jest.useFakeTimers();
    let now = 0;
    const bucket = new TokenBucket({ perSecond: 10, burst: 3, now: () => now });
    const granted: number[] = [];
    const all = Array.from({ length: 6 }, (_, i) =>
      bucket.acquire().then(() => granted.push(i)),
    );
    await Promise.resolve();
    expect(granted).toEqual([0, 1, 2]);
    expect(bucket.queued).toBe(3);

    now = 100;
    await jest.advanceTimersByTimeAsync(100);
    expect(granted).toEqual([0, 1, 2, 3]);
    now = 300;
    await jest.advanceTimersByTimeAsync(200);
    await Promise.all(all);
    expect(granted).toEqual([0, 1, 2, 3, 4, 5]);
    expect(bucket.queued).toBe(0);
  });

  it('never fails a caller, however far over budget', async () => {
    const bucket = new TokenBucket({ perSecond: 200, burst: 1 });
    const started = performance.now();
    await Promise.all(Array.from({ length: 21 }, () => bucket.acquire()));
    // 20 reads over the burst at 200/s take about 100 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(90);
  });
});
