/**
 * campaignShortlist and budgetProjection through GraphQL on a hand-built graph (the real write path
 * and matcher): the seed's ranking case, the filters, and the seed's budget figures.
 */
import { writeAccounts } from '../../src/graph/accounts';
import { writePosts } from '../../src/graph/posts';
import type { AccountRecord, PostRecord } from '../../src/graph/model';
import { nullBus } from '../../src/matching/events';
import { runMatching } from '../../src/matching/run';
import { gql, startTestApp, type TestApp } from '../support/app';

let app: TestApp;
const DAY = 86_400_000;
const now = Date.now();

function account(platform: 'TIKTOK' | 'X', id: string, username: string, followers: number, bioLink: string | null = null): AccountRecord {
  return { platform, platformUserId: id, username, displayName: username, followers, bioLink, fetchedAt: new Date(now).toISOString() };
}

/** `n` posts, one a day, each with `engagement` likes (so a known engagement rate). */
function posts(platform: 'TIKTOK' | 'X', author: string, n: number, engagement: number, opts: { ageDays?: number; tags?: string[] } = {}): PostRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    platform,
    platformPostId: `${author}-${i}`,
    authorPlatformUserId: author,
    url: `https://example.test/${author}/${i}`,
    text: 'post',
    createdAt: new Date(now - ((opts.ageDays ?? 1) + i) * DAY).toISOString(),
    hashtags: i === 0 ? (opts.tags ?? []) : [],
    mentions: [],
    metrics: { likes: engagement, comments: 0, shares: 0 },
    fetchedAt: new Date(now).toISOString(),
  }));
}

beforeAll(async () => {
  app = await startTestApp({ SEED_ON_START: 'false' });
  const g = app.graph;
  await writeAccounts(g, [
    // A: 400k TikTok + 200k X, same handle and bio link (an AUTO match); X audience twice as engaged as typical.
    account('TIKTOK', 'a-tt', 'amyglow', 400_000, 'https://amyglow.example/'),
    account('X', 'a-x', 'amyglow', 200_000, 'https://amyglow.example/'),
    // B: 600k TikTok only.
    account('TIKTOK', 'b-tt', 'bigbrenda', 600_000),
    // C/D: same handle, nothing else: a PENDING match (identity unsure).
    account('TIKTOK', 'c-tt', 'carlcooks', 900_000),
    account('X', 'd-x', 'carlcooks', 10_000),
    // E: big but stale.
    account('TIKTOK', 'e-tt', 'eddiestale', 2_000_000),
  ]);
  // Typical rates in config/planning.json: TikTok 2%, X 0.5% of followers a post.
  await writePosts(g, [
    ...posts('TIKTOK', 'a-tt', 5, 8_000, { tags: ['glowup'] }),
    ...posts('X', 'a-x', 5, 2_000),
    ...posts('TIKTOK', 'b-tt', 5, 12_000),
    ...posts('TIKTOK', 'c-tt', 5, 18_000),
    ...posts('X', 'd-x', 5, 50),
    ...posts('TIKTOK', 'e-tt', 5, 40_000, { ageDays: 60 }),
  ]);
  // The seed's fixed-point scoring: handle + name alone is a PENDING pair, bio link + handle AUTO.
  const run = await runMatching(g, nullBus, { matching: { model: 'fixed' } });
  expect(run.auto).toBeGreaterThanOrEqual(1);
  expect(run.pending).toBeGreaterThanOrEqual(1);
}, 120_000);

afterAll(async () => {
  await app?.close();
});

const SHORT = `query($i: ShortlistInput!) { campaignShortlist(input: $i) { rank score why reach { low high basis } creator { id displayName accounts { username platform } } } }`;
const names = (r: any) => r.data.campaignShortlist.map((e: any) => e.creator.accounts.map((a: any) => a.username)[0]);

