import { render, ResponseCache } from './ResponseCache';

describe('ResponseCache', () => {
  it('renders JSON once and tags it with an ETag that follows the bytes', () => {
    const a = render({ items: [1, 2] });
    expect(JSON.parse(a.body.toString())).toEqual({ items: [1, 2] });
    expect(render({ items: [1, 2] }).etag).toBe(a.etag);
    expect(render({ items: [1, 3] }).etag).not.toBe(a.etag);
  });

  it('shares one rendering between concurrent requests for a key', async () => {
    const cache = new ResponseCache({ enabled: true });
    let produced = 0;
    let finish: () => void = () => {};
    const released = new Promise<void>(resolve => {
      finish = resolve;
    });
    const produce = async () => {
      produced += 1;
      await released;
      return { n: produced };
    };
    const reads = Array.from({ length: 20 }, () => cache.get('k', produce));
    finish(); // the rendering ends only after every request has asked
    const results = await Promise.all(reads);
    expect(produced).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it('reuses an answer until its TTL passes, then renders again', async () => {
    let now = 0;
    const cache = new ResponseCache({
      enabled: true,
      ttlMs: 1000,
      now: () => now,
    });
    let produced = 0;
    const produce = async () => ({ n: ++produced });
    await cache.get('k', produce);
    now = 999;
    await cache.get('k', produce);
    expect(produced).toBe(1);
    now = 1000;
    const fresh = await cache.get('k', produce);
    expect(produced).toBe(2);
    expect(JSON.parse(fresh.body.toString())).toEqual({ n: 2 });
  });

  it('does not keep failures', async () => {
    const cache = new ResponseCache({ enabled: true });
    await expect(
      cache.get('k', async () => {
        throw new Error('ARM is down');
      }),
    ).rejects.toThrow('ARM is down');
    const ok = await cache.get('k', async () => ({ ok: true }));
    expect(JSON.parse(ok.body.toString())).toEqual({ ok: true });
  });

  it('keeps at most maxEntries answers, dropping the oldest', async () => {
    const cache = new ResponseCache({ enabled: true, maxEntries: 2 });
    let produced = 0;
    const produce = async () => ({ n: ++produced });
    await cache.get('a', produce);
    await cache.get('b', produce);
    await cache.get('c', produce); // drops 'a'
    await cache.get('b', produce);
    expect(produced).toBe(3);
    await cache.get('a', produce);
    expect(produced).toBe(4);
  });

  it('renders every time when disabled, and forgets everything on clear()', async () => {
    let produced = 0;
    const produce = async () => ({ n: ++produced });
    const off = new ResponseCache({ enabled: false });
    await off.get('k', produce);
    await off.get('k', produce);
    expect(produced).toBe(2);
    const on = new ResponseCache({ enabled: true });
    await on.get('k', produce);
    on.clear();
    await on.get('k', produce);
    expect(produced).toBe(4);
  });

  it('holds only unexpired answers: old ones go as new ones come in', async () => {
    let now = 0;
    const cache = new ResponseCache({
      enabled: true,
      ttlMs: 1000,
      now: () => now,
    });
    const produce = async () => ({ page: 'x'.repeat(100) });
    for (let i = 0; i < 50; i++) {
      await cache.get(`page-${i}`, produce);
    }
    expect(cache.size).toBe(50);
    now = 1500;
    await cache.get('page-new', produce);
    expect(cache.size).toBe(1);
  });
});
