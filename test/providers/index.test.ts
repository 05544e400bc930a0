import { createProviderClients } from '../../src/providers';
import { startServer, type TestServer } from './support/server';
import { redisAvailable, startRedis, type TestRedis } from './support/redis';

const profile = { user: { id: '42', uniqueId: 'someone' }, stats: { followerCount: 10 } };

describe('createProviderClients', () => {
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it('leaves lanes without credentials unconfigured: AUTH, no requests, visible in status', async () => {
    server = await startServer(() => ({ body: profile }));
    const clients = createProviderClients({ tiklive: { baseUrl: server.url }, x: { baseUrl: server.url } });
    try {
      await expect(clients.tiklive.userInfoByUsername('someone')).rejects.toMatchObject({ code: 'AUTH' });
      await expect(clients.x.userById('1')).rejects.toMatchObject({ code: 'AUTH' });
      expect(server.requests).toHaveLength(0);
      const s = await clients.status();
      expect(s.tiklive).toMatchObject({ provider: 'tikliveapi', configured: false, requestsLastHour: 0, backingOff: false, queuedRequests: 0 });
      expect(s.tiklive.lastError).toMatch(/AUTH/);
      expect(s.tiklive.budget).toMatchObject({ exhausted: false, used: 0, limit: 150_000 });
      expect(s.x).toMatchObject({ provider: 'x-api-v2', configured: false });
      expect(s.x.budget).toBeUndefined();
    } finally {
      await clients.close();
    }
  });

  it('meters TikLive credits and counts requests per lane', async () => {
    server = await startServer(() => ({ body: profile }));
    const clients = createProviderClients({
      tiklive: { baseUrl: server.url, key: 'k', monthlyCredits: 1, requestsPerMinute: 60_000 },
      x: { baseUrl: server.url, bearerToken: 't' },
    });
    try {
      await clients.tiklive.userInfoByUsername('someone');
      await expect(clients.tiklive.userPosts('42')).rejects.toMatchObject({ code: 'QUOTA' });
      expect(server.requests).toHaveLength(1);
      const s = await clients.status();
      expect(s.tiklive.requestsLastHour).toBe(1);
      expect(s.tiklive.budget).toMatchObject({ exhausted: true, used: 1, limit: 1 });
      expect(s.x.requestsLastHour).toBe(0);
    } finally {
      await clients.close();
    }
  });

  it('rejects a profile cache TTL outside 12..24 hours', () => {
    expect(() => createProviderClients({ profileCacheHours: 48 })).toThrow(RangeError);
  });
});

const withRedis = redisAvailable() ? describe : describe.skip;

withRedis('createProviderClients with Redis', () => {
  let redis: TestRedis;
  let server: TestServer;
  beforeAll(async () => {
    redis = await startRedis();
    server = await startServer(() => ({ body: profile }));
  }, 15_000);
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('shares the profile cache, credit counter and limiter between processes', async () => {
    const make = () =>
      createProviderClients({
        tiklive: { baseUrl: server.url, key: 'k', monthlyCredits: 10, requestsPerMinute: 60_000 },
        redis: redis.client,
        keyPrefix: 'shared-test',
      });
    const a = make();
    const b = make();
    try {
      await a.tiklive.userInfoByUsername('someone');
      const fromCache = await b.tiklive.userInfoByUsername('SOMEONE');
      expect(fromCache.user.id).toBe('42');
      expect(server.requests).toHaveLength(1);
      await b.tiklive.userInfoById('42', { noCache: true });
      expect((await a.tikliveBudget.status()).used).toBe(2);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    expect(await redis.client.ping()).toBe('PONG');
  });
});