describe('campaignShortlist', () => {
  it("ranks the 400k TikTok + 200k engaged X creator above 600k TikTok-only when X weight is 1, not when 0", async () => {
    const withX = await gql(app.url, SHORT, { i: { weights: { tiktok: 1, x: 1 } } });
    expect(withX.errors).toBeUndefined();
    expect(names(withX)).toEqual(['amyglow', 'bigbrenda']);
    const a = withX.data.campaignShortlist[0];
    expect(a.rank).toBe(1);
    expect(a.reach.basis).toBe('SAME_USERNAME');
    expect(a.why.join('\n')).toMatch(/X @amyglow: 200,000 followers/);
    expect(a.why.join('\n')).toMatch(/match AUTO/);
    const withoutX = await gql(app.url, SHORT, { i: { weights: { tiktok: 1, x: 0 } } });
    expect(names(withoutX)).toEqual(['bigbrenda', 'amyglow']);
    expect(withoutX.data.campaignShortlist[0].score).toBeGreaterThan(withoutX.data.campaignShortlist[1].score);
  });

  it('includes PENDING matches only on request, and filters by staleness, hashtags and reach', async () => {
    const pending = await gql(app.url, SHORT, { i: { includePending: true } });
    expect(names(pending)).toEqual(expect.arrayContaining(['carlcooks']));
    const c = pending.data.campaignShortlist.find((e: any) => e.creator.accounts[0].username === 'carlcooks');
    expect(c.why.join('\n')).toMatch(/PENDING/);
    const stale = await gql(app.url, SHORT, { i: { maxStaleDays: 90 } });
    expect(names(stale)).toContain('eddiestale');
    const tagged = await gql(app.url, SHORT, { i: { hashtags: ['#GlowUp'] } });
    expect(names(tagged)).toEqual(['amyglow']);
    expect(tagged.data.campaignShortlist[0].why.join('\n')).toMatch(/affinity: 1 of 10 recent posts/);
    const big = await gql(app.url, SHORT, { i: { minCombinedReach: 580_000 } });
    expect(names(big)).toEqual(['bigbrenda']);
    const first = await gql(app.url, SHORT, { i: { first: 1 } });
    expect(first.data.campaignShortlist).toHaveLength(1);
    for (const i of [{ first: 0 }, { weights: { x: -1 } }, { maxStaleDays: 0 }, { weights: { tiktok: 0, x: 0 } }]) {
      const bad = await gql(app.url, SHORT, { i });
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('budgetProjection', () => {
  const Q = `query($i: BudgetInput!) { budgetProjection(input: $i) { tiktokCreditsLow tiktokCreditsHigh xTier xMonthlyUsdLow xMonthlyUsdHigh xPostReadsPerMonth notes pricesAsOf spentThisMonth { platform unit used limit note } } }`;

  it("gives the seed's 100,000 to 150,000 credits for 2,000 tracked and 500 active over 30 days, and the Pro tier", async () => {
    const res = await gql(app.url, Q, { i: { trackedCreators: 2000, activelyTracked: 500, days: 30 } });
    expect(res.errors).toBeUndefined();
    const b = res.data.budgetProjection;
    expect(b.tiktokCreditsLow).toBeGreaterThanOrEqual(100_000);
    expect(b.tiktokCreditsHigh).toBeLessThanOrEqual(150_000);
    expect(b.tiktokCreditsLow).toBeLessThan(b.tiktokCreditsHigh);
    expect(b.xTier).toBe('PRO');
    expect(b.pricesAsOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(b.notes.join('\n')).toMatch(/2,000 creators x 1 credit a day x 30 days = 60,000 credits/);
    expect(b.spentThisMonth.map((s: { platform: string }) => s.platform)).toEqual(['TIKTOK', 'X']);
    console.log(`budget 2000/500/30d: ${b.tiktokCreditsLow}-${b.tiktokCreditsHigh} credits, X ${b.xTier} ${b.xMonthlyUsdLow}-${b.xMonthlyUsdHigh} USD, ${b.xPostReadsPerMonth} reads`);
    const small = (await gql(app.url, Q, { i: { trackedCreators: 10, activelyTracked: 0, days: 30 } })).data.budgetProjection;
    expect(small.xTier).toBe('BASIC');
    const bad = await gql(app.url, Q, { i: { trackedCreators: 10, activelyTracked: 11 } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });
});
