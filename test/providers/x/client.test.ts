import { createProfileCache } from '../../../src/providers/cache';
import type { RawExchange } from '../../../src/providers/http';
import { XClient, type XClientOptions } from '../../../src/providers/x/client';
import { problemCode, problemSlug } from '../../../src/providers/x/errors';
import { fakeClock, startServer, type Recorded, type Reply, type TestServer } from '../support/server';

const TOKEN = 'bearer-abc';

const user = (id: string, username: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: username.toUpperCase(),
  username,
  description: 'Making things. #maker',
  url: 'https://t.co/abc123',
  entities: { url: { urls: [{ start: 0, end: 23, url: 'https://t.co/abc123', expanded_url: 'https://example.com/me' }] } },
  public_metrics: { followers_count: 12345, following_count: 321, tweet_count: 4567, listed_count: 12, like_count: 890 },
  verified: false,
  protected: false,
  ...extra,
});

const notFound = (value: string, parameter = 'username') => ({
  value,
  detail: `Could not find user with ${parameter}: [${value}].`,
  title: 'Not Found Error',
  resource_type: 'user',
  parameter,
  resource_id: value,
  type: 'https://api.twitter.com/2/problems/resource-not-found',
});
const suspended = (value: string, parameter = 'usernames') => ({
  value,
  detail: `User has been suspended: [${value}].`,
  title: 'Forbidden',
  resource_type: 'user',
  parameter,
  resource_id: value,
  type: 'https://api.x.com/2/problems/resource-not-found',
});
const unauthorized = (value: string) => ({
  value,
  detail: `Sorry, you are not authorized to see the user with id: [${value}].`,
  title: 'Authorization Error',
  resource_type: 'user',
  parameter: 'ids',
  resource_id: value,
  type: 'https://api.twitter.com/2/problems/not-authorized-for-resource',
});

const tweet = (id: string, author = '1000000001', extra: Record<string, unknown> = {}) => ({
  id,
  text: `post ${id}`,
  edit_history_tweet_ids: [id],
  created_at: '2026-07-01T12:00:00.000Z',
  author_id: author,
  public_metrics: { retweet_count: 1, reply_count: 0, like_count: 3, quote_count: 0 },
  ...extra,
});

