import { ProviderError } from '../../src/providers/errors';
import { HttpTransport, parseRetryAfter, type Classifier, type RawExchange } from '../../src/providers/http';
import { fakeClock, startServer, type TestServer } from './support/server';

const classify: Classifier = (res) => {
  const opts = { provider: 'x-api-v2' as const, endpoint: '/t', status: res.status };
  if (res.status === 429) return new ProviderError('RATE_LIMITED', '429', opts);
  if (res.status >= 500) return new ProviderError('TRANSIENT', `HTTP ${res.status}`, opts);
  if (res.status === 404) return new ProviderError('NOT_FOUND', 'gone', opts);
  return undefined;
};

describe('HttpTransport', () => {
  let server: TestServer | undefined;
  let transport: HttpTransport | undefined;
  afterEach(async () => {
    await transport?.close();
    await server?.close();
    transport = server = undefined;
  });

  function make(url: string, extra: Partial<ConstructorParameters<typeof HttpTransport>[0]> = {}) {
    transport = new HttpTransport({ provider: 'x-api-v2', baseUrl: url, ...extra });
    return transport;
  }

  it('retries 5xx with full-jitter exponential backoff, then succeeds', async () => {
    server = await startServer((_r, n) => (n <= 2 ? { status: 503, body: 'busy' } : { body: { ok: true } }));
    const clock = fakeClock(undefined, 0.5);
    const res = await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify });
    expect(JSON.parse(res.body)).toEqual({ ok: true });
    expect(server.requests).toHaveLength(3);
    // random 0.5 * min(8000, 250 * 2^(n-1))
    expect(clock.sleeps).toEqual([125, 250]);
  });

  it('caps the backoff and gives up after the configured attempts with TRANSIENT', async () => {
    server = await startServer(() => ({ status: 500, body: 'boom' }));
    const clock = fakeClock(undefined, 1);
    const t = make(server.url, { clock, retry: { attempts: 5, baseMs: 1000, capMs: 3000 } });
    const err = await t.get({ endpoint: '/t', path: '/t', classify }).catch((e) => e);
    expect(err).toBeInstanceOf(ProviderError);
    expect(err).toMatchObject({ code: 'TRANSIENT', retryable: true, status: 500, provider: 'x-api-v2' });
    expect(server.requests).toHaveLength(5);
    expect(clock.sleeps).toEqual([1000, 2000, 3000, 3000]);
    const status = t.status({ configured: true });
    expect(status.requestsLastHour).toBe(5);
    expect(status.lastError).toMatch(/TRANSIENT/);
    expect(status.lastSuccessAt).toBeUndefined();
  });

  it('does not retry an error the classifier marks final', async () => {
    server = await startServer(() => ({ status: 404, body: '{}' }));
    const clock = fakeClock();
    const err = await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify }).catch((e) => e);
    expect(err.code).toBe('NOT_FOUND');
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    server = await startServer((_r, n) => (n === 1 ? { status: 429, headers: { 'retry-after': '3' } } : { body: '{}' }));
    const clock = fakeClock();
    await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify });
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([3000]);
  });

  it('honours Retry-After as an HTTP date on a 429', async () => {
    const clock = fakeClock();
    server = await startServer((_r, n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': new Date(clock.now() + 7000).toUTCString() } } : { body: '{}' },
    );
    await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify });
    expect(clock.sleeps).toEqual([7000]);
  });

  it('on an X 429 waits until x-rate-limit-reset, with a 1 s floor', async () => {
    const clock = fakeClock();
    const nowSec = () => Math.floor(clock.now() / 1000);
    server = await startServer((_r, n) => {
      if (n === 1) return { status: 429, headers: { 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(nowSec() + 42) } };
      if (n === 2) return { status: 429, headers: { 'x-rate-limit-reset': String(nowSec() - 5) } };
      return { body: '{}' };
    });
    await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify });
    expect(server.requests).toHaveLength(3);
    expect(clock.sleeps).toEqual([42_000, 1000]);
  });

  it('holds the next request to an exhausted endpoint family until reset, other families unaffected', async () => {
    const clock = fakeClock();
    const reset = Math.floor(clock.now() / 1000) + 90;
    server = await startServer((r) =>
      r.path === '/a'
        ? { body: '{}', headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) } }
        : { body: '{}', headers: { 'x-rate-limit-remaining': '10', 'x-rate-limit-reset': String(reset) } },
    );
    const t = make(server.url, { clock });
    await t.get({ endpoint: 'A', path: '/a', classify });
    expect(clock.sleeps).toEqual([]);
    expect(t.status({ configured: true })).toMatchObject({ backingOff: true, rateLimitResetAt: new Date(reset * 1000) });

    await t.get({ endpoint: 'B', path: '/b', classify });
    expect(clock.sleeps).toEqual([]);

    await t.get({ endpoint: 'A', path: '/a', classify });
    expect(clock.sleeps).toEqual([90_000]);
    expect(server.requests.map((r) => r.path)).toEqual(['/a', '/b', '/a']);
  });

  it('fails with RATE_LIMITED instead of sleeping past maxWaitMs', async () => {
    server = await startServer(() => ({ status: 429, headers: { 'retry-after': '3600' } }));
    const clock = fakeClock();
    const t = make(server.url, { clock, maxWaitMs: 60_000 });
    const err = await t.get({ endpoint: '/t', path: '/t', classify }).catch((e) => e);
    expect(err).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 3_600_000 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    // The window stays closed: the next call fails without a request.
    const again = await t.get({ endpoint: '/t', path: '/t', classify }).catch((e) => e);
    expect(again.code).toBe('RATE_LIMITED');
    expect(server.requests).toHaveLength(1);
  });

  it('retries a dropped connection as a network error', async () => {
    server = await startServer((_r, n) => (n === 1 ? 'destroy' : { body: '{"n":2}' }));
    const clock = fakeClock();
    const res = await make(server.url, { clock }).get({ endpoint: '/t', path: '/t', classify });
    expect(res.body).toBe('{"n":2}');
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('times out a request that never answers', async () => {
    server = await startServer(() => 'hang');
    const err = await make(server.url, { timeoutMs: 150, retry: { attempts: 1 } })
      .get({ endpoint: '/t', path: '/t', classify })
      .catch((e) => e);
    expect(err).toMatchObject({ code: 'TRANSIENT', retryable: true });
    expect(err.message).toMatch(/network error/);
  });

  it('reports every exchange as received, without credentials, before classifying it', async () => {
    server = await startServer((_r, n) =>
      n === 1
        ? { status: 502, body: '<html>bad gateway</html>', headers: { 'content-type': 'text/html', 'set-cookie': 'sid=1' } }
        : { body: '{"v":1}', headers: { 'x-rate-limit-remaining': '5', 'x-secret-thing': 'no' } },
    );
    const seen: RawExchange[] = [];
    const clock = fakeClock();
    await make(`${server.url}/base`, { clock, headers: { authorization: 'Bearer SECRET' }, onResponse: (r) => void seen.push(r) }).get({
      endpoint: '/t',
      path: '/t/',
      query: { q: 'a,b', key: 'SECRET', skip: undefined },
      classify,
    });
    expect(server.requests[0].path).toBe('/base/t/');
    expect(server.requests[0].query.get('key')).toBe('SECRET');
    expect(server.requests[0].headers.authorization).toBe('Bearer SECRET');
    expect(seen.map((s) => [s.status, s.body, s.attempt])).toEqual([
      [502, '<html>bad gateway</html>', 1],
      [200, '{"v":1}', 2],
    ]);
    expect(seen[0]).toMatchObject({ provider: 'x-api-v2', endpoint: '/t', method: 'GET', url: '/base/t/?q=a,b' });
    expect(seen[0].headers).toMatchObject({ 'content-type': 'text/html', date: expect.any(String) });
    expect(seen[0].headers['set-cookie']).toBeUndefined();
    expect(seen[1].headers['x-rate-limit-remaining']).toBe('5');
    expect(seen[1].headers['x-secret-thing']).toBeUndefined();
    expect(JSON.stringify(seen)).not.toContain('SECRET');
    expect(seen[0].requestedAt).toBe(new Date(Date.parse('2026-07-15T12:00:00.000Z')).toISOString());
  });

  it('keeps connections alive across requests', async () => {
    server = await startServer(() => ({ body: '{}' }));
    const t = make(server.url);
    for (let i = 0; i < 10; i++) await t.get({ endpoint: '/t', path: '/t', classify });
    expect(server.requests).toHaveLength(10);
    // undici may open a second socket while the first is being released; reuse is what matters.
    expect(server.connections()).toBeLessThan(5);
  });

  it('reports backingOff while a retry sleeps', async () => {
    server = await startServer((_r, n) => (n === 1 ? { status: 500 } : { body: '{}' }));
    let during: boolean | undefined;
    const clock = fakeClock();
    const t = make(server.url, {
      clock: {
        now: clock.now,
        random: clock.random,
        sleep: async (ms) => {
          during = t.status({ configured: true }).backingOff;
          await clock.sleep(ms);
        },
      },
    });
    await t.get({ endpoint: '/t', path: '/t', classify });
    expect(during).toBe(true);
    const after = t.status({ configured: true });
    expect(after.backingOff).toBe(false);
    expect(after.lastSuccessAt).toEqual(new Date(clock.now()));
    expect(after.requestsLastHour).toBe(2);
    clock.advance(3600_001);
    expect(t.status({ configured: true }).requestsLastHour).toBe(0);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-07-15T12:00:00Z');
  it.each([
    ['5', 5000],
    ['0', 0],
    ['1.5', 1500],
    ['Wed, 15 Jul 2026 12:00:10 GMT', 10_000],
    ['Wed, 15 Jul 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%p -> %p', (v, ms) => {
    expect(parseRetryAfter(v, now)).toBe(ms);
  });
});
