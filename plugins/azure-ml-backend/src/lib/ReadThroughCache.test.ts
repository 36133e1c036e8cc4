import { CacheService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { mockServices } from '@backstage/backend-test-utils';
import { ReadThroughCache } from './ReadThroughCache';

describe('ReadThroughCache', () => {
  it('shares one load among concurrent readers of a key (single-flight)', async () => {
    const cache = new ReadThroughCache(mockServices.cache.mock(), {
      enabled: false,
    });
    let finish: (value: string) => void = () => {};
    const pending = new Promise<string>(resolve => {
      finish = resolve;
    });
    const load = jest.fn(() => pending);
    const reads = Array.from({ length: 100 }, () => cache.get('k', 1000, load));
    finish('v'); // the load ends only after every reader has asked
    const values = await Promise.all(reads);
    expect(values).toEqual(Array(100).fill('v'));
    expect(load).toHaveBeenCalledTimes(1);
    await cache.get('k', 1000, load);
    expect(load).toHaveBeenCalledTimes(2); // caching disabled: a later read loads again
  });

  it('keeps values for their TTL and does not keep failures', async () => {
    const store = new Map<string, JsonValue>();
    const backing = mockServices.cache.mock({
      get: jest.fn(async (key: string) =>
        store.get(key),
      ) as CacheService['get'],
      set: jest.fn(async (key: string, value: JsonValue) => {
        store.set(key, value);
      }),
    });
    const cache = new ReadThroughCache(backing, { enabled: true });
    await expect(
      cache.get('k', 1000, () => Promise.reject(new Error('boom'))),
    ).rejects.toThrow('boom');
    expect(await cache.get('k', 1000, async () => 1)).toBe(1);
    expect(await cache.get('k', 1000, async () => 2)).toBe(1);
    expect(backing.set).toHaveBeenCalledWith('k', 1, { ttl: 1000 });
    expect(await cache.get('zero', 0, async () => 3)).toBe(3);
    expect(store.has('zero')).toBe(false);
  });
});
