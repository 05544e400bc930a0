/**
 * A link whose source arrives later is still connected: X posts linking TikTok videos are synced
 * BEFORE the TikTok posts exist, wait as pending amplifications, and become AMPLIFIED edges when
 * the TikTok lane brings the videos in.
 */
import { syncTikTokPosts, syncXPosts } from '../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../src/ingest/profile-sync';
import { type IngestContext } from '../../src/ingest/sync';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph } from '../support/graph';
import { startHarness, type Harness } from './support/harness';

describe('amplifications across lanes, in either order', () => {
  let h: Harness;
  let graph: GraphClient;
  let ctx: IngestContext;

  beforeAll(async () => {
    h = await startHarness({ seed: 13, creators: 30, malformedRate: 0 });
    graph = await freshGraph();
    ctx = { graph, clients: h.clients, logger: silentLogger, now: () => new Date(h.world.now) };
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await graph?.close();
  });

  it('X links to TikTok videos wait for the videos, then connect', async () => {
    const tp = await syncTikTokProfiles(ctx, h.world.tiktok.accounts.map((a) => ({ username: a.username })));
    const xp = await syncXProfiles(ctx, h.world.x.accounts.map((a) => ({ username: a.username })));
    const since = new Date(h.world.start);
    await syncXPosts(ctx, xp.accounts.map((id) => id.slice(2)), { since });
    const [waiting] = await graph.runText("MATCH (x:PendingAmplification) WHERE x.sourceId STARTS WITH 'tiktok:' RETURN count(x) AS n");
    expect(Number(waiting.n)).toBeGreaterThan(0);

    const t = await syncTikTokPosts(ctx, tp.accounts.map((id) => id.slice(7)), { since });
    expect(t.amplifications).toBeGreaterThan(0);
    const [left] = await graph.runText(
      'MATCH (x:PendingAmplification) WHERE EXISTS { MATCH (:Post {id: x.sourceId}) } RETURN count(x) AS n',
    );
    expect(Number(left.n)).toBe(0);

    const posts = new Set((await graph.runText('MATCH (p:Post) RETURN p.id AS id')).map((r) => r.id as string));
    const edges = new Set(
      (await graph.runText("MATCH (a:Post)-[x:AMPLIFIED {kind: 'LINK'}]->(s:Post) RETURN a.id + '>' + s.id AS e")).map((r) => r.e as string),
    );
    const links = h.world.truth.amplifications.filter(
      (a) => (a.kind === 'LINK' || a.kind === 'CROSSPOST') && a.amplifierPostId.startsWith('x:') && posts.has(a.amplifierPostId) && posts.has(a.sourcePostId),
    );
    expect(links.length).toBeGreaterThan(0);
    for (const l of links) expect(edges.has(`${l.amplifierPostId}>${l.sourcePostId}`)).toBe(true);
  });
});
