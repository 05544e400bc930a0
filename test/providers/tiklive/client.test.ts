import { CreditBudget } from '../../../src/providers/budget';
import { createProfileCache } from '../../../src/providers/cache';
import type { RawExchange } from '../../../src/providers/http';
import { TikLiveClient, type TikLiveClientOptions } from '../../../src/providers/tiklive/client';
import { fakeClock, startServer, type Recorded, type Reply, type TestServer } from '../support/server';

const KEY = 'test-key-123';

const profileBody = (over: Record<string, unknown> = {}) => ({
  user: {
    id: '6943972350728700930',
    uniqueId: 'fakecreator',
    nickname: 'Fake Creator',
    signature: 'bio text',
    verified: false,
    secUid: 'MS4wLjABAAAA',
    privateAccount: false,
    bioLink: { link: 'https://linktr.ee/fakecreator', risk: 3 },
  },
  stats: { followerCount: 207900, followingCount: 262, heartCount: 1400000, heart: 1400000, videoCount: 191, diggCount: 911 },
  ...over,
});

describe('TikLiveClient against per-case servers', () => {
  let server: TestServer | undefined;
  let client: TikLiveClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });

  async function setup(handler: (r: Recorded, n: number) => Reply, extra: Partial<TikLiveClientOptions> = {}) {
    server = await startServer(handler);
    const clock = fakeClock();
    client = new TikLiveClient({ baseUrl: server.url, key: KEY, clock, ...extra });
    return { server, client, clock };
  }

  it('fetches a profile with X-Api-Key at the trailing-slash path and returns typed counts', async () => {
    const { server, client } = await setup(() => ({ body: profileBody() }));
    const info = await client.userInfoByUsername('@fakecreator');
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/userinfo-by-username/' });
    expect(server.requests[0].query.get('username')).toBe('fakecreator');
    expect(server.requests[0].headers['x-api-key']).toBe(KEY);
    expect(server.requests[0].headers.accept).toBe('application/json');
    expect(info.user).toMatchObject({ id: '6943972350728700930', uniqueId: 'fakecreator', bioLink: { link: 'https://linktr.ee/fakecreator' } });
    expect(info.stats).toMatchObject({ followerCount: 207900, heartCount: 1400000, videoCount: 191 });
    expect(info.statsLocation).toBe('stats');
  });

  it.each([
    ['user.stats', { stats: undefined, user: { ...profileBody().user, stats: { followerCount: '5', heart: '7' } } }, 5, 7],
    ['user', { stats: undefined, user: { ...profileBody().user, followerCount: 11, heartCount: '12' } }, 11, 12],
  ])('reads counts from %s, accepting numeric strings', async (where, over, followers, hearts) => {
    const { client } = await setup(() => ({ body: profileBody(over) }));
    const info = await client.userInfoById('6943972350728700930');
    expect(info.statsLocation).toBe(where);
    expect(info.stats.followerCount).toBe(followers);
    expect(info.stats.heartCount).toBe(hearts);
  });

  it.each([
    ['Not found post', 'NOT_FOUND'],
    ['User not exist', 'NOT_FOUND'],
    ['This account is private', 'PRIVATE'],
  ])('maps 200 {"status":"error","message":%p} to %s without retrying', async (message, code) => {
    const { server, client, clock } = await setup(() => ({ body: { status: 'error', message } }));
    const err = await client.userInfoByUsername('someone').catch((e) => e);
    expect(err).toMatchObject({ code, provider: 'tikliveapi', endpoint: '/userinfo-by-username/', retryable: false });
    expect(server.requests).toHaveLength(1);
    expect(clock.sleeps).toEqual([]);
  });

  it('treats an unrecognised status:error message as transient and retries it', async () => {
    const { server, client } = await setup((_r, n) =>
      n === 1 ? { body: { status: 'error', message: 'Something went wrong' } } : { body: profileBody() },
    );
    const info = await client.userInfoByUsername('fakecreator');
    expect(info.user.uniqueId).toBe('fakecreator');
    expect(server.requests).toHaveLength(2);
  });

  it.each([
    ['Api-Key is not available', 'AUTH'],
    ['Please sign up to tikliveapi.com', 'AUTH'],
    ['Your balance is not enough, please purchase credits', 'QUOTA'],
  ])('maps a bare {"message":%p} to %s', async (message, code) => {
    const { server, client } = await setup(() => ({ body: { message } }));
    await expect(client.userInfoByUsername('someone')).rejects.toMatchObject({ code, retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('retries a bare unknown message as transient and gives up with TRANSIENT', async () => {
    const { server, client } = await setup(() => ({ body: { message: 'Internal hiccup' } }));
    await expect(client.userInfoByUsername('someone')).rejects.toMatchObject({ code: 'TRANSIENT', retryable: true });
    expect(server.requests).toHaveLength(4);
  });

  it('zero balance -> QUOTA, then the budget fails fast without a request', async () => {
    const clock = fakeClock();
    const budget = new CreditBudget({ monthlyLimit: 100, clock });
    const { server, client } = await setup(() => ({ body: { message: 'Insufficient balance' } }), { budget, clock });
    await expect(client.userInfoByUsername('a')).rejects.toMatchObject({ code: 'QUOTA' });
    await expect(client.userInfoByUsername('b')).rejects.toMatchObject({ code: 'QUOTA' });
    expect(server.requests).toHaveLength(1);
    expect(await budget.status()).toMatchObject({ exhausted: true, used: 0 });
    const status = await client.status();
    expect(status.lastError).toMatch(/QUOTA/);
    expect(status.budget?.exhausted).toBe(true);
  });

  it('credit budget exhaustion fails fast without a request; only successes spend credits', async () => {
    const clock = fakeClock();
    const budget = new CreditBudget({ monthlyLimit: 2, clock });
    const { server, client } = await setup(
      (r) => (r.query.get('username') === 'gone' ? { body: { status: 'error', message: 'User not found' } } : { body: profileBody() }),
      { budget, clock },
    );
    await expect(client.userInfoByUsername('gone')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await budget.status()).used).toBe(0);
    await client.userInfoByUsername('fakecreator', { noCache: true });
    await client.userInfoByUsername('fakecreator', { noCache: true });
    expect(await budget.status()).toMatchObject({ used: 2, exhausted: true, limit: 2 });
    const before = server.requests.length;
    const err = await client.userInfoByUsername('fakecreator', { noCache: true }).catch((e) => e);
    expect(err).toMatchObject({ code: 'QUOTA', provider: 'tikliveapi' });
    expect(server.requests).toHaveLength(before);
  });

  it('honours a 429 Retry-After, then succeeds', async () => {
    const { server, client, clock } = await setup((_r, n) =>
      n === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: 'slow down' } : { body: profileBody() },
    );
    await client.userInfoByUsername('fakecreator');
    expect(server.requests).toHaveLength(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('retries a 5xx and succeeds; exhausts retries with TRANSIENT', async () => {
    const { server, client } = await setup((r, n) =>
      r.query.get('username') === 'flaky' && n === 1 ? { status: 502 } : r.query.get('username') === 'down' ? { status: 503 } : { body: profileBody() },
    );
    await client.userInfoByUsername('flaky');
    expect(server.requests).toHaveLength(2);
    await expect(client.userInfoByUsername('down')).rejects.toMatchObject({ code: 'TRANSIENT', status: 503 });
    expect(server.requests).toHaveLength(6);
  });

  it('a body that fails validation throws MALFORMED with the raw body, after reporting the exchange', async () => {
    const raw = '{"user":{"id":"1","uniqueId":"x"},"stats":{"followerCount":"lots"}}';
    const seen: RawExchange[] = [];
    const clock = fakeClock();
    const budget = new CreditBudget({ monthlyLimit: 10, clock });
    const { server, client } = await setup(() => ({ body: raw }), { onResponse: (r) => void seen.push(r), budget, clock });
    const err = await client.userInfoByUsername('x').catch((e) => e);
    expect(err).toMatchObject({ code: 'MALFORMED', rawBody: raw, endpoint: '/userinfo-by-username/' });
    expect(err.message).toMatch(/followerCount/);
    expect(seen).toHaveLength(1);
    expect(seen[0].body).toBe(raw);
    expect(server.requests).toHaveLength(1);
    // The provider answered 200 without an error envelope, so it charged the credit.
    expect((await budget.status()).used).toBe(1);
  });

  it('a non-JSON 200 (cut-off body) is retried, and MALFORMED with the raw body once retries run out', async () => {
    const clock = fakeClock();
    const budget = new CreditBudget({ monthlyLimit: 100, clock });
    const { server, client } = await setup((r, n) =>
      r.query.get('userid') === '1' && n === 1
        ? { body: '{"videos":[{"video_id":"1","crea' }
        : r.query.get('userid') === '1'
          ? { body: { videos: [], cursor: '0', hasMore: false } }
          : { body: '<html>oops</html>', headers: { 'content-type': 'text/html' } },
      { budget, clock },
    );
    expect((await client.userPosts('1')).videos).toEqual([]);
    expect(server.requests).toHaveLength(2);
    // Both 200s were billed by the provider, the cut-off one included.
    expect((await budget.status()).used).toBe(2);
    await expect(client.userPosts('2')).rejects.toMatchObject({ code: 'MALFORMED', rawBody: '<html>oops</html>' });
    expect(server.requests).toHaveLength(6);
    expect((await budget.status()).used).toBe(6);
  });

  it('serves profile lookups from the cache: by name, by id and the name -> id mapping', async () => {
    const cache = createProfileCache({ clock: fakeClock() });
    const { server, client } = await setup(() => ({ body: profileBody() }), { cache });
    const a = await client.userInfoByUsername('FakeCreator');
    const b = await client.userInfoByUsername('fakecreator');
    const c = await client.userInfoById('6943972350728700930');
    const id = await client.userId('@fakecreator');
    expect(server.requests).toHaveLength(1);
    expect(b).toEqual(a);
    expect(c.user.uniqueId).toBe('fakecreator');
    expect(id).toBe('6943972350728700930');
    await client.userInfoByUsername('fakecreator', { noCache: true });
    expect(server.requests).toHaveLength(2);
  });

  it('userId() reads the /userid/ reply defensively and caches it', async () => {
    const cache = createProfileCache({ clock: fakeClock() });
    const { server, client } = await setup(() => ({ body: { user_id: '777' } }), { cache });
    expect(await client.userId('someone')).toBe('777');
    expect(await client.userId('someone')).toBe('777');
    expect(server.requests.map((r) => r.path)).toEqual(['/userid/']);
  });

  it('fails with AUTH and sends nothing when no key is configured; rejects bad ids locally', async () => {
    const { server } = await setup(() => ({ body: profileBody() }));
    const keyless = new TikLiveClient({ baseUrl: server.url });
    await expect(keyless.userInfoByUsername('x')).rejects.toMatchObject({ code: 'AUTH' });
    expect((await keyless.status()).configured).toBe(false);
    await keyless.close();
    await expect(client!.userPosts('MS4wLjABAAAA')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    await expect(client!.userInfoByUsername('has space')).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
    expect(server.requests).toHaveLength(0);
  });

  it('userPosts clamps count to 35, passes the cursor and normalises loose fields', async () => {
    const { server, client } = await setup(() => ({
      body: {
        videos: [
          { video_id: '11', title: null, create_time: '1736900000', play_count: 5, digg_count: '4', comment_count: 3, share_count: 2, is_top: 1 },
          { id: 12, title: 'hi #fyp', create_time: 1736800000, play_count: 1, digg_count: 1, comment_count: 0, share_count: 0, author: { unique_id: 'x' } },
        ],
        cursor: 1736800000000,
        hasMore: true,
      },
    }));
    const page = await client.userPosts('42', { count: 100, cursor: 'abc' });
    expect(server.requests[0].path).toBe('/user-posts/');
    expect(Object.fromEntries(server.requests[0].query)).toEqual({ userid: '42', count: '35', cursor: 'abc' });
    expect(page.cursor).toBe('1736800000000');
    expect(page.hasMore).toBe(true);
    expect(page.videos.map((v) => [v.video_id, v.title, v.create_time, v.digg_count, v.pinned])).toEqual([
      ['11', null, 1736900000, 4, true],
      ['12', 'hi #fyp', 1736800000, 1, false],
    ]);
  });

  it('a video without counts keeps its page, with the counts unknown (null)', async () => {
    const { client } = await setup(() => ({
      body: {
        videos: [
          { video_id: '1', create_time: 1 },
          { video_id: '2', create_time: 2, play_count: 0, digg_count: 0, comment_count: 0, share_count: 0 },
        ],
        cursor: '0',
        hasMore: false,
      },
    }));
    const page = await client.userPosts('42');
    expect(page.videos.map((v) => [v.video_id, v.play_count, v.digg_count])).toEqual([
      ['1', null, null],
      ['2', 0, 0],
    ]);
  });

  it('a video without an id or a creation time is MALFORMED, not retried', async () => {
    const { server, client } = await setup(() => ({ body: { videos: [{ title: 'x', create_time: 1 }], cursor: '0', hasMore: false } }));
    await expect(client.userPosts('42')).rejects.toMatchObject({ code: 'MALFORMED', retryable: false });
    expect(server.requests).toHaveLength(1);
  });
});

/** A timeline of `n` posts, one day apart, newest first, plus an old pinned post served first. */
function timeline(n: number, newest = 1_780_000_000) {
  const posts = Array.from({ length: n }, (_, i) => ({
    video_id: String(7_000_000_000 + n - i),
    title: i % 3 === 0 ? null : `post ${i} #tag`,
    create_time: newest - i * 86_400,
    play_count: 100 + i,
    digg_count: i,
    comment_count: 0,
    share_count: 0,
    is_top: 0,
  }));
  const pinned = { ...posts[n - 1], video_id: '6000000000', create_time: newest - 400 * 86_400, is_top: 1 };
  return { posts, pinned };
}

describe('TikLiveClient.allPosts', () => {
  let server: TestServer | undefined;
  let client: TikLiveClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.close();
    client = server = undefined;
  });

  /** Pages of `count`, pinned first on page 1; the cursor is an opaque offset token; the last page repeats one post. */
  async function serve(n: number) {
    const { posts, pinned } = timeline(n);
    server = await startServer((r) => {
      const count = Number(r.query.get('count'));
      const cursor = r.query.get('cursor')!;
      const offset = cursor === '0' ? 0 : parseInt(cursor.slice(1), 36);
      const slice = posts.slice(offset, offset + count);
      const next = offset + count;
      // Providers overlap pages now and then: repeat the previous page's last post.
      const videos = offset === 0 ? [pinned, ...slice] : [posts[offset - 1], ...slice];
      return { body: { videos, cursor: `c${next.toString(36)}`, hasMore: next < posts.length } };
    });
    client = new TikLiveClient({ baseUrl: server.url, key: KEY, clock: fakeClock() });
    return { posts, pinned };
  }

  it('collects every post exactly once across pages, pinned post included', async () => {
    const { posts, pinned } = await serve(80);
    const got: string[] = [];
    for await (const v of client!.allPosts('42', { pageSize: 35 })) got.push(v.video_id);
    expect(server!.requests).toHaveLength(3);
    expect(new Set(got).size).toBe(got.length);
    expect(got.sort()).toEqual([pinned.video_id, ...posts.map((p) => p.video_id)].sort());
  });

  it('with since: skips the old pinned post without stopping, stops once the window is passed', async () => {
    const { posts } = await serve(80);
    const since = new Date((posts[44].create_time - 1) * 1000); // posts[0..44] are inside
    const got: string[] = [];
    for await (const v of client!.allPosts('42', { since, pageSize: 20 })) got.push(v.video_id);
    expect(got).toEqual(posts.slice(0, 45).map((p) => p.video_id));
    // Pages cover 0-19, 20-39, 40-59: the third page's tail is outside the window.
    expect(server!.requests).toHaveLength(3);
  });

  it('stops on an empty page even if hasMore says otherwise', async () => {
    server = await startServer((_r, n) =>
      n === 1
        ? { body: { videos: timeline(3).posts, cursor: 'next', hasMore: true } }
        : { body: { videos: [], cursor: 'again', hasMore: true } },
    );
    client = new TikLiveClient({ baseUrl: server.url, key: KEY, clock: fakeClock() });
    const got = [];
    for await (const v of client.allPosts('42')) got.push(v);
    expect(got).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });

  it('stops when the cursor does not move', async () => {
    server = await startServer(() => ({ body: { videos: timeline(3).posts, cursor: 'same', hasMore: true } }));
    client = new TikLiveClient({ baseUrl: server.url, key: KEY, clock: fakeClock() });
    const got = [];
    for await (const v of client.allPosts('42')) got.push(v);
    expect(got).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });
});