describe('XClient against per-case servers', () => {
  let server: TestServer | undefined;
  let client: XClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });

  async function setup(handler: (r: Recorded, n: number) => Reply, extra: Partial<XClientOptions> = {}) {
    server = await startServer(handler);
    const clock = fakeClock();
    client = new XClient({ baseUrl: server.url, bearerToken: TOKEN, clock, ...extra });
    return { server, client, clock };
  }

  it('looks up one user with the Bearer header and the field list', async () => {
    const { server, client } = await setup(() => ({ body: { data: user('1000000001', 'fakecreator') } }));
    const u = await client.userByUsername('@fakecreator');
    expect(server.requests[0].path).toBe('/2/users/by/username/fakecreator');
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(server.requests[0].query.get('user.fields')).toContain('public_metrics');
    expect(u).toMatchObject({ id: '1000000001', username: 'fakecreator', public_metrics: { followers_count: 12345 } });
  });

  it.each([
    [notFound('nosuchuser'), 'NOT_FOUND'],
    [suspended('baduser', 'username'), 'SUSPENDED'],
    [unauthorized('123'), 'PRIVATE'],
  ])('maps a 200 with only errors to the item code (%#)', async (problem, code) => {
    const { server, client } = await setup(() => ({ body: { errors: [problem] } }));
    await expect(client.userByUsername('nosuchuser')).rejects.toMatchObject({ code, provider: 'x-api-v2', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('batch lookup returns found users and per-item partial errors, in chunks of 100', async () => {
    const names = Array.from({ length: 150 }, (_, i) => `user_${i}`);
    const gone = new Set(['user_3', 'user_120']);
    const banned = new Set(['user_7']);
    const { server, client } = await setup((r) => {
      const asked = (r.query.get('usernames') ?? '').split(',');
      return {
        body: {
          data: asked.filter((n) => !gone.has(n) && !banned.has(n)).map((n, i) => user(String(5000 + Number(n.slice(5))), n)),
          errors: [
            ...asked.filter((n) => gone.has(n)).map((n) => notFound(n, 'usernames')),
            ...asked.filter((n) => banned.has(n)).map((n) => suspended(n)),
          ],
        },
      };
    });
    const res = await client.usersByUsernames([...names, 'USER_1', 'not valid!']);
    expect(server.requests.map((r) => r.path)).toEqual(['/2/users/by', '/2/users/by']);
    expect(server.requests.map((r) => r.query.get('usernames')!.split(',').length)).toEqual([100, 50]);
    expect(res.users).toHaveLength(147);
    expect(res.errors.map((e) => [e.value, e.code]).sort()).toEqual(
      [
        ['not valid!', 'INVALID_REQUEST'],
        ['user_120', 'NOT_FOUND'],
        ['user_3', 'NOT_FOUND'],
        ['user_7', 'SUSPENDED'],
      ].sort(),
    );
  });

  it('an item X neither returns nor reports is surfaced, not dropped', async () => {
    const { client } = await setup(() => ({ body: { data: [user('1', 'a')] } }));
    const res = await client.usersByIds(['1', '2']);
    expect(res.users.map((u) => u.id)).toEqual(['1']);
    expect(res.errors).toEqual([expect.objectContaining({ value: '2', code: 'TRANSIENT' })]);
  });

  it('usersByIds reports PRIVATE items', async () => {
    const { server, client } = await setup(() => ({ body: { data: [user('1', 'a')], errors: [unauthorized('2')] } }));
    const res = await client.usersByIds(['1', '2']);
    expect(server.requests[0].query.get('ids')).toBe('1,2');
    expect(res.errors).toEqual([expect.objectContaining({ value: '2', code: 'PRIVATE' })]);
  });

  it('cache hit avoids a request, across handle and id and batch', async () => {
    const cache = createProfileCache({ clock: fakeClock() });
    const { server, client } = await setup(
      (r) => (r.path === '/2/users/by' ? { body: { data: [user('2', 'two')] } } : { body: { data: user('1', 'one') } }),
      { cache },
    );
    await client.userByUsername('One');
    await client.userByUsername('one');
    await client.userById('1');
    const batch = await client.usersByUsernames(['one', 'two']);
    expect(batch.users.map((u) => u.username).sort()).toEqual(['one', 'two']);
    expect(server.requests.map((r) => [r.path, r.query.get('usernames')])).toEqual([
      ['/2/users/by/username/One', null],
      ['/2/users/by', 'two'],
    ]);
    await client.userById('2');
    expect(server.requests).toHaveLength(2);
  });

  it('a 429 waits until x-rate-limit-reset (floor 1 s), then succeeds', async () => {
    const clock = fakeClock();
    const reset = Math.floor(clock.now() / 1000) + 120;
    const { server } = await setup(
      (_r, n) =>
        n === 1
          ? {
              status: 429,
              headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
              body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
            }
          : { body: { data: user('1', 'one') } },
      { clock },
    );
    await client!.userById('1');
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([120_000]);
  });

  it('accepts the legacy {"errors":[{"code":88}]} 429 form as a rate limit', async () => {
    const { server, client, clock } = await setup((_r, n) =>
      n === 1 ? { status: 429, body: { errors: [{ code: 88, message: 'Rate limit exceeded' }] } } : { body: { data: user('1', 'one') } },
    );
    await client.userById('1');
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toHaveLength(1);
  });

  it('usage-capped 429 is USAGE_CAPPED and not retried', async () => {
    const { server, client, clock } = await setup(() => ({
      status: 429,
      headers: { 'content-type': 'application/problem+json' },
      body: {
        title: 'UsageCapExceeded',
        detail: 'Usage cap exceeded: Monthly product cap',
        type: 'https://api.x.com/2/problems/usage-capped',
        period: 'Monthly',
        scope: 'Product',
      },
    }));
    await expect(client.userTweets('1')).rejects.toMatchObject({ code: 'USAGE_CAPPED', retryable: false, status: 429 });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
    expect((await client.status()).lastError).toMatch(/USAGE_CAPPED/);
  });

  it('remaining 0 makes the next call to that endpoint wait for reset', async () => {
    const clock = fakeClock();
    const reset = () => String(Math.floor(clock.now() / 1000) + 30);
    const { server } = await setup(
      (r) => ({
        body: r.path.endsWith('/tweets') ? { meta: { result_count: 0 } } : { data: user('1', 'one') },
        headers: { 'x-rate-limit-limit': '300', 'x-rate-limit-remaining': r.path.endsWith('/tweets') ? '9000' : '0', 'x-rate-limit-reset': reset() },
      }),
      { clock },
    );
    await client!.userById('1', { noCache: true });
    await client!.userTweets('1');
    expect(clock.sleeps).toEqual([]);
    expect((await client!.status()).backingOff).toBe(true);
    await client!.userById('1', { noCache: true });
    expect(clock.sleeps).toEqual([30_000]);
    expect(server.requests).toHaveLength(3);
  });

  it('5xx retried then success; 5xx exhausted -> TRANSIENT', async () => {
    const { server, client } = await setup((r, n) =>
      r.path === '/2/users/1' && n === 1 ? { status: 503 } : r.path === '/2/users/2' ? { status: 500 } : { body: { data: user('1', 'one') } },
    );
    await client.userById('1');
    expect(server.requests).toHaveLength(2);
    await expect(client.userById('2')).rejects.toMatchObject({ code: 'TRANSIENT' });
    expect(server.requests).toHaveLength(6);
  });

  it.each([
    [401, 'AUTH', { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }],
    [403, 'AUTH', { title: 'Client Forbidden', type: 'https://api.twitter.com/2/problems/client-forbidden', reason: 'client-not-enrolled' }],
    [
      400,
      'INVALID_REQUEST',
      {
        errors: [{ parameters: { max_results: ['1000'] }, message: 'bad' }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      },
    ],
  ])('HTTP %i problem -> %s', async (status, code, body) => {
    const { server, client } = await setup(() => ({ status, body }));
    await expect(client.userById('1')).rejects.toMatchObject({ code, status, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('malformed body -> MALFORMED with the raw body, reported first', async () => {
    const raw = '{"data":{"id":12345678901234567890123,"name":"x","username":"x"}}';
    const seen: RawExchange[] = [];
    const { client } = await setup(() => ({ body: raw }), { onResponse: (r) => void seen.push(r) });
    const err = await client.userById('1').catch((e) => e);
    expect(err).toMatchObject({ code: 'MALFORMED', rawBody: raw, retryable: false });
    expect(seen.map((s) => s.body)).toEqual([raw]);
    expect(JSON.stringify(seen)).not.toContain(TOKEN);
  });

  it('a cut-off 200 body is retried; a schema-invalid one is not', async () => {
    const { server, client } = await setup((r, n) =>
      r.path === '/2/users/1' && n === 1 ? { body: '{"data":{"id":"1","na' } : r.path === '/2/users/1' ? { body: { data: user('1', 'one') } } : { body: { data: { id: 2 } } },
    );
    expect((await client.userById('1')).username).toBe('one');
    expect(server.requests).toHaveLength(2);
    await expect(client.userById('2')).rejects.toMatchObject({ code: 'MALFORMED', retryable: false });
    expect(server.requests).toHaveLength(3);
  });

  it('timeline: fields, expansions, window params, includes and partial errors', async () => {
    const { server, client } = await setup(() => ({
      body: {
        data: [tweet('1800000000000000003', '1', { referenced_tweets: [{ type: 'quoted', id: '1799999999999999999' }] })],
        includes: { users: [user('1', 'one'), user('2', 'two')], tweets: [tweet('1799999999999999999', '2')] },
        errors: [{ ...notFound('1799999999999999998', 'referenced_tweets.id'), resource_type: 'tweet' }],
        meta: { result_count: 1, newest_id: '1800000000000000003', oldest_id: '1800000000000000003' },
      },
    }));
    const page = await client.userTweets('1', {
      startTime: new Date('2026-06-01T00:00:00Z'),
      endTime: new Date('2026-07-01T00:00:00Z'),
      sinceId: '1700000000000000000',
      maxResults: 1000,
    });
    const q = Object.fromEntries(server.requests[0].query);
    expect(server.requests[0].path).toBe('/2/users/1/tweets');
    expect(q).toMatchObject({
      max_results: '100',
      start_time: '2026-06-01T00:00:00.000Z',
      end_time: '2026-07-01T00:00:00.000Z',
      since_id: '1700000000000000000',
      expansions: 'author_id,referenced_tweets.id,referenced_tweets.id.author_id',
    });
    expect(q['tweet.fields'].split(',')).toEqual(expect.arrayContaining(['created_at', 'public_metrics', 'referenced_tweets', 'entities']));
    expect(page.tweets[0].referenced_tweets).toEqual([{ type: 'quoted', id: '1799999999999999999' }]);
    expect(page.includes.tweets.map((t) => t.author_id)).toEqual(['2']);
    expect(page.includes.users.map((u) => u.username)).toEqual(['one', 'two']);
    expect(page.errors).toHaveLength(1);
  });

  it('timeline of a suspended user throws SUSPENDED; an empty timeline is an empty page', async () => {
    const { client } = await setup((r) =>
      r.path === '/2/users/9/tweets' ? { body: { errors: [suspended('9', 'id')] } } : { body: { meta: { result_count: 0 } } },
    );
    await expect(client.userTweets('9')).rejects.toMatchObject({ code: 'SUSPENDED' });
    const page = await client.userTweets('8');
    expect(page).toEqual({ tweets: [], includes: { users: [], tweets: [] }, meta: { result_count: 0 }, errors: [] });
  });

  it('accepts the "post" spellings of the newest spec (A.10)', async () => {
    const { client } = await setup(() => ({
      body: {
        data: [{ id: '5', text: 'x', edit_history_post_ids: ['5'], referenced_posts: [{ type: 'retweeted', id: '4' }] }],
        includes: { posts: [{ id: '4', text: 'orig' }] },
        meta: { result_count: 1 },
      },
    }));
    const page = await client.userTweets('1');
    expect(page.tweets[0].referenced_tweets).toEqual([{ type: 'retweeted', id: '4' }]);
    expect(page.tweets[0].edit_history_tweet_ids).toEqual(['5']);
    expect(page.includes.tweets.map((t) => t.id)).toEqual(['4']);
  });

  it('allTweets follows next_token (even past an empty page) and yields each post once', async () => {
    const pages: Record<string, { ids: string[]; next?: string }> = {
      '': { ids: ['9', '8', '7'], next: 'tokA' },
      tokA: { ids: ['7', '6'], next: 'tokB' },
      tokB: { ids: [], next: 'tokC' },
      tokC: { ids: ['5'] },
    };
    const { server, client } = await setup((r) => {
      const p = pages[r.query.get('pagination_token') ?? ''];
      return {
        body: {
          ...(p.ids.length ? { data: p.ids.map((id) => tweet(id)) } : {}),
          meta: { result_count: p.ids.length, ...(p.next ? { next_token: p.next } : {}) },
        },
      };
    });
    const seen: string[] = [];
    for await (const page of client.allTweets('1', { startTime: new Date('2026-01-01T00:00:00Z') })) {
      seen.push(...page.tweets.map((t) => t.id));
    }
    expect(seen).toEqual(['9', '8', '7', '6', '5']);
    expect(server.requests.map((r) => r.query.get('pagination_token'))).toEqual([null, 'tokA', 'tokB', 'tokC']);
    expect(server.requests.every((r) => r.query.get('start_time') === '2026-01-01T00:00:00.000Z')).toBe(true);
  });

  it('allTweets stops on a repeated token', async () => {
    const { server, client } = await setup(() => ({ body: { data: [tweet('1')], meta: { result_count: 1, next_token: 'loop' } } }));
    const got = [];
    for await (const p of client.allTweets('1')) got.push(p);
    expect(server.requests).toHaveLength(2);
    expect(got.flatMap((p) => p.tweets)).toHaveLength(1);
  });

  it('sends nothing without a bearer token, and validates ids locally', async () => {
    const { server } = await setup(() => ({ body: {} }));
    const anon = new XClient({ baseUrl: server.url });
    await expect(anon.userById('1')).rejects.toMatchObject({ code: 'AUTH' });
    await anon.close();
    await expect(client!.userById('abc')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(client!.userByUsername('way_too_long_for_x_handles')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(server.requests).toHaveLength(0);
  });
});

describe('X problem mapping', () => {
  it.each([
    ['https://api.twitter.com/2/problems/resource-not-found', 'resource-not-found'],
    ['https://api.x.com/2/problems/usage-capped', 'usage-capped'],
    ['about:blank', 'about:blank'],
    [undefined, 'about:blank'],
  ])('slug of %p is %p', (type, slug) => {
    expect(problemSlug(type)).toBe(slug);
  });

  it('matches by slug whatever the host', () => {
    expect(problemCode({ type: 'https://example.invalid/x/2/problems/not-authorized-for-resource', title: 'x' })).toBe('PRIVATE');
    expect(problemCode({ type: 'https://api.x.com/2/problems/resource-unavailable', title: 'x', detail: 'User has been suspended' })).toBe('SUSPENDED');
    expect(problemCode({ type: 'https://api.x.com/2/problems/client-forbidden', title: 'x' })).toBe('AUTH');
  });
});
