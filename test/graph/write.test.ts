import { writeAccounts } from '../../src/graph/accounts';
import { writeAmplifications, writePosts } from '../../src/graph/posts';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';

const fetchedAt = '2026-11-20T10:00:00.000Z';
const accounts = [
  { platform: 'TIKTOK' as const, platformUserId: '111', username: 'Amy.Glow', displayName: 'Amy', followers: 1000, fetchedAt },
  { platform: 'X' as const, platformUserId: '222', username: 'amyglow', displayName: 'Amy', followers: 300, fetchedAt },
];
const posts = [
  { platform: 'X' as const, platformPostId: '9001', authorPlatformUserId: '222', url: 'https://x.com/amyglow/status/9001', text: 'launch #GlowUp cc @AmyGlow', createdAt: '2026-11-19T08:00:00.000Z', hashtags: ['#GlowUp', 'glowup'], mentions: ['@AmyGlow'], metrics: { likes: 5, comments: 1, shares: 2, quotes: 1 }, fetchedAt },
  { platform: 'TIKTOK' as const, platformPostId: '7001', authorPlatformUserId: '111', url: 'https://www.tiktok.com/@amy.glow/video/7001', text: 'recap #glowup', createdAt: '2026-11-19T16:00:00.000Z', hashtags: ['glowup'], mentions: [], metrics: { views: 100, likes: 10, comments: 2, shares: 3 }, fetchedAt },
];

async function counts(graph: GraphClient) {
  const [row] = await graph.runText(`MATCH (n) WITH labels(n)[0] AS l, count(*) AS c RETURN collect([l, c]) AS byLabel`);
  const [rels] = await graph.runText(`MATCH ()-[r]->() WITH type(r) AS t, count(*) AS c RETURN collect([t, c]) AS byType`);
  return { nodes: Object.fromEntries(row.byLabel as [string, number][]), rels: Object.fromEntries(rels.byType as [string, number][]) };
}

describe('write path', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(() => graph.close());

  it('writes the model and changes nothing when the same records are written again', async () => {
    const first = await writeAccounts(graph, accounts);
    await writePosts(graph, posts);
    await writeAmplifications(graph, [{ amplifierPostId: 'tiktok:7001', sourcePostId: 'x:9001', kind: 'CROSSPOST', confidence: 0.7 }]);
    const before = await counts(graph);
    expect(before.nodes).toMatchObject({ Creator: 2, Account: 2, Post: 2, Hashtag: 1, AccountSnapshot: 2 });
    expect(before.rels).toMatchObject({ HAS_ACCOUNT: 2, POSTED: 2, TAGGED: 2, MENTIONS: 1, AMPLIFIED: 1, HAS_SNAPSHOT: 2 });

    const second = await writeAccounts(graph, accounts);
    await writePosts(graph, posts);
    await writeAmplifications(graph, [{ amplifierPostId: 'tiktok:7001', sourcePostId: 'x:9001', kind: 'CROSSPOST', confidence: 0.7 }]);
    expect(await counts(graph)).toEqual(before);
    // Canonical creator ids are not re-minted.
    expect([...second.entries()]).toEqual([...first.entries()]);
  });

  it('keeps labels, lastPostAt and lag in step', async () => {
    const [a] = await graph.runText(
      "MATCH (a:Account {id: 'x:222'}) RETURN labels(a) AS labels, a.lastPostAt = datetime('2026-11-19T08:00:00Z') AS fresh, a.handleNorm AS norm",
    );
    expect(a.labels).toEqual(expect.arrayContaining(['Account', 'XAccount']));
    expect(a.fresh).toBe(true);
    const [amp] = await graph.runText('MATCH ()-[r:AMPLIFIED]->() RETURN r.lagSeconds AS lag');
    expect(amp.lag).toBe(8 * 3600);
    const [snap] = await graph.runText("MATCH (:Account {id: 'tiktok:111'})-[:HAS_SNAPSHOT]->(s) RETURN count(s) AS n");
    expect(snap.n).toBe(1);
  });

  it('appends a snapshot per refresh so history shows growth', async () => {
    await writeAccounts(graph, [{ ...accounts[0], followers: 1500, fetchedAt: '2026-11-21T10:00:00.000Z' }]);
    const rows = await graph.runText(
      "MATCH (:Account {id: 'tiktok:111'})-[:HAS_SNAPSHOT]->(s) RETURN s.followers AS f ORDER BY s.at",
    );
    expect(rows.map((r) => r.f)).toEqual([1000, 1500]);
  });
});
