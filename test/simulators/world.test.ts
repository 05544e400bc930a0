import { parsePlatformId } from '../../src/graph/model';
import { Rng } from '../../src/simulators/random';
import { generateWorld, type SimPost, type World } from '../../src/simulators/world';

const OPTS = { seed: 7, creators: 240, days: 30 };

function post(world: World, gid: string): SimPost | undefined {
  const p = parsePlatformId(gid);
  if (!p) return undefined;
  return (p.platform === 'TIKTOK' ? world.tiktok : world.x).postsById.get(p.key);
}

describe('Rng', () => {
  it('repeats for a seed and differs between seeds', () => {
    const a = new Rng(1);
    const b = new Rng(1);
    const c = new Rng(2);
    const seqA = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(seqA);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
  });
});

describe('generateWorld', () => {
  const world = generateWorld(OPTS);

  it('is deterministic: same seed, same world; other seed, other world', () => {
    const again = generateWorld(OPTS);
    const other = generateWorld({ ...OPTS, seed: 8 });
    const digest = (w: World) =>
      JSON.stringify({
        accounts: [...w.tiktok.accounts, ...w.x.accounts].map((a) => [a.id, a.username, a.displayName, a.bioLink, a.followers]),
        posts: [...w.tiktok.posts, ...w.x.posts].map((p) => [p.id, p.createdAt, p.text]),
        truth: w.truth,
      });
    expect(digest(again)).toBe(digest(world));
    expect(digest(other)).not.toBe(digest(world));
  });

  it('puts about half of the creators on both platforms', () => {
    const people = world.creators.filter((c) => c.kind === 'creator');
    const both = people.filter((c) => c.tiktok && c.x).length;
    expect(both / people.length).toBeGreaterThan(0.4);
    expect(both / people.length).toBeLessThan(0.6);
    expect(people.some((c) => c.tiktok && !c.x)).toBe(true);
    expect(people.some((c) => c.x && !c.tiktok)).toBe(true);
  });

  it('draws heavy-tailed follower counts, mostly between 1k and 100k', () => {
    const f = [...world.tiktok.accounts, ...world.x.accounts].map((a) => a.followers).sort((a, b) => a - b);
    const median = f[f.length >> 1];
    expect(median).toBeGreaterThan(1_000);
    expect(median).toBeLessThan(100_000);
    expect(f[f.length - 1] / median).toBeGreaterThan(30);
    expect(f.filter((v) => v >= 1_000 && v <= 100_000).length / f.length).toBeGreaterThan(0.6);
  });

  it('uses platform-shaped string ids and valid handles', () => {
    expect(world.tiktok.accounts.every((a) => /^\d{19}$/.test(a.id))).toBe(true);
    expect(world.x.accounts.every((a) => /^\d{1,19}$/.test(a.id))).toBe(true);
    expect(world.x.accounts.every((a) => /^[A-Za-z0-9_]{1,15}$/.test(a.username))).toBe(true);
    expect(world.tiktok.accounts.every((a) => /^[a-z0-9_.]{2,24}$/.test(a.username))).toBe(true);
    expect(world.x.posts.every((p) => /^\d{19}$/.test(p.id))).toBe(true);
    expect(world.tiktok.posts.every((p) => /^\d{19}$/.test(p.id))).toBe(true);
    const lower = world.x.accounts.map((a) => a.username.toLowerCase());
    expect(new Set(lower).size).toBe(lower.length);
  });

  it('varies how one creator names themselves across platforms', () => {
    const relations = new Set(world.creators.map((c) => c.handleRelation).filter(Boolean));
    expect(relations).toEqual(new Set(['identical', 'near', 'unrelated']));
    const links = [...world.tiktok.accounts, ...world.x.accounts].map((a) => a.bioLink ?? '');
    expect(links.some((l) => l.includes('linktr.ee/') || l.includes('beacons.ai/'))).toBe(true);
    expect(links.some((l) => l.includes('utm_source=tiktok'))).toBe(true);
    expect(links.some((l) => /^https:\/\/(x|twitter)\.com\//.test(l) || l.startsWith('https://www.tiktok.com/@'))).toBe(true);
    expect(world.x.accounts.filter((a) => a.bioLink).every((a) => a.bioLinkShort?.startsWith('https://t.co/'))).toBe(true);
  });

  it('records look-alike accounts that are not one creator', () => {
    expect(world.truth.collisions.length).toBeGreaterThan(0);
    const paired = new Set(world.truth.pairs.map((p) => `${p.tiktokUserId}|${p.xUserId}`));
    for (const c of world.truth.collisions) {
      const t = world.tiktok.byId.get(c.tiktokUserId)!;
      const x = world.x.byId.get(c.xUserId)!;
      expect(t.creatorKey).not.toBe(x.creatorKey);
      expect(paired.has(`${t.id}|${x.id}`)).toBe(false);
      if (c.reason === 'SAME_DISPLAY_NAME') expect(t.displayName).toBe(x.displayName);
      // A common handle on both, or a squatter on a creator's handle: one username, two people.
      else expect(t.username.toLowerCase()).toBe(x.username.toLowerCase());
    }
  });

  it('has truth pairs that point at existing accounts of one creator', () => {
    expect(world.truth.pairs.length).toBeGreaterThan(0);
    for (const p of world.truth.pairs) {
      const t = world.tiktok.byId.get(p.tiktokUserId);
      const x = world.x.byId.get(p.xUserId);
      expect(t?.creatorKey).toBe(p.creatorKey);
      expect(x?.creatorKey).toBe(p.creatorKey);
    }
  });

  it('has amplifications whose source is earlier than the amplifier', () => {
    const kinds = new Set(world.truth.amplifications.map((a) => a.kind));
    expect(kinds).toEqual(new Set(['CROSSPOST', 'LINK', 'REPOST', 'QUOTE']));
    for (const a of world.truth.amplifications) {
      const amp = post(world, a.amplifierPostId);
      const src = post(world, a.sourcePostId);
      expect(amp).toBeDefined();
      expect(src).toBeDefined();
      expect(src!.createdAt).toBeLessThan(amp!.createdAt);
      expect(a.lagSeconds).toBe(Math.round((amp!.createdAt - src!.createdAt) / 1000));
      if (a.kind === 'CROSSPOST' || a.kind === 'LINK') {
        expect(amp!.urls.some((u) => u.expanded.endsWith(`/video/${src!.id}`))).toBe(true);
      }
      if (a.kind === 'REPOST') expect(amp!.ref).toEqual({ type: 'retweeted', id: src!.id });
      if (a.kind === 'QUOTE') expect(amp!.ref).toEqual({ type: 'quoted', id: src!.id });
    }
  });

  it('runs hashtag waves X-first with a 4-24 h lag, and keeps one-platform tags on their platform', () => {
    const tagsOn = (posts: SimPost[]) => new Set(posts.flatMap((p) => p.hashtags.map((h) => h.toLowerCase())));
    const xTags = tagsOn(world.x.posts);
    const ttTags = tagsOn(world.tiktok.posts);
    const both = world.truth.hashtagWaves.filter((w) => w.spillover === 'BOTH');
    expect(both.length).toBeGreaterThan(0);
    for (const w of both) {
      expect(w.lagHours!).toBeGreaterThanOrEqual(3.99);
      expect(w.lagHours!).toBeLessThanOrEqual(24.01);
      expect(Date.parse(w.tiktokStartAt!)).toBeGreaterThan(Date.parse(w.xStartAt!));
    }
    for (const w of world.truth.hashtagWaves) {
      if (w.spillover === 'X_ONLY') expect(ttTags.has(w.tag)).toBe(false);
      if (w.spillover === 'TIKTOK_ONLY') expect(xTags.has(w.tag)).toBe(false);
    }
  });

  it('breaks each news story with the earliest post of its tag', () => {
    expect(world.truth.newsStories.length).toBeGreaterThan(0);
    expect(new Set(world.truth.newsStories.map((s) => s.brokeOn)).size).toBeGreaterThan(0);
    for (const s of world.truth.newsStories) {
      const first = post(world, s.firstPostId)!;
      expect(first.platform).toBe(s.brokeOn);
      const earliest = Math.min(
        ...[...world.x.posts, ...world.tiktok.posts].filter((p) => p.hashtags.some((h) => h.toLowerCase() === s.tag)).map((p) => p.createdAt),
      );
      expect(first.createdAt).toBe(earliest);
    }
  });

  it('launches brand products on X before TikTok', () => {
    expect(world.truth.brandLaunches.length).toBeGreaterThan(0);
    for (const l of world.truth.brandLaunches) {
      expect(Date.parse(l.xAt)).toBeLessThan(Date.parse(l.tiktokAt));
      expect(post(world, l.xPostId)!.hashtags.map((h) => h.toLowerCase())).toContain(l.topic);
    }
  });

  it('includes deletions, private and protected accounts, and some malformed records', () => {
    expect(world.truth.deletions.length).toBeGreaterThan(0);
    expect(world.tiktok.accounts.some((a) => a.private)).toBe(true);
    expect(world.x.accounts.some((a) => a.private)).toBe(true);
    expect(world.tiktok.posts.some((p) => p.quirk !== null)).toBe(true);
    expect(generateWorld({ ...OPTS, malformedRate: 0 }).tiktok.posts.some((p) => p.quirk !== null)).toBe(false);
  });

  it('keeps hashtags inside TikTok captions, and each post in its author list newest first', () => {
    for (const p of world.tiktok.posts.slice(0, 500)) {
      for (const h of p.hashtags) expect(p.text).toContain(`#${h}`);
    }
    for (const [, list] of world.tiktok.postsByAuthor) {
      for (let i = 1; i < list.length; i++) expect(list[i].createdAt).toBeLessThan(list[i - 1].createdAt);
    }
  });

  it('builds profiles only in accountsOnly mode', () => {
    const w = generateWorld({ seed: 3, creators: 4000, accountsOnly: true });
    expect(w.tiktok.posts).toHaveLength(0);
    expect(w.x.posts).toHaveLength(0);
    expect(w.tiktok.accounts.length).toBeGreaterThan(2500);
    expect(w.truth.pairs.length).toBeGreaterThan(1500);
  });
});
