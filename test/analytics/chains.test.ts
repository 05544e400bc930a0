/**
 * amplificationChains through GraphQL on a small hand-built graph written by the lanes' write step:
 * the top chains are picked from the summary the write path keeps on chain roots, so that summary
 * must follow every change (engagement re-synced, an account deactivated, a cross-post removed) and
 * agree with a full recomputation; campaignId lists the chains of the campaign's posts (the shared
 * definition in analytics/campaign-posts.ts), not every chain of the campaign's creators.
 */
import { writeBatch } from '../../src/graph/batch';
import { upsertCampaign } from '../../src/graph/campaigns';
import { settleLinkCrossposts, writeTextCrossposts } from '../../src/graph/crossposts';
import type { AccountRecord, AmplificationRecord, Platform } from '../../src/graph/model';
import type { PostWrite } from '../../src/graph/posts';
import { nullBus } from '../../src/matching/events';
import { linkAccounts } from '../../src/matching/review';
import { gql, startTestApp, type TestApp } from '../support/app';

const H = 3_600_000;
const T = Date.parse('2026-11-20T12:00:00Z');
let app: TestApp;

function account(platform: Platform, id: string, username: string): AccountRecord {
  return { platform, platformUserId: id, username, displayName: username, followers: 1000, fetchedAt: new Date(T).toISOString() };
}

function post(platform: Platform, id: string, author: string, hoursBefore: number, likes: number, o: { tags?: string[]; amplifies?: [string, AmplificationRecord['kind']] } = {}): PostWrite {
  const pid = `${platform === 'X' ? 'x' : 'tiktok'}:${id}`;
  return {
    post: {
      platform,
      platformPostId: id,
      authorPlatformUserId: author,
      url: `https://example.test/${id}`,
      text: `post ${id} ${(o.tags ?? []).map((t) => `#${t}`).join(' ')}`,
      createdAt: new Date(T - hoursBefore * H).toISOString(),
      hashtags: o.tags ?? [],
      mentions: [],
      metrics: { likes, comments: 0, shares: 0 },
      fetchedAt: new Date(T).toISOString(),
    },
    metricsKnown: true,
    amplifications: o.amplifies ? [{ amplifierPostId: pid, sourcePostId: o.amplifies[0], kind: o.amplifies[1], confidence: 1 }] : [],
  };
}

const CHAINS = `query($first: Int, $campaignId: ID, $creatorId: ID, $cross: Boolean, $minDepth: Int) {
  amplificationChains(first: $first, campaignId: $campaignId, creatorId: $creatorId, crossPlatformOnly: $cross, minDepth: $minDepth) {
    root { id } posts { id } totalEngagement depth crossPlatform } }`;

async function chains(vars: Record<string, unknown>): Promise<{ root: { id: string }; posts: { id: string }[]; totalEngagement: number; depth: number }[]> {
  const res = await gql(app.url, CHAINS, vars);
  expect(res.errors).toBeUndefined();
  return res.data.amplificationChains;
}

const roots = async (vars: Record<string, unknown>) => (await chains(vars)).map((c) => c.root.id);

/** Roots whose stored summary disagrees with the chain recomputed from scratch, and stale labels. */
async function summaryErrors(): Promise<{ wrongLabel: number; wrongSummary: number; notRoots: number }> {
  const [r] = await app.graph.runText(`
    MATCH (r:Post)
    WHERE NOT EXISTS { (r)-[:AMPLIFIED]->(:Post) } AND (r:ChainRoot OR EXISTS { (r)<-[:AMPLIFIED]-(:Post) })
    CALL (r) {
      OPTIONAL MATCH path = (r)<-[:AMPLIFIED*1..6]-(q:Post)
      WHERE none(n IN nodes(path) WHERE coalesce(n.removed, false))
      WITH q, max(length(path)) AS d ORDER BY q.createdAt, q.id
      RETURN collect(q)[0..199] AS amps, coalesce(max(d), 0) AS reach
    }
    WITH r, [r] + amps AS posts, reach, size(amps) > 0 AS chain
    WITH r, chain, reach, reduce(s = 0.0, p IN posts | s + coalesce(p.engagement, 0)) AS total,
         size([pl IN ['TIKTOK', 'X'] WHERE any(p IN posts WHERE p.platform = pl)]) > 1 AS cross
    RETURN count(CASE WHEN chain <> (r:ChainRoot) THEN 1 END) AS wrongLabel,
           count(CASE WHEN chain AND (r.chainEngagement <> total OR r.chainReach <> reach OR r.chainCrossPlatform <> cross) THEN 1 END) AS wrongSummary,
           COUNT { MATCH (n:ChainRoot) WHERE EXISTS { (n)-[:AMPLIFIED]->(:Post) } } AS notRoots`);
  return { wrongLabel: Number(r.wrongLabel), wrongSummary: Number(r.wrongSummary), notRoots: Number(r.notRoots) };
}

let annaId: string;

