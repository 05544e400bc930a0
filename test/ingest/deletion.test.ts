/**
 * Deletion end to end: accounts ingested while they exist, then the simulators' clock moves past
 * their deletedAt (TikTok deleted, X suspended) and the daily profile refresh runs again. The
 * accounts become inactive, their posts leave analytics, creators with no active account become
 * inactive; the same holds after a replay from staging, and a later successful fetch brings an
 * account back.
 */
import { syncTikTokPosts, syncXPosts } from '../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../src/ingest/profile-sync';
import { type IngestContext } from '../../src/ingest/sync';
import { postCountsByAccounts, postsByAccounts } from '../../src/graph/read';
import { replayStaging } from '../../src/ingest/replay';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { migrate } from '../../src/neo4j/migrate';
import { HOUR_MS, type SimAccount } from '../../src/simulators/world';
import { clearGraph, freshGraph } from '../support/graph';
import { startHarness, type Harness } from './support/harness';

describe('deletion', () => {
  let h: Harness;
  let graph: GraphClient;
  let now: Date;
  let ctx: IngestContext;
  let gone: { tiktok: SimAccount; x: SimAccount };
  let before: number;
  let after: number;

  beforeAll(async () => {
    h = await startHarness({ seed: 42, creators: 200 });
    const latest = (platform: 'tiktok' | 'x', kind: string) =>
      h.world[platform].accounts
        .filter((a) => a.deletedAt !== null && a.deletionKind === kind && !a.private && a.deletedAt <= h.world.now)
        .sort((a, b) => b.deletedAt! - a.deletedAt!)[0];
    gone = { tiktok: latest('tiktok', 'deleted'), x: latest('x', 'suspended') };
    expect(gone.tiktok).toBeDefined();
    expect(gone.x).toBeDefined();
    before = Math.min(gone.tiktok.deletedAt!, gone.x.deletedAt!) - HOUR_MS;
    after = Math.max(gone.tiktok.deletedAt!, gone.x.deletedAt!) + HOUR_MS;
    h.setSimNow(before);
    now = new Date(before);
    graph = await freshGraph();
    ctx = { graph, clients: h.clients, logger: silentLogger, now: () => now };
  }, 60_000);
  afterAll(async () => {
    await h?.close();
    await graph?.close();
  });

  async function state(id: string) {
    const [row] = await graph.runText(
      `MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account {id: $id})
       OPTIONAL MATCH (a)-[:POSTED]->(p:Post)
       RETURN a.active AS active, toString(a.deactivatedAt) AS deactivatedAt, a.deactivationReason AS reason,
              c.active AS creatorActive, count(p) AS posts, count(CASE WHEN p.removed THEN 1 END) AS removed`,
      { id },
    );
    return row;
  }

  const ids = () => ({ tiktok: `tiktok:${gone.tiktok.id}`, x: `x:${gone.x.id}` });

  it('accounts and posts are ingested while the accounts exist', async () => {
    const tp = await syncTikTokProfiles(ctx, [{ username: gone.tiktok.username }]);
    const xp = await syncXProfiles(ctx, [{ username: gone.x.username }]);
    expect(tp.accounts).toEqual([ids().tiktok]);
    expect(xp.accounts).toEqual([ids().x]);
    const since = new Date(h.world.start);
    await syncTikTokPosts(ctx, [gone.tiktok.id], { since });
    await syncXPosts(ctx, [gone.x.id], { since });
    for (const id of Object.values(ids())) {
      expect(await state(id)).toMatchObject({ active: true, creatorActive: true, removed: 0 });
      expect((await state(id)).posts).toBeGreaterThan(0);
    }
  });

  it('after deletedAt, the daily refresh by id deactivates the accounts, removes their posts and the creators', async () => {
    h.setSimNow(after);
    now = new Date(after);
    const tp = await syncTikTokProfiles(ctx, [{ userId: gone.tiktok.id }]);
    const xp = await syncXProfiles(ctx, [{ userId: gone.x.id }]);
    expect(tp.deactivated).toEqual([ids().tiktok]);
    expect(xp.deactivated).toEqual([ids().x]);
    expect(tp.errors).toEqual([expect.objectContaining({ ref: ids().tiktok, code: 'NOT_FOUND' })]);
    expect(xp.errors).toEqual([expect.objectContaining({ ref: ids().x, code: 'SUSPENDED' })]);
    const t = await state(ids().tiktok);
    expect(t).toMatchObject({ active: false, reason: 'NOT_FOUND', creatorActive: false });
    // Neo4j prints fractional seconds without trailing zeros (.39Z for .390Z): compare instants, not strings.
    expect(new Date(t.deactivatedAt as string).getTime()).toBe(now.getTime());
    expect(t.removed).toBe(t.posts);
    const x = await state(ids().x);
    expect(x).toMatchObject({ active: false, reason: 'SUSPENDED', creatorActive: false });
    expect(x.removed).toBe(x.posts);

    // The read path no longer shows the removed posts: neither in a page nor in the count.
    const accounts = [ids().tiktok, ids().x];
    const range = { since: null, until: null };
    const pages = await postsByAccounts(graph, accounts, { ...range, afterAt: null, afterId: null, skip: 0, take: 10 });
    expect(pages.map((p) => p.length)).toEqual([0, 0]);
    expect(await postCountsByAccounts(graph, accounts, range)).toEqual([0, 0]);
  });

  it('a later report keeps the first deactivation time; a handle lookup of a suspended user also deactivates', async () => {
    const first = await state(ids().x);
    now = new Date(after + 2 * HOUR_MS);
    const xp = await syncXProfiles(ctx, [{ username: gone.x.username }]);
    expect(xp.deactivated).toEqual([ids().x]);
    const tp = await syncTikTokPosts(ctx, [gone.tiktok.id], { since: new Date(h.world.start) });
    expect(tp.deactivated).toEqual([ids().tiktok]);
    expect(await state(ids().x)).toEqual(first);
  });

  it('replay from staging reaches the same states', async () => {
    await h.staging.flush();
    // Replay dates a deactivation by the staged exchange (the transport's real clock), the live
    // sync by ctx.now (simulated here), so the time itself is compared only for being set.
    const strip = (r: Record<string, unknown>) => ({ ...r, deactivatedAt: r.deactivatedAt === null ? null : 'set' });
    const expected = { tiktok: strip(await state(ids().tiktok)), x: strip(await state(ids().x)) };
    await clearGraph(graph);
    await migrate(graph);
    await replayStaging(graph, h.staging);
    expect(strip(await state(ids().tiktok))).toEqual(expected.tiktok);
    expect(strip(await state(ids().x))).toEqual(expected.x);
  });

  it('an account fetched successfully after its deactivation is active again, with its posts', async () => {
    h.setSimNow(before); // the provider shows the account again (a lifted suspension)
    now = new Date(Date.now() + HOUR_MS); // later than the replayed deactivation (real clock)
    const xp = await syncXProfiles(ctx, [{ userId: gone.x.id }]);
    expect(xp.accounts).toEqual([ids().x]);
    expect(await state(ids().x)).toMatchObject({ active: true, deactivatedAt: null, creatorActive: true, removed: 0 });
  });
});
