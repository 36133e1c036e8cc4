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
    jest.useFakeTimers();
    let now = 0;
    const bucket = new TokenBucket({
      perSecond: 200,
      burst: 1,
      now: () => now,
    });
    let granted = 0;
    const all = Array.from({ length: 21 }, () =>
      bucket.acquire().then(() => granted++),
    );
    await Promise.resolve();
    expect(granted).toBe(1);
    // 20 reads over the burst at 200/s: every 5 ms one more, none refused.
    for (let step = 1; step <= 20; step++) {
      now = step * 5;
      await jest.advanceTimersByTimeAsync(5);
      expect(granted).toBe(1 + step);
    }
    await Promise.all(all);
    expect(bucket.queued).toBe(0);
  });
});