beforeAll(async () => {
  app = await startTestApp({ SEED_ON_START: 'false' });
  const g = app.graph;
  await writeBatch(g, {
    accounts: [account('TIKTOK', '100', 'anna.bakes'), account('X', '200', 'anna_bakes'), account('TIKTOK', '101', 'ben.runs'), account('X', '201', 'ben_runs'), account('X', '202', 'cora'), account('X', '203', 'dev')],
  });
  await linkAccounts({ graph: g, bus: nullBus, actor: 'test' }, ['tiktok:100', 'x:200']);
  const [anna] = await g.runText("MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account {id: 'x:200'}) WHERE (c)-[:HAS_ACCOUNT]->(:Account {id: 'tiktok:100'}) RETURN c.id AS id");
  annaId = anna.id as string;
  // Written in the order the lanes may bring them: amplifiers before their sources (parked, then joined).
  await writeBatch(g, {
    posts: [
      // Chain 1: Anna's campaign TikTok (#promo), carried to X by Anna, quoted by Cora. Total 100+10+5.
      post('X', '1', '200', 47, 10, { amplifies: ['tiktok:1', 'LINK'] }),
      post('X', '2', '202', 46, 5, { amplifies: ['x:1', 'QUOTE'] }),
      // Chain 2: Anna's other TikTok (no campaign tag), linked by Ben, reposted by Cora. Total 400+20+10.
      post('X', '3', '201', 39, 20, { amplifies: ['tiktok:2', 'LINK'] }),
      post('X', '4', '202', 38, 10, { amplifies: ['x:3', 'REPOST'] }),
      // Chain 3: Ben's TikTok, linked by Dev, whose link Cora quotes. Total 200+30+6.
      post('X', '5', '203', 30, 30, { amplifies: ['tiktok:3', 'LINK'] }),
      post('X', '6', '202', 29, 6, { amplifies: ['x:5', 'QUOTE'] }),
    ],
  });
  await writeBatch(g, {
    posts: [post('TIKTOK', '1', '100', 48, 100, { tags: ['promo'] }), post('TIKTOK', '2', '100', 40, 400), post('TIKTOK', '3', '101', 31, 200)],
  });
  await upsertCampaign(g, { id: 'cp_spring', name: 'Spring', hashtags: ['promo'], creatorIds: [annaId], brandId: null, startsAt: new Date(T - 72 * H), endsAt: new Date(T) });
}, 120_000);

afterAll(async () => {
  await app?.close();
});

describe('amplificationChains', () => {
  it('takes the best chains by total engagement, as a recomputation from scratch has them', async () => {
    const all = await chains({ first: 3 });
    expect(all.map((c) => [c.root.id, c.totalEngagement, c.depth])).toEqual([
      ['tiktok:2', 430, 2],
      ['tiktok:3', 236, 2],
      ['tiktok:1', 115, 2],
    ]);
    expect(all[0].posts.map((p) => p.id)).toEqual(['tiktok:2', 'x:3', 'x:4']);
    expect(await roots({ first: 1 })).toEqual(['tiktok:2']);
    expect(await summaryErrors()).toEqual({ wrongLabel: 0, wrongSummary: 0, notRoots: 0 });
  });

  it('lists the chains of the campaign posts, not every chain of the campaign creators', async () => {
    // Anna took part in chains 1 and 2; only chain 1 holds a campaign post.
    expect((await roots({ creatorId: annaId })).sort()).toEqual(['tiktok:1', 'tiktok:2']);
    expect(await roots({ campaignId: 'cp_spring' })).toEqual(['tiktok:1']);
    expect(await roots({ campaignId: 'cp_spring', creatorId: annaId })).toEqual(['tiktok:1']);
    expect(await roots({ campaignId: 'cp_spring', creatorId: 'cr_nobody' })).toEqual([]);
    expect(await roots({ campaignId: 'cp_nope' })).toEqual([]);
  });

  it('follows re-synced engagement, deactivated accounts and removed edges', async () => {
    // Dev's link goes viral on a re-sync: chain 3 leads.
    await writeBatch(app.graph, { posts: [post('X', '5', '203', 30, 1000, { amplifies: ['tiktok:3', 'LINK'] })] });
    expect(await roots({ first: 1 })).toEqual(['tiktok:3']);
    expect((await chains({ first: 1 }))[0].totalEngagement).toBe(1206);

    // Dev's account is gone: its post and Cora's quote of it (reached only through it) leave chain 3.
    await writeBatch(app.graph, { deactivations: [{ accountId: 'x:203', at: new Date(T).toISOString(), reason: 'SUSPENDED' }] });
    expect(await roots({ first: 3 })).toEqual(['tiktok:2', 'tiktok:1']);
    expect(await roots({ first: 3, cross: false, minDepth: 1 })).toEqual(['tiktok:2', 'tiktok:1']);
    expect(await summaryErrors()).toEqual({ wrongLabel: 0, wrongSummary: 0, notRoots: 0 });

    // A text cross-post from Ben's TikTok to Ben's X account joins a new post to chain 3's root;
    // once the accounts are found not to be one creator's, the edge goes and so does its share.
    await writeBatch(app.graph, { posts: [post('X', '7', '201', 28, 50)] });
    await writeTextCrossposts(app.graph, [{ amplifierId: 'x:7', sourceId: 'tiktok:3', confidence: 0.9, evidence: ['TEXT'] }]);
    expect((await chains({ first: 3, minDepth: 1 })).map((c) => [c.root.id, c.totalEngagement])).toEqual([
      ['tiktok:2', 430],
      ['tiktok:3', 250],
      ['tiktok:1', 115],
    ]);
    await settleLinkCrossposts(app.graph, ['x:7'], 0.95);
    expect(await roots({ first: 3, cross: false, minDepth: 1 })).toEqual(['tiktok:2', 'tiktok:1']);
    expect(await summaryErrors()).toEqual({ wrongLabel: 0, wrongSummary: 0, notRoots: 0 });
  });
});
