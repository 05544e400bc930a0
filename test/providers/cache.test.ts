import { createProfileCache, MemoryProfileCache, profileCacheKey } from '../../src/providers/cache';
import { fakeClock } from './support/server';
import { redisAvailable, startRedis, type TestRedis } from './support/redis';

describe('profile cache (in process)', () => {
  it('expires entries after the TTL', async () => {
    const clock = fakeClock();
    const c = createProfileCache({ ttlHours: 12, clock });
    await c.set('k', 'v');
    clock.advance(12 * 3600_000 - 1);
    expect(await c.get('k')).toBe('v');
    clock.advance(1);
    expect(await c.get('k')).toBeUndefined();
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const c = new MemoryProfileCache(3600, { maxEntries: 2, clock: fakeClock() });
    await c.set('a', '1');
    await c.set('b', '2');
    expect(await c.get('a')).toBe('1'); // a is now the most recent
    await c.set('c', '3');
    expect(await c.get('b')).toBeUndefined();
    expect(await c.get('a')).toBe('1');
    expect(await c.get('c')).toBe('3');
    expect(c.size).toBe(2);
  });

  it('accepts only 12..24 hour TTLs', () => {
    expect(() => createProfileCache({ ttlHours: 6 })).toThrow(RangeError);
    expect(() => createProfileCache({ ttlHours: 25 })).toThrow(RangeError);
    expect(createProfileCache().ttlSeconds).toBe(24 * 3600);
  });

  it('keys by provider, endpoint and sorted, case-folded params', () => {
    expect(profileCacheKey('x-api-v2', '/2/users/:id', { b: 'Y', a: 'X' })).toBe('x-api-v2|/2/users/:id|a=x&b=y');
    expect(profileCacheKey('tikliveapi', '/userid/', { username: 'A' })).not.toBe(
      profileCacheKey('x-api-v2', '/userid/', { username: 'A' }),
    );
  });
});

const withRedis = redisAvailable() ? describe : describe.skip;

withRedis('profile cache (Redis)', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 15_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('stores with SET key value EX ttl', async () => {
    const c = createProfileCache({ ttlHours: 13, redis: redis.client, keyPrefix: 'tc' });
    await c.set('k1', '{"a":1}');
    expect(await c.get('k1')).toBe('{"a":1}');
    expect(await redis.client.get('tc:k1')).toBe('{"a":1}');
    const ttl = await redis.client.ttl('tc:k1');
    expect(ttl).toBeGreaterThan(13 * 3600 - 5);
    expect(ttl).toBeLessThanOrEqual(13 * 3600);
    await c.delete('k1');
    expect(await c.get('k1')).toBeUndefined();
  });
});
