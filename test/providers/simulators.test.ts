/**
 * The real clients, wired by createProviderClients, against the provider simulators: profile
 * lookups and full pagination end to end, quirky records included (string counts, null titles,
 * missing stats, a cut-off body the first time a record is sent).
 */
import { createProviderClients, type ProviderClients, type RawExchange } from '../../src/providers';
import { startSimulators, DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, type Simulators } from '../../src/simulators/start';
import { accountExistsAt, followersAt, generateWorld, postsVisibleAt, type SimAccount, type World } from '../../src/simulators/world';

describe('provider clients against the simulators', () => {
  let world: World;
  let sims: Simulators;
  let clients: ProviderClients;
  const exchanges: RawExchange[] = [];

  beforeAll(async () => {
    world = generateWorld({ seed: 11, creators: 60, malformedRate: 0.05 });
    sims = await startSimulators(world);
    clients = createProviderClients({
      tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY, requestsPerMinute: 60_000, monthlyCredits: 1000 },
      x: { baseUrl: sims.x.url, bearerToken: DEFAULT_X_TOKEN },
      onResponse: (r) => void exchanges.push(r),
      // Retries happen (cut-off bodies), but without real waiting.
      clock: { sleep: async () => {} },
    });
  }, 30_000);

  afterAll(async () => {
    await clients?.close();
    await sims?.close();
  });

  afterEach(() => {
    sims.tiklive.setMode({ zeroBalance: false, failAll: null });
    sims.x.setMode({ usageCapped: false, failAll: null });
  });

  /** The live, public account with the most visible posts (and a pinned one, when TikTok has it). */
  function busiest(platform: 'tiktok' | 'x'): SimAccount {
    const data = world[platform];
    const candidates = data.accounts.filter((a) => accountExistsAt(a, world.now) && !a.private && a.quirk === null);
    const score = (a: SimAccount) => {
      const posts = postsVisibleAt(data, a.id, world.now);
      return posts.length + (posts.some((p) => p.pinned) ? 10_000 : 0);
    };
    return candidates.sort((a, b) => score(b) - score(a))[0];
  }

  it('TikLive: profile by username, then every post once across pages, pinned first', async () => {
    const a = busiest('tiktok');
    const expected = postsVisibleAt(world.tiktok, a.id, world.now);
    expect(expected.length).toBeGreaterThan(40);
    expect(expected.some((p) => p.pinned)).toBe(true);

    const info = await clients.tiklive.userInfoByUsername(a.username);
    expect(info.user.id).toBe(a.id);
    expect(info.user.uniqueId).toBe(a.username);
    expect(info.stats.followerCount).toBe(followersAt(a, world.now, world.now));

    const before = sims.tiklive.stats.requests;
    const got: string[] = [];
    const pinned: string[] = [];
    for await (const v of clients.tiklive.allPosts(info.user.id, { pageSize: 20 })) {
      got.push(v.video_id);
      if (v.pinned) pinned.push(v.video_id);
    }
    expect(got).toHaveLength(expected.length);
    expect(new Set(got)).toEqual(new Set(expected.map((p) => p.id)));
    expect(pinned.sort()).toEqual(expected.filter((p) => p.pinned).map((p) => p.id).sort());
    expect(sims.tiklive.stats.requests - before).toBeGreaterThanOrEqual(Math.ceil(expected.length / 20));

    const status = await clients.status();
    expect(status.tiklive.budget?.used).toBe(sims.tiklive.stats.credits);
    expect(status.tiklive.lastSuccessAt).toBeInstanceOf(Date);
    expect(exchanges.filter((e) => e.provider === 'tikliveapi').length).toBe(sims.tiklive.stats.requests);
  });

  it('TikLive: since stops paging inside the window and skips old posts', async () => {
    const a = busiest('tiktok');
    const since = new Date(world.now - 10 * 24 * 3600_000);
    const expected = postsVisibleAt(world.tiktok, a.id, world.now).filter((p) => p.createdAt >= since.getTime());
    const got: string[] = [];
    for await (const v of clients.tiklive.allPosts(a.id, { since, pageSize: 10 })) got.push(v.video_id);
    expect(new Set(got)).toEqual(new Set(expected.map((p) => p.id)));
    expect(got).toHaveLength(expected.length);
  });

  it('TikLive: every quirky post of the world parses (null titles, string counts, missing stats)', async () => {
    const quirky = world.tiktok.posts.filter((p) => p.quirk && p.createdAt <= world.now);
    const authors = [...new Set(quirky.map((p) => p.authorId))]
      .map((id) => world.tiktok.byId.get(id)!)
      .filter((a) => accountExistsAt(a, world.now) && !a.private)
      .slice(0, 3);
    expect(authors.length).toBeGreaterThan(0);
    for (const a of authors) {
      const ids: string[] = [];
      for await (const v of clients.tiklive.allPosts(a.id)) ids.push(v.video_id);
      expect(new Set(ids)).toEqual(new Set(postsVisibleAt(world.tiktok, a.id, world.now).map((p) => p.id)));
    }
  });

  it('TikLive: unknown user -> NOT_FOUND; zero balance -> QUOTA', async () => {
    await expect(clients.tiklive.userInfoByUsername('nobody_here_zz')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Its own clients: a provider "no balance" closes that budget for a cool-off period.
    const own = createProviderClients({ tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY } });
    try {
      sims.tiklive.setMode({ zeroBalance: true });
      await expect(own.tiklive.userPosts(busiest('tiktok').id)).rejects.toMatchObject({ code: 'QUOTA' });
      const before = sims.tiklive.stats.requests;
      await expect(own.tiklive.userPosts(busiest('tiktok').id)).rejects.toMatchObject({ code: 'QUOTA' });
      expect(sims.tiklive.stats.requests).toBe(before);
      expect((await own.tikliveBudget.status()).exhausted).toBe(true);
    } finally {
      await own.close();
    }
  });

  it('X: profile, batch with a missing handle, and the full timeline with includes', async () => {
    const a = busiest('x');
    const u = await clients.x.userByUsername(a.username);
    expect(u).toMatchObject({ id: a.id, username: a.username });

    const batch = await clients.x.usersByUsernames([a.username, 'nobody_here_zz'], { noCache: true });
    expect(batch.users.map((x) => x.id)).toEqual([a.id]);
    expect(batch.errors).toEqual([expect.objectContaining({ value: 'nobody_here_zz', code: 'NOT_FOUND' })]);

    const expected = postsVisibleAt(world.x, a.id, world.now).filter((p) => p.createdAt >= world.start);
    expect(expected.length).toBeGreaterThan(20);
    const got: string[] = [];
    let referenced = 0;
    for await (const page of clients.x.allTweets(a.id, { startTime: new Date(world.start), maxResults: 20 })) {
      for (const t of page.tweets) {
        got.push(t.id);
        for (const ref of t.referenced_tweets ?? []) {
          referenced++;
          const included = page.includes.tweets.some((x) => x.id === ref.id);
          const reported = page.errors.some((e) => e.value === ref.id || e.resource_id === ref.id);
          expect(included || reported).toBe(true);
        }
      }
    }
    expect(got).toHaveLength(expected.length);
    expect(new Set(got)).toEqual(new Set(expected.map((p) => p.id)));
    expect(referenced).toBeGreaterThan(0);
  });

  it('X: usage cap -> USAGE_CAPPED without retries; outage -> TRANSIENT after retries', async () => {
    const id = busiest('x').id;
    sims.x.setMode({ usageCapped: true });
    let before = sims.x.stats.requests;
    await expect(clients.x.userTweets(id)).rejects.toMatchObject({ code: 'USAGE_CAPPED' });
    expect(sims.x.stats.requests - before).toBe(1);
    sims.x.setMode({ usageCapped: false, failAll: 503 });
    before = sims.x.stats.requests;
    await expect(clients.x.userTweets(id)).rejects.toMatchObject({ code: 'TRANSIENT', status: 503 });
    expect(sims.x.stats.requests - before).toBe(4);
  });

  it('a slow X lane does not delay TikTok', async () => {
    sims.x.setMode({ latencyMs: 1500 });
    let xDone = false;
    const slow = clients.x
      .userById(busiest('x').id, { noCache: true })
      .catch((e) => e)
      .finally(() => (xDone = true));
    const info = await clients.tiklive.userInfoById(busiest('tiktok').id, { noCache: true });
    expect(info.user.id).toBe(busiest('tiktok').id);
    // TikTok's answer is back while the X request is still in flight.
    expect(xDone).toBe(false);
    await slow;
    expect(xDone).toBe(true);
  }, 15_000);
});
