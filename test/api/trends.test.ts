/**
 * hashtagTrends and categoryLags through GraphQL on a small hand-built graph: a busy everyday tag
 * that must not spike, a clear wave from X to TikTok, a wave that stays on X, a tag with a
 * handful of posts on one platform, filters, an empty window and bad input.
 */
import { writeAccounts } from '../../src/graph/accounts';
import { writePosts } from '../../src/graph/posts';
import type { AccountRecord, Platform, PostRecord } from '../../src/graph/model';
import { gql, startTestApp, type TestApp } from '../support/app';

const H = 3_600_000;
const T0 = Date.parse('2026-10-01T00:00:00Z');
const DAYS = 10;
const FIELDS = 'tag category xVolume tiktokVolume spillover leader xSpikeAt tiktokSpikeAt lagHours lagHoursLow lagHoursHigh';

/** Deterministic uniform [0, 1). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('hashtagTrends and categoryLags', () => {
  let app: TestApp;
  const r = rng(7);
  let n = 0;
  const posts: PostRecord[] = [];
  const post = (platform: Platform, author: number, at: number, tags: string[]) =>
    posts.push({
      platform,
      platformPostId: String(++n),
      authorPlatformUserId: `${platform === 'X' ? 'x' : 't'}${author}`,
      url: `https://example.test/${n}`,
      text: tags.map((t) => `#${t}`).join(' '),
      createdAt: new Date(at).toISOString(),
      hashtags: tags,
      mentions: [],
      metrics: { likes: 0, comments: 0, shares: 0 },
      fetchedAt: '2026-10-20T00:00:00Z',
    });

  beforeAll(async () => {
    app = await startTestApp({ SEED_ON_START: 'false' });
    const accounts: AccountRecord[] = [];
    for (let i = 0; i < 80; i++) {
      for (const platform of ['X', 'TIKTOK'] as const) {
        const id = `${platform === 'X' ? 'x' : 't'}${i}`;
        accounts.push({ platform, platformUserId: id, username: `user_${id}`, followers: 1000, fetchedAt: '2026-10-20T00:00:00Z' });
      }
    }
    await writeAccounts(app.graph, accounts);
    // Everyday posting: every account posts #makeup (beauty) about every 10 hours, on both
    // platforms, for ten days: about 8 distinct accounts an hour, with Poisson-like noise.
    for (let h = 0; h < DAYS * 24; h++) {
      for (let i = 0; i < 80; i++) {
        for (const platform of ['X', 'TIKTOK'] as const) if (r() < 0.1) post(platform, i, T0 + (h + r()) * H, ['makeup']);
      }
    }
    // A clear wave: X from day 5 10:20, TikTok 9.5 h later, 30 accounts each, spread over hours.
    const xStart = T0 + (4 * 24 + 10) * H + 20 * 60_000;
    const ttStart = xStart + 9.5 * H;
    for (let i = 0; i < 30; i++) {
      post('X', i, i === 0 ? xStart : xStart + -Math.log(1 - r()) * 5 * H, ['glowdrop', 'makeup']);
      post('TIKTOK', 40 + i, i === 0 ? ttStart : ttStart + -Math.log(1 - r()) * 6 * H, ['glowdrop']);
    }
    // A wave that stays on X (one stray TikTok post), and one posted three times by one spammer.
    const xOnly = T0 + 6 * 24 * H;
    for (let i = 0; i < 20; i++) post('X', i, xOnly + -Math.log(1 - r()) * 3 * H, ['xonlybuzz']);
    post('TIKTOK', 3, xOnly + 30 * H, ['xonlybuzz']);
    for (let k = 0; k < 12; k++) post('X', 5, xOnly + k * 60_000, ['spammertag']);
    // A handful on one platform: three TikTok posts over a day.
    for (let i = 0; i < 3; i++) post('TIKTOK', 60 + i, T0 + (7 * 24 + 8 * i) * H, ['tinytag']);
    await writePosts(app.graph, posts);
  }, 300_000);
  afterAll(async () => {
    await app?.close();
  });

  const window = { since: new Date(T0 + 3 * 24 * H).toISOString(), until: new Date(T0 + DAYS * 24 * H).toISOString() };
  const trends = async (args = '') => {
    const res = await gql(app.url, `query($since: DateTime, $until: DateTime) { hashtagTrends(since: $since, until: $until${args}) { ${FIELDS} } }`, window);
    expect(res.errors).toBeUndefined();
    return res.data.hashtagTrends as any[];
  };

  it('finds the wave with its lag, leader and interval, and leaves the busy tag, the spammer and the handful out', async () => {
    const list = await trends();
    const tags = list.map((t) => t.tag);
    expect(tags).not.toContain('makeup');
    expect(tags).not.toContain('spammertag');
    const wave = list.find((t) => t.tag === 'glowdrop');
    expect(wave).toMatchObject({ spillover: 'BOTH', leader: 'X', category: 'beauty' });
    expect(wave.lagHours).toBeCloseTo(9.5, 1);
    expect(wave.lagHoursLow).toBeLessThanOrEqual(9.5);
    expect(wave.lagHoursHigh).toBeGreaterThanOrEqual(9.5);
    expect(new Date(wave.xSpikeAt).getTime()).toBe(T0 + (4 * 24 + 10) * H + 20 * 60_000);
    // A handful of posts on one platform: not a trend with a lag (no interval to report).
    const tiny = list.find((t) => t.tag === 'tinytag');
    expect(tiny === undefined || (tiny.lagHours === null && tiny.lagHoursLow === null)).toBe(true);
    const xOnly = list.find((t) => t.tag === 'xonlybuzz');
    expect(xOnly).toMatchObject({ spillover: 'X_ONLY', tiktokSpikeAt: null, lagHours: null, leader: null });
    expect(xOnly.xVolume).toBeGreaterThanOrEqual(15);
    expect(xOnly.tiktokVolume).toBe(1);
  });

  it('widens the interval when the TikTok side is a thin handful', async () => {
    // A second wave: 30 X accounts, then only 4 TikTok accounts spread over 8 hours.
    const xStart = T0 + (8 * 24 + 2) * H;
    const thin: PostRecord[] = [];
    const before = posts.length;
    for (let i = 0; i < 30; i++) post('X', i, i === 0 ? xStart : xStart + -Math.log(1 - r()) * 4 * H, ['thinwave']);
    for (const [i, dh] of [[0, 6], [1, 7.5], [2, 9], [3, 14]] as const) post('TIKTOK', 10 + i, xStart + dh * H, ['thinwave']);
    thin.push(...posts.slice(before));
    await writePosts(app.graph, thin);
    const list = await trends();
    const wave = list.find((t) => t.tag === 'glowdrop');
    const thinWave = list.find((t) => t.tag === 'thinwave');
    expect(thinWave).toBeDefined();
    if (thinWave.lagHours !== null) {
      expect(thinWave.lagHoursHigh - thinWave.lagHoursLow).toBeGreaterThan(wave.lagHoursHigh - wave.lagHoursLow);
      expect(thinWave.lagHoursHigh - thinWave.lagHoursLow).toBeGreaterThanOrEqual(1);
    } else {
      expect(thinWave.lagHoursLow).toBeNull();
    }
  });

  it('filters by category, spillover, minVolume and first', async () => {
    expect((await trends(', spillover: X_ONLY')).every((t) => t.spillover === 'X_ONLY')).toBe(true);
    expect((await trends(', spillover: X_ONLY')).map((t) => t.tag)).toContain('xonlybuzz');
    expect((await trends(', category: "Beauty"')).map((t) => t.tag)).toContain('glowdrop');
    expect(await trends(', category: "travel"')).toEqual([]);
    const all = await trends();
    const big = await trends(', minVolume: 40');
    expect(big.every((t) => t.xVolume + t.tiktokVolume >= 40)).toBe(true);
    expect(big.length).toBeLessThan(all.length);
    expect(await trends(', first: 1')).toEqual(all.slice(0, 1));
  });

  it('answers categoryLags from the trends with a lag', async () => {
    const res = await gql(app.url, 'query($since: DateTime, $until: DateTime) { categoryLags(since: $since, until: $until) { category medianLagHours p25LagHours p75LagHours samples } }', window);
    expect(res.errors).toBeUndefined();
    const beauty = res.data.categoryLags.find((c: any) => c.category === 'beauty');
    const lagged = (await trends(', category: "beauty"')).filter((t) => t.lagHours !== null);
    expect(beauty.samples).toBe(lagged.length);
    expect(beauty.p25LagHours).toBeLessThanOrEqual(beauty.medianLagHours);
    expect(beauty.medianLagHours).toBeLessThanOrEqual(beauty.p75LagHours);
  });

  it('answers an empty list for a window with no data, and BAD_USER_INPUT for a reversed one', async () => {
    const empty = await gql(app.url, '{ hashtagTrends(since: "2020-01-01T00:00:00Z", until: "2020-01-08T00:00:00Z") { tag } categoryLags(since: "2020-01-01T00:00:00Z", until: "2020-01-08T00:00:00Z") { category } }');
    expect(empty.errors).toBeUndefined();
    expect(empty.data).toEqual({ hashtagTrends: [], categoryLags: [] });
    const bad = await gql(app.url, '{ hashtagTrends(since: "2026-10-08T00:00:00Z", until: "2026-10-01T00:00:00Z") { tag } }');
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const first = await gql(app.url, '{ hashtagTrends(first: -1) { tag } }');
    expect(first.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
