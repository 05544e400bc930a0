import type { SimulatorHandle } from '../../src/simulators/sim-http';
import { generateWorld, postsVisibleAt, type SimAccount } from '../../src/simulators/world';
import { DEFAULT_X_TOKEN, startXSimulator } from '../../src/simulators/x-server';

const world = generateWorld({ seed: 13, creators: 160, days: 30, malformedRate: 0 });
const AUTH = { Authorization: `Bearer ${DEFAULT_X_TOKEN}` };
const PROBLEMS = 'https://api.twitter.com/2/problems/';

let now = world.now;
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startXSimulator(world, { clock: () => now });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  now = world.now;
  sim.setMode({ usageCapped: false, failAll: null });
});

async function get(base: string, path: string, headers: Record<string, string> = AUTH) {
  const res = await fetch(base + path, { headers });
  return { status: res.status, headers: res.headers, json: (await res.json()) as any };
}

const active = (min: number) =>
  world.x.accounts.find(
    (a) => !a.private && a.deletedAt === null && postsVisibleAt(world.x, a.id, world.now).length >= min,
  ) as SimAccount;

describe('X simulator', () => {
  it('rejects a missing or unknown bearer token with a 401 about:blank problem', async () => {
    for (const headers of [{}, { Authorization: 'Bearer wrong' }] as Record<string, string>[]) {
      const r = await get(sim.url, '/2/users/by/username/someone', headers);
      expect(r.status).toBe(401);
      expect(r.json).toEqual({ title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
    }
  });

  it('returns only default user fields unless more are requested', async () => {
    const a = active(1);
    const plain = await get(sim.url, `/2/users/by/username/${a.username}`);
    expect(plain.json).toEqual({ data: { id: a.id, name: a.displayName, username: a.username } });
    const rich = await get(sim.url, `/2/users/${a.id}?user.fields=public_metrics,created_at`);
    expect(Object.keys(rich.json.data).sort()).toEqual(['created_at', 'id', 'name', 'public_metrics', 'username']);
    expect(typeof rich.json.data.public_metrics.followers_count).toBe('number');
    expect(rich.json.data.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('expands the profile link through entities.url and a t.co url', async () => {
    const a = world.x.accounts.find((x) => x.bioLink && x.deletedAt === null)!;
    const r = await get(sim.url, `/2/users/by/username/${a.username}?user.fields=url,entities,description`);
    expect(r.json.data.url).toMatch(/^https:\/\/t\.co\//);
    expect(r.json.data.entities.url.urls[0]).toMatchObject({ url: r.json.data.url, expanded_url: a.bioLink, start: 0 });
  });

  it('answers an unknown field name with a 400 invalid-request problem', async () => {
    const r = await get(sim.url, `/2/users/by/username/${active(1).username}?user.fields=id,shoe_size`);
    expect(r.status).toBe(400);
    expect(r.json.type).toBe(`${PROBLEMS}invalid-request`);
    expect(r.json.errors[0].parameters).toEqual({ 'user.fields': ['shoe_size'] });
    const badMax = await get(sim.url, `/2/users/${active(1).id}/tweets?max_results=3`);
    expect(badMax.status).toBe(400);
    expect(badMax.json.errors[0].parameters).toEqual({ max_results: ['3'] });
  });

  it('puts partial errors beside data for a batch with an unknown name', async () => {
    const names = world.x.accounts.filter((a) => a.deletedAt === null).slice(0, 3).map((a) => a.username);
    const r = await get(sim.url, `/2/users/by?usernames=${[...names, 'nobody_zz_9'].join(',')}`);
    expect(r.status).toBe(200);
    expect(r.json.data.map((u: any) => u.username)).toEqual(names);
    expect(r.json.errors).toEqual([
      {
        value: 'nobody_zz_9',
        detail: 'Could not find user with usernames: [nobody_zz_9].',
        title: 'Not Found Error',
        resource_type: 'user',
        parameter: 'usernames',
        resource_id: 'nobody_zz_9',
        type: `${PROBLEMS}resource-not-found`,
      },
    ]);
    const single = await get(sim.url, '/2/users/by/username/nobody_zz_9');
    expect(single.json.data).toBeUndefined();
    expect(single.json.errors[0].parameter).toBe('username');
  });

  it('pages a timeline with opaque tokens: every post once, newest first, previous_token back', async () => {
    const a = active(30);
    const expected = postsVisibleAt(world.x, a.id, now).map((p) => p.id);
    const seen: string[] = [];
    const pages: any[] = [];
    let token: string | undefined;
    for (let i = 0; i < 100; i++) {
      const r = await get(sim.url, `/2/users/${a.id}/tweets?max_results=7${token ? `&pagination_token=${token}` : ''}`);
      expect(r.status).toBe(200);
      pages.push(r.json);
      expect(r.json.meta.result_count).toBe(r.json.data.length);
      expect(r.json.meta.newest_id).toBe(r.json.data[0].id);
      expect(r.json.meta.oldest_id).toBe(r.json.data[r.json.data.length - 1].id);
      for (const t of r.json.data) {
        expect(Object.keys(t).sort()).toEqual(['edit_history_tweet_ids', 'id', 'text']);
        seen.push(t.id);
      }
      token = r.json.meta.next_token;
      if (!token) break;
    }
    expect(seen).toEqual(expected);
    expect(pages[0].meta.previous_token).toBeUndefined();
    const back = await get(sim.url, `/2/users/${a.id}/tweets?max_results=7&pagination_token=${pages[1].meta.previous_token}`);
    expect(back.json.data.map((t: any) => t.id)).toEqual(pages[0].data.map((t: any) => t.id));
  });

  it('applies since_id, time bounds and exclude', async () => {
    const a = active(30);
    const posts = postsVisibleAt(world.x, a.id, now);
    const since = await get(sim.url, `/2/users/${a.id}/tweets?max_results=100&since_id=${posts[4].id}`);
    expect(since.json.data.map((t: any) => t.id)).toEqual(posts.slice(0, 4).map((p) => p.id));
    const end = new Date(posts[10].createdAt).toISOString();
    const bounded = await get(sim.url, `/2/users/${a.id}/tweets?max_results=5&end_time=${end}`);
    expect(bounded.json.data[0].id).toBe(posts[10].id);
    const noRts = await get(sim.url, `/2/users/${a.id}/tweets?max_results=100&exclude=retweets,replies&tweet.fields=referenced_tweets`);
    for (const t of noRts.json.data ?? []) {
      expect((t.referenced_tweets ?? []).some((r: any) => r.type === 'retweeted' || r.type === 'replied_to')).toBe(false);
    }
  });

  it('answers an empty timeline with exactly {"meta":{"result_count":0}}', async () => {
    const a = active(1);
    const newest = postsVisibleAt(world.x, a.id, now)[0];
    const r = await get(sim.url, `/2/users/${a.id}/tweets?since_id=${newest.id}`);
    expect(r.json).toEqual({ meta: { result_count: 0 } });
  });

  it('fills includes for requested expansions and renders requested tweet fields', async () => {
    const rt = world.x.posts.find((p) => {
      if (p.ref?.type !== 'quoted' || p.createdAt > now) return false;
      const author = world.x.byId.get(p.authorId)!;
      const src = world.x.postsById.get(p.ref.id)!;
      const srcAuthor = world.x.byId.get(src.authorId)!;
      return [author, srcAuthor].every((u) => !u.private && u.deletedAt === null);
    })!;
    const posts = postsVisibleAt(world.x, rt.authorId, now);
    const idx = posts.findIndex((p) => p.id === rt.id);
    const r = await get(
      sim.url,
      `/2/users/${rt.authorId}/tweets?max_results=5&until_id=${BigInt(rt.id) + 1n}` +
        '&tweet.fields=author_id,created_at,entities,referenced_tweets,public_metrics&expansions=author_id,referenced_tweets.id,referenced_tweets.id.author_id',
    );
    expect(idx).toBeGreaterThanOrEqual(0);
    const t = r.json.data[0];
    expect(t.id).toBe(rt.id);
    expect(t.referenced_tweets).toEqual([{ type: 'quoted', id: rt.ref!.id }]);
    expect(t.entities.urls[0].expanded_url).toContain(`/status/${rt.ref!.id}`);
    expect(r.json.includes.tweets.map((x: any) => x.id)).toContain(rt.ref!.id);
    const src = world.x.postsById.get(rt.ref!.id)!;
    const userIds = r.json.includes.users.map((u: any) => u.id);
    expect(userIds).toContain(rt.authorId);
    expect(userIds).toContain(src.authorId);
    expect(new Set(userIds).size).toBe(userIds.length);
  });

  it('reports suspended, deleted and protected users as X does', async () => {
    const suspended = world.x.accounts.find((a) => a.deletionKind === 'suspended')!;
    now = suspended.deletedAt! - 1000;
    expect((await get(sim.url, `/2/users/${suspended.id}`)).json.data.id).toBe(suspended.id);
    now = suspended.deletedAt! + 1000;
    const s = await get(sim.url, `/2/users/${suspended.id}/tweets`);
    expect(s.status).toBe(200);
    expect(s.json.errors[0]).toMatchObject({ title: 'Forbidden', detail: `User has been suspended: [${suspended.id}].`, parameter: 'id' });

    const deleted = world.x.accounts.find((a) => a.deletionKind === 'deleted');
    if (deleted) {
      now = deleted.deletedAt! + 1000;
      const d = await get(sim.url, `/2/users/by/username/${deleted.username}`);
      expect(d.json.errors[0].title).toBe('Not Found Error');
    }
    now = world.now;
    const prot = world.x.accounts.find((a) => a.private && a.deletedAt === null)!;
    const p = await get(sim.url, `/2/users/${prot.id}/tweets`);
    expect(p.json.errors[0].type).toBe(`${PROBLEMS}not-authorized-for-resource`);
    const profile = await get(sim.url, `/2/users/${prot.id}?user.fields=protected`);
    expect(profile.json.data.protected).toBe(true);
  });

  it('sends x-rate-limit headers and a 429 once the endpoint window is spent', async () => {
    const small = await startXSimulator(world, { rateLimit: { 'GET /2/users/:id': 2 } });
    try {
      const id = active(1).id;
      const r1 = await get(small.url, `/2/users/${id}`);
      expect(r1.headers.get('x-rate-limit-limit')).toBe('2');
      expect(r1.headers.get('x-rate-limit-remaining')).toBe('1');
      const reset = Number(r1.headers.get('x-rate-limit-reset'));
      expect(reset).toBeGreaterThan(Date.now() / 1000);
      expect(reset).toBeLessThanOrEqual(Date.now() / 1000 + 15 * 60 + 1);
      await get(small.url, `/2/users/${id}`);
      const r3 = await get(small.url, `/2/users/${id}`);
      expect(r3.status).toBe(429);
      expect(r3.headers.get('x-rate-limit-remaining')).toBe('0');
      expect(r3.json).toMatchObject({ title: 'Too Many Requests', status: 429 });
      // Other endpoints have their own windows.
      expect((await get(small.url, `/2/users/by/username/${active(1).username}`)).status).toBe(200);
      expect(small.stats.status429).toBe(1);
    } finally {
      await small.close();
    }
  });

  it('switches to the usage-capped 429', async () => {
    sim.setMode({ usageCapped: true });
    const r = await get(sim.url, `/2/users/${active(1).id}`);
    expect(r.status).toBe(429);
    expect(r.json).toMatchObject({ type: `${PROBLEMS}usage-capped`, title: 'UsageCapExceeded', period: 'Monthly', scope: 'Product' });
  });

  it('searches recent posts by hashtag within the last 7 days', async () => {
    const recent = world.x.posts.find((p) => p.createdAt <= now && p.createdAt > now - 3 * 86_400_000 && p.hashtags.length > 0 && !world.x.byId.get(p.authorId)!.private)!;
    const tag = recent.hashtags[0];
    const r = await get(sim.url, `/2/tweets/search/recent?query=${encodeURIComponent('#' + tag)}&max_results=100&tweet.fields=created_at,entities`);
    expect(r.status).toBe(200);
    for (const t of r.json.data) {
      expect(t.entities.hashtags.map((h: any) => h.tag.toLowerCase())).toContain(tag.toLowerCase());
      expect(Date.parse(t.created_at)).toBeGreaterThan(now - 7 * 86_400_000);
    }
    expect(r.json.data.map((t: any) => t.id)).toContain(recent.id);
  });
});
