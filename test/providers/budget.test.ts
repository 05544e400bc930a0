import { CreditBudget, monthKey, startOfNextMonth } from '../../src/providers/budget';
import { createLaneLimiter } from '../../src/providers/limiter';
import { fakeClock } from './support/server';
import { redisAvailable, startRedis, type TestRedis } from './support/redis';

describe('CreditBudget (in process)', () => {
  it('reserves per endpoint cost and fails fast with QUOTA once exhausted', async () => {
    const clock = fakeClock();
    const b = new CreditBudget({ monthlyLimit: 5, costs: { '/user-posts/': 2 }, clock });
    await b.reserve('/userinfo-by-username/');
    await b.reserve('/user-posts/');
    await b.reserve('/user-posts/');
    expect(await b.status()).toMatchObject({ exhausted: true, used: 5, limit: 5 });
    const err = await b.reserve('/userinfo-by-id/').catch((e) => e);
    expect(err).toMatchObject({ code: 'QUOTA', provider: 'tikliveapi', endpoint: '/userinfo-by-id/', retryable: false });
    expect((await b.status()).used).toBe(5);
  });

  it('gives back a released reservation exactly once', async () => {
    const b = new CreditBudget({ monthlyLimit: 2, clock: fakeClock() });
    const r = await b.reserve('/x/');
    await r.release();
    await r.release();
    expect((await b.status()).used).toBe(0);
    await b.reserve('/x/');
    await b.reserve('/x/');
    await expect(b.reserve('/x/')).rejects.toMatchObject({ code: 'QUOTA' });
  });

  it('never overspends under concurrent reservations', async () => {
    const b = new CreditBudget({ monthlyLimit: 7, clock: fakeClock() });
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => b.reserve('/x/')));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(7);
    expect((await b.status()).used).toBe(7);
  });

  it('starts a new month from zero and reports when it resets', async () => {
    const clock = fakeClock(Date.parse('2026-07-31T23:59:00Z'));
    const b = new CreditBudget({ monthlyLimit: 1, clock });
    await b.reserve('/x/');
    const s = await b.status();
    expect(s).toMatchObject({ exhausted: true, used: 1 });
    expect(s.resetsAt.toISOString()).toBe('2026-08-01T00:00:00.000Z');
    clock.advance(120_000);
    expect(await b.status()).toMatchObject({ exhausted: false, used: 0 });
    await b.reserve('/x/');
  });

  it('closes for a cool-off after the provider reports no balance', async () => {
    const clock = fakeClock();
    const b = new CreditBudget({ monthlyLimit: 100, providerQuotaCooldownMs: 60_000, clock });
    b.markProviderExhausted();
    await expect(b.reserve('/x/')).rejects.toMatchObject({ code: 'QUOTA', retryAfterMs: 60_000 });
    expect((await b.status()).exhausted).toBe(true);
    clock.advance(60_001);
    await b.reserve('/x/');
    expect(await b.status()).toMatchObject({ exhausted: false, used: 1 });
  });

  it('month helpers use UTC', () => {
    expect(monthKey(Date.parse('2026-12-31T23:30:00Z'))).toBe('2026-12');
    expect(startOfNextMonth(Date.parse('2026-12-31T23:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });
});

const withRedis = redisAvailable() ? describe : describe.skip;

withRedis('Redis-backed budget and limiter', () => {
  let redis: TestRedis;
  beforeAll(async () => {
    redis = await startRedis();
  }, 15_000);
  afterAll(async () => {
    await redis?.stop();
  });

  it('counts credits with INCRBY on a per-month key shared by every budget instance', async () => {
    const clock = fakeClock();
    const a = new CreditBudget({ monthlyLimit: 3, redis: redis.client, keyPrefix: 't1', clock });
    const b = new CreditBudget({ monthlyLimit: 3, redis: redis.client, keyPrefix: 't1', clock });
    await a.reserve('/x/');
    await b.reserve('/x/');
    const r = await a.reserve('/x/');
    await expect(b.reserve('/x/')).rejects.toMatchObject({ code: 'QUOTA' });
    expect(await redis.client.get('t1:credits:tikliveapi:2026-07')).toBe('3');
    expect(await redis.client.ttl('t1:credits:tikliveapi:2026-07')).toBeGreaterThan(30 * 24 * 3600);
    await r.release();
    expect(await b.status()).toMatchObject({ used: 2, exhausted: false });
  });

  it('clusters the limiter through Redis without closing the caller client', async () => {
    const limiter = createLaneLimiter({ id: `t-${Date.now()}`, requestsPerMinute: 60_000, redis: redis.client });
    let inFlight = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        limiter.schedule(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await new Promise((r) => setTimeout(r, 5));
          inFlight--;
          return i;
        }),
      ),
    );
    expect(results).toEqual([0, 1, 2, 3, 4, 5]);
    expect(peak).toBeLessThanOrEqual(4);
    await limiter.close();
    expect(await redis.client.ping()).toBe('PONG');
  });
});

describe('createLaneLimiter (in process)', () => {
  it('never runs more than maxConcurrent at once', async () => {
    const limiter = createLaneLimiter({ id: 't', maxConcurrent: 2 });
    let inFlight = 0;
    let peak = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const all = Promise.all(
      Array.from({ length: 8 }, () =>
        limiter.schedule(async () => {
          inFlight++;
          peak = Math.max(peak, inFlight);
          await gate;
          inFlight--;
        }),
      ),
    );
    for (let i = 0; i < 200 && inFlight < 2; i++) await new Promise((r) => setTimeout(r, 5));
    expect(inFlight).toBe(2);
    expect(limiter.queued()).toBeGreaterThan(0);
    release();
    await all;
    expect(peak).toBe(2);
    await limiter.close();
  });

  it('rejects a non-positive rate', () => {
    expect(() => createLaneLimiter({ id: 't', requestsPerMinute: 0 })).toThrow(RangeError);
  });
});
