/**
 * The ingest pipeline end to end: the real clients against the provider simulators, raw staging
 * on the clients' hook, real Neo4j. Profiles (with an unknown handle and malformed profiles in the
 * batches), posts with amplifications, an idempotent re-run, and a replay from staging alone that
 * rebuilds the same graph.
 */
import { syncTikTokPosts, syncXPosts } from '../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../src/ingest/profile-sync';
import { type IngestContext } from '../../src/ingest/sync';
import { replayStaging } from '../../src/ingest/replay';
import type { StagedExchange } from '../../src/ingest/staging';
import { silentLogger } from '../../src/log';
import { migrate } from '../../src/neo4j/migrate';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { accountExistsAt, postsVisibleAt, type SimAccount } from '../../src/simulators/world';
import { clearGraph, freshGraph } from '../support/graph';
import { graphCounts, graphFacts, startHarness, type Harness } from './support/harness';

describe('ingest pipeline against the simulators', () => {
  let h: Harness;
  let graph: GraphClient;
  let ctx: IngestContext;
  const matched: string[][] = [];

  beforeAll(async () => {
    h = await startHarness({ seed: 9, creators: 40, days: 20, malformedRate: 0.05 });
    graph = await freshGraph();
    const at = new Date(h.world.now);
    ctx = {
      graph,
      clients: h.clients,
      logger: silentLogger,
      now: () => at,
      onAccountsWritten: async (ids) => void matched.push(ids),
    };
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await graph?.close();
  });

  const exists = (a: SimAccount) => accountExistsAt(a, h.world.now);
  const tiktokHandles = () => [...h.world.tiktok.accounts.map((a) => ({ username: a.username })), { username: 'nobody_here_zz' }];
  const xHandles = () => [...h.world.x.accounts.map((a) => ({ username: a.username })), { username: 'nosuchuser123' }];

  async function syncAll() {
    const tp = await syncTikTokProfiles(ctx, tiktokHandles());
    const xp = await syncXProfiles(ctx, xHandles());
    const since = new Date(h.world.start);
    const tt = await syncTikTokPosts(ctx, tp.accounts.map((id) => id.slice('tiktok:'.length)), { since });
    const xt = await syncXPosts(ctx, xp.accounts.map((id) => id.slice('x:'.length)), { since });
    return { tp, xp, tt, xt };
  }

  let first: Awaited<ReturnType<typeof syncAll>>;

  it('profiles: every live account written; an unknown handle and a malformed profile cost only themselves', async () => {
    first = await syncAll();
    const { tp, xp } = first;
    const malformedTikTok = h.world.tiktok.accounts.filter((a) => exists(a) && a.quirk === 'missingStats');
    const malformedX = h.world.x.accounts.filter((a) => exists(a) && a.quirk === 'missingStats');
    expect(malformedTikTok.length + malformedX.length).toBeGreaterThan(0);

    const wantTikTok = h.world.tiktok.accounts.filter((a) => exists(a) && a.quirk !== 'missingStats').map((a) => `tiktok:${a.id}`);
    const wantX = h.world.x.accounts.filter((a) => exists(a) && a.quirk !== 'missingStats').map((a) => `x:${a.id}`);
    expect([...tp.accounts].sort()).toEqual(wantTikTok.sort());
    expect([...xp.accounts].sort()).toEqual(wantX.sort());

    expect(tp.errors).toContainEqual(expect.objectContaining({ ref: '@nobody_here_zz', code: 'NOT_FOUND' }));
    expect(xp.errors).toContainEqual(expect.objectContaining({ ref: '@nosuchuser123', code: 'NOT_FOUND' }));
    for (const a of malformedTikTok) expect(tp.errors).toContainEqual(expect.objectContaining({ ref: `@${a.username}`, code: 'MALFORMED' }));
    for (const a of malformedX) expect(xp.errors).toContainEqual(expect.objectContaining({ ref: `x:${a.id}`, code: 'MALFORMED' }));

    // The malformed bodies were staged as received, before normalisation.
    await h.staging.flush();
    const staged: StagedExchange[] = [];
    for await (const e of h.staging.read()) staged.push(e);
    for (const a of malformedTikTok) {
      const e = staged.find((s) => s.lane === 'tiktok' && s.status === 200 && s.query.username === a.username && s.body.includes(`"uniqueId":"${a.username}"`));
      expect(e).toBeDefined();
      expect(JSON.parse(e!.body).stats).toBeUndefined();
    }
    // No credentials in staging.
    expect(staged.some((s) => JSON.stringify(s).includes('x-api-key') || /authorization/i.test(JSON.stringify(s.headers)))).toBe(false);

    const written = new Set(matched.flat());
    for (const id of [...wantTikTok, ...wantX]) expect(written.has(id)).toBe(true);
  });

  it('posts: every visible post of a public account, with hashtags, lastPostAt and the truth amplifications', async () => {
    const { tt, xt } = first;
    const visible = (p: 'tiktok' | 'x') =>
      h.world[p].accounts
        .filter((a) => exists(a) && a.quirk !== 'missingStats' && !a.private)
        .flatMap((a) => postsVisibleAt(h.world[p], a.id, h.world.now).map((x) => `${p}:${x.id}`));
    const inGraph = new Set(
      (await graph.runText('MATCH (p:Post) RETURN p.id AS id')).map((r) => r.id as string),
    );
    for (const id of [...visible('tiktok'), ...visible('x')]) expect(inGraph.has(id)).toBe(true);
    expect(tt.posts).toBeGreaterThanOrEqual(visible('tiktok').length);
    expect(xt.posts).toBeGreaterThanOrEqual(visible('x').length);
    // A private TikTok profile is readable, its posts are not: reported per account, nothing else lost.
    const privateTikTok = h.world.tiktok.accounts.filter((a) => exists(a) && a.private && a.quirk !== 'missingStats');
    expect(tt.errors.filter((e) => e.code === 'PRIVATE').map((e) => e.ref).sort()).toEqual(privateTikTok.map((a) => `tiktok:${a.id}`).sort());
    const tags = await graph.runText('MATCH (h:Hashtag) RETURN h.tag AS tag');
    expect(tags.length).toBeGreaterThan(5);
    expect(tags.every((t) => t.tag === (t.tag as string).toLowerCase() && !(t.tag as string).startsWith('#'))).toBe(true);

    const stale = await graph.runText(
      `MATCH (a:Account)-[:POSTED]->(p:Post) WITH a, max(p.createdAt) AS newest
       WHERE a.lastPostAt IS NULL OR a.lastPostAt < newest RETURN count(a) AS n`,
    );
    expect(stale[0].n).toBe(0);

    const edges = new Map(
      (await graph.runText('MATCH (a:Post)-[x:AMPLIFIED]->(s:Post) RETURN a.id AS a, s.id AS s, x.kind AS kind')).map((r) => [
        `${r.a}>${r.s}`,
        r.kind as string,
      ]),
    );
    let checked = 0;
    for (const t of h.world.truth.amplifications) {
      if (!t.amplifierPostId.startsWith('x:') || !inGraph.has(t.amplifierPostId) || !inGraph.has(t.sourcePostId)) continue;
      expect(edges.get(`${t.amplifierPostId}>${t.sourcePostId}`)).toBe(t.kind === 'CROSSPOST' ? 'LINK' : t.kind);
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
    expect(tt.amplifications + xt.amplifications).toBeGreaterThanOrEqual(checked);
  });

  it('running the same syncs again changes nothing', async () => {
    const counts = await graphCounts(graph);
    const facts = await graphFacts(graph);
    const again = await syncAll();
    expect(again.tp.accounts.length).toBe(first.tp.accounts.length);
    expect(await graphCounts(graph)).toEqual(counts);
    expect(await graphFacts(graph)).toEqual(facts);
  });

  it('replay rebuilds the same graph from staging alone, and replaying again changes nothing', async () => {
    const counts = await graphCounts(graph);
    const facts = await graphFacts(graph);
    await clearGraph(graph);
    await migrate(graph);
    expect((await graphCounts(graph)).Account ?? 0).toBe(0);

    let progress = 0;
    const r = await replayStaging(graph, h.staging, { onProgress: (n) => (progress = n) });
    expect(progress).toBe(r.exchanges);
    expect(r.accounts).toBe(counts.Account);
    const replayed = await graphCounts(graph);
    // Migration nodes and creators aside (creator ids are minted anew), every count matches.
    expect(replayed).toEqual(counts);
    expect(await graphFacts(graph)).toEqual(facts);

    await replayStaging(graph, h.staging);
    expect(await graphCounts(graph)).toEqual(replayed);
    expect(await graphFacts(graph)).toEqual(facts);
  });
});
