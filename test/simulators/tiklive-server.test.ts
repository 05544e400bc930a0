import type { SimulatorHandle } from '../../src/simulators/sim-http';
import {
  DEFAULT_TIKLIVE_KEY,
  USERID_RESPONSE_KEY,
  startTikLiveSimulator,
} from '../../src/simulators/tiklive-server';
import { generateWorld, postsVisibleAt, type SimAccount } from '../../src/simulators/world';

const world = generateWorld({ seed: 11, creators: 160, days: 30, malformedRate: 0 });
const KEY = { 'X-Api-Key': DEFAULT_TIKLIVE_KEY };

let now = world.now;
let sim: SimulatorHandle;

beforeAll(async () => {
  sim = await startTikLiveSimulator(world, { clock: () => now });
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => {
  now = world.now;
  sim.setMode({ failAll: null, zeroBalance: false });
});

async function get(base: string, path: string, headers: Record<string, string> = KEY) {
  const res = await fetch(base + path, { headers });
  const text = await res.text();
  let json: any;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

const publicWithPosts = (min: number) =>
  world.tiktok.accounts.find(
    (a) => !a.private && a.deletedAt === null && postsVisibleAt(world.tiktok, a.id, world.now).length >= min &&
      postsVisibleAt(world.tiktok, a.id, world.now).some((p) => p.pinned),
  ) as SimAccount;

describe('TikLive simulator', () => {
  it('answers a missing or unknown key with HTTP 200 and a bare message', async () => {
    for (const headers of [{}, { 'X-Api-Key': 'nope' }] as Record<string, string>[]) {
      const r = await get(sim.url, '/userinfo-by-username/?username=x', headers);
      expect(r.status).toBe(200);
      expect(r.json).toEqual({ message: 'Api-Key is not available' });
    }
  });

  it('serves user info at the trailing-slash path and without it', async () => {
    const a = publicWithPosts(1);
    const withSlash = await get(sim.url, `/userinfo-by-username/?username=${a.username}`);
    const without = await get(sim.url, `/userinfo-by-username?username=${a.username}`);
    expect(withSlash.status).toBe(200);
    expect(without.json).toEqual(withSlash.json);
    const { user, stats } = withSlash.json;
    expect(user).toMatchObject({ id: a.id, uniqueId: a.username, nickname: a.displayName, secUid: a.secUid, privateAccount: false });
    expect(typeof stats.followerCount).toBe('number');
    expect(stats.heart).toBe(stats.heartCount);
    if (a.bioLink) expect(user.bioLink.link).toBe(a.bioLink);
    else expect(user.bioLink).toBeUndefined();
    const byId = await get(sim.url, `/userinfo-by-id/?userid=${a.id}`);
    expect(byId.json.user.uniqueId).toBe(a.username);
    const uid = await get(sim.url, `/userid/?username=${a.username}`);
    expect(uid.json).toEqual({ [USERID_RESPONSE_KEY]: a.id });
  });

  it('returns the error envelope for unknown users and bad user ids', async () => {
    const r = await get(sim.url, '/userinfo-by-username/?username=zz_nobody_here_zz');
    expect(r.status).toBe(200);
    expect(r.json.status).toBe('error');
    expect(r.json.message.toLowerCase()).toContain('not found');
    const bad = await get(sim.url, `/user-posts/?userid=${publicWithPosts(1).username}`);
    expect(bad.json.status).toBe('error');
  });

  it('pages user posts with an opaque cursor, pinned first, every post exactly once', async () => {
    const a = publicWithPosts(25);
    const expected = postsVisibleAt(world.tiktok, a.id, now).map((p) => p.id);
    const seen: string[] = [];
    let cursor = '0';
    let first = true;
    for (let page = 0; page < 100; page++) {
      const r = await get(sim.url, `/user-posts/?userid=${a.id}&count=6&cursor=${cursor}`);
      expect(Array.isArray(r.json.videos)).toBe(true);
      if (first) {
        expect(r.json.videos[0].is_top).toBe(1);
        first = false;
      }
      for (const v of r.json.videos) {
        expect(typeof v.video_id).toBe('string');
        expect(typeof v.create_time).toBe('number');
        expect(v.author.unique_id).toBe(a.username);
        seen.push(v.video_id);
      }
      if (!r.json.hasMore) break;
      cursor = r.json.cursor;
    }
    expect(seen).toHaveLength(expected.length);
    expect(new Set(seen)).toEqual(new Set(expected));
  });

  it('clamps count to 35', async () => {
    const a = world.tiktok.accounts.find((x) => !x.private && x.deletedAt === null && postsVisibleAt(world.tiktok, x.id, now).length > 40);
    if (!a) throw new Error('world has no account with > 40 posts');
    const r = await get(sim.url, `/user-posts/?userid=${a.id}&count=100`);
    expect(r.json.videos.length).toBeLessThanOrEqual(35);
    expect(r.json.videos.length).toBeGreaterThanOrEqual(30);
    expect(r.json.hasMore).toBe(true);
  });

  it('hides posts of private accounts and serves post detail by URL', async () => {
    const priv = world.tiktok.accounts.find((a) => a.private && a.deletedAt === null)!;
    const r = await get(sim.url, `/user-posts/?userid=${priv.id}`);
    expect(r.json).toMatchObject({ status: 'error' });
    expect(r.json.message.toLowerCase()).toContain('private');
    const a = publicWithPosts(1);
    const p = postsVisibleAt(world.tiktok, a.id, now)[0];
    const d = await get(sim.url, `/post-detail/?url=${encodeURIComponent(`https://www.tiktok.com/@${a.username}/video/${p.id}`)}`);
    expect(d.json.id).toBe(p.id);
    expect(d.json.author.unique_id).toBe(a.username);
    const missing = await get(sim.url, `/post-detail/?url=${encodeURIComponent('https://www.tiktok.com/@x/video/123')}`);
    expect(missing.json).toEqual({ status: 'error', message: 'Not found post' });
  });

  it('answers not found for a deleted account once its deletedAt has passed', async () => {
    const gone = world.tiktok.accounts.find((a) => a.deletedAt !== null)!;
    now = gone.deletedAt! - 60_000;
    expect((await get(sim.url, `/userinfo-by-id/?userid=${gone.id}`)).json.user.id).toBe(gone.id);
    now = gone.deletedAt! + 60_000;
    expect((await get(sim.url, `/userinfo-by-id/?userid=${gone.id}`)).json.status).toBe('error');
  });

  it('does not show posts from after the clock', async () => {
    const a = publicWithPosts(25);
    const all = postsVisibleAt(world.tiktok, a.id, now);
    now = all[5].createdAt;
    const r = await get(sim.url, `/user-posts/?userid=${a.id}&count=35`);
    const ids = new Set(r.json.videos.map((v: any) => v.video_id));
    for (const p of all.slice(0, 5)) expect(ids.has(p.id)).toBe(false);
    expect(ids.has(all[5].id)).toBe(true);
  });

  it('counts one credit per successful call and none for errors', async () => {
    const before = { ...sim.stats };
    await get(sim.url, `/userinfo-by-username/?username=${publicWithPosts(1).username}`);
    await get(sim.url, '/userinfo-by-username/?username=zz_nobody_here_zz');
    await get(sim.url, '/userinfo-by-username/?username=x', {});
    expect(sim.stats.credits - before.credits).toBe(1);
    expect(sim.stats.requests - before.requests).toBe(3);
    expect(sim.stats.byEndpoint['userinfo-by-username']).toBeGreaterThanOrEqual(3);
  });

  it('switches to the zero-balance message and to forced failures', async () => {
    sim.setMode({ zeroBalance: true });
    const credits = sim.stats.credits;
    const r = await get(sim.url, `/userinfo-by-username/?username=${publicWithPosts(1).username}`);
    expect(r.status).toBe(200);
    expect(Object.keys(r.json)).toEqual(['message']);
    expect(r.json.message).toMatch(/balance/);
    expect(sim.stats.credits).toBe(credits);
    sim.setMode({ zeroBalance: false, failAll: 503 });
    const f = await get(sim.url, '/userinfo-by-username/?username=x');
    expect(f.status).toBe(503);
    expect(sim.stats.status5xx).toBeGreaterThanOrEqual(1);
  });

  it('enforces the per-minute budget with a bare HTTP 429 and no rate-limit headers', async () => {
    const small = await startTikLiveSimulator(world, { rateLimit: 3 });
    try {
      const statuses: number[] = [];
      let last: Awaited<ReturnType<typeof get>> | undefined;
      for (let i = 0; i < 5; i++) {
        last = await get(small.url, '/userinfo-by-username/?username=zz_nobody_here_zz');
        statuses.push(last.status);
      }
      expect(statuses).toEqual([200, 200, 200, 429, 429]);
      expect([...last!.headers.keys()].some((k) => k.startsWith('x-rate-limit'))).toBe(false);
      expect(small.stats.status429).toBe(2);
    } finally {
      await small.close();
    }
  });

  it('injects seeded random failures reproducibly', async () => {
    const run = async () => {
      const s = await startTikLiveSimulator(world, { failureRate: 0.3, seed: 5 });
      try {
        const out: number[] = [];
        for (let i = 0; i < 12; i++) out.push((await get(s.url, '/userid/?username=zz')).status);
        return out;
      } finally {
        await s.close();
      }
    };
    const a = await run();
    expect(await run()).toEqual(a);
    expect(a.some((s) => s >= 500)).toBe(true);
    expect(a.some((s) => s === 200)).toBe(true);
  });
});
