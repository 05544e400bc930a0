/**
 * trackCreator end to end: the real server, the real clients and lanes, the provider simulators
 * over a seeded world. Covers the happy path (profiles stored, backfill window loaded, the creator
 * hidden from `creators` until it is), each UserError, untrackCreator and refreshAccount.
 */
import type { App } from '../../src/app';
import type { SimAccount, World } from '../../src/simulators/world';
import { gql, startSimulatedApp } from '../support/app';

const TRACK = `mutation($input: TrackCreatorInput!) {
  trackCreator(input: $input) {
    creator { id displayName tracked tier backfilled accounts { id platform username } }
    errors { code field message }
  }
}`;
const LIST = `query($all: Boolean) { creators(first: 100, filter: { includeUnbackfilled: $all }) { totalCount nodes { id backfilled } } }`;

let app: App;
let url: string;
let world: World;

const usable = (a: SimAccount | null): a is SimAccount => !!a && !a.private && a.deletedAt === null && !a.quirk;

beforeAll(async () => {
  app = await startSimulatedApp({ SIM_CREATORS: '200' });
  url = app.api.url;
  world = app.ingestion.demo!.world;
});

afterAll(async () => {
  await app?.close();
});

describe('trackCreator', () => {
  it('stores both profiles as one tracked creator and shows it only once the backfill window is loaded', async () => {
    const c = world.creators.find((w) => w.kind === 'creator' && usable(w.tiktok) && usable(w.x) && w.handleRelation === 'unrelated')!;
    const demo = app.ingestion.demo!;
    // Warm the profile cache, then slow both simulators down: the mutation answers from the cache
    // at once, while every posts page of the backfill takes seconds.
    await app.ingestion.clients.tiklive.userInfoByUsername(c.tiktok!.username);
    await app.ingestion.clients.x.userByUsername(c.x!.username);
    demo.simulators.tiklive.setMode({ latencyMs: 5000 });
    demo.simulators.x.setMode({ latencyMs: 5000 });
    const res = await gql(url, TRACK, {
      input: { tiktokUsername: `@${c.tiktok!.username}`, xUsername: c.x!.username, displayName: 'Tracked One', tier: 'ACTIVE' },
    });
    expect(res.errors).toBeUndefined();
    const payload = res.data.trackCreator;
    expect(payload.errors).toEqual([]);
    expect(payload.creator).toMatchObject({ displayName: 'Tracked One', tracked: true, tier: 'ACTIVE', backfilled: false });
    expect(payload.creator.accounts.map((a: { id: string }) => a.id).sort()).toEqual([`tiktok:${c.tiktok!.id}`, `x:${c.x!.id}`]);
    const id = payload.creator.id;

    const hidden = await gql(url, LIST, { all: false });
    expect(hidden.data.creators.nodes.map((n: { id: string }) => n.id)).not.toContain(id);
    const shown = await gql(url, LIST, { all: true });
    expect(shown.data.creators.nodes).toContainEqual({ id, backfilled: false });

    demo.simulators.tiklive.setMode({ latencyMs: 0 });
    demo.simulators.x.setMode({ latencyMs: 0 });
    await app.ingestion.tracking.idle();

    const after = await gql(url, LIST, { all: false });
    expect(after.data.creators.nodes).toContainEqual({ id, backfilled: true });
    // The window really is in the graph: every post of the last 30 days on both platforms.
    const since = demo.clock() - 30 * 86_400_000;
    const expected = (p: 'tiktok' | 'x', a: SimAccount) =>
      (world[p].postsByAuthor.get(a.id) ?? []).filter((x) => x.createdAt >= since && x.createdAt <= demo.clock() && !x.quirk).length;
    const rows = await app.graph.runText(
      'MATCH (a:Account)-[:POSTED]->(p:Post) WHERE a.id IN $ids RETURN a.platform AS platform, count(p) AS n',
      { ids: [`tiktok:${c.tiktok!.id}`, `x:${c.x!.id}`] },
    );
    const counts = Object.fromEntries(rows.map((r) => [r.platform, r.n]));
    expect(counts.TIKTOK).toBeGreaterThanOrEqual(expected('tiktok', c.tiktok!));
    expect(counts.X).toBeGreaterThanOrEqual(expected('x', c.x!));
    expect(counts.TIKTOK + counts.X).toBeGreaterThan(0);

    // Tracking it again is refused, per field.
    const again = await gql(url, TRACK, { input: { tiktokUsername: c.tiktok!.username } });
    expect(again.data.trackCreator).toMatchObject({ creator: null, errors: [{ code: 'ALREADY_TRACKED', field: ['input', 'tiktokUsername'] }] });

    // untrackCreator keeps the data, drops the flag; then the creator can be tracked again.
    const un = await gql(url, `mutation($id: ID!) { untrackCreator(id: $id) { id tracked } }`, { id });
    expect(un.data.untrackCreator).toEqual({ id, tracked: false });
    const missing = await gql(url, `mutation { untrackCreator(id: "cr_nope") { id } }`);
    expect(missing.data.untrackCreator).toBeNull();
  });

  it('looks for the other half of a creator tracked by one handle, and joins it when the match is AUTO', async () => {
    const c = world.creators.find(
      (w) => w.kind === 'creator' && usable(w.tiktok) && usable(w.x) && w.handleRelation === 'identical' && w.linkKind === 'personal',
    )!;
    const tiktokId = `tiktok:${c.tiktok!.id}`;
    const xId = `x:${c.x!.id}`;
    const res = await gql(url, TRACK, { input: { tiktokUsername: c.tiktok!.username } });
    expect(res.data.trackCreator.errors).toEqual([]);
    const creator = res.data.trackCreator.creator;
    expect(creator.accounts.map((a: { id: string }) => a.id)).toEqual([tiktokId]);

    await app.ingestion.tracking.idle();
    const [edge] = await app.graph.runText(
      'MATCH (:Account {id: $t})-[m:MATCHED_TO]->(:Account {id: $x}) RETURN m.status AS status, m.reasons AS reasons',
      { t: tiktokId, x: xId },
    );
    expect(edge).toMatchObject({ status: 'AUTO', reasons: expect.arrayContaining(['HANDLE_EXACT']) });
    // The tracked creator (the older one) now holds both accounts and is still tracked.
    const after = await gql(url, `query($id: ID!) { creator(id: $id) { id tracked accounts { id } } }`, { id: creator.id });
    expect(after.data.creator.tracked).toBe(true);
    expect(after.data.creator.accounts.map((a: { id: string }) => a.id).sort()).toEqual([tiktokId, xId]);
    const un = await gql(url, `mutation($id: ID!) { untrackCreator(id: $id) { id tracked } }`, { id: creator.id });
    expect(un.data.untrackCreator).toEqual({ id: creator.id, tracked: false });
  });

  it('answers each user mistake and provider fact as a UserError, never as a GraphQL error', async () => {
    const privateTikTok = world.tiktok.accounts.find((a) => a.private && a.deletedAt === null)!;
    const privateX = world.x.accounts.find((a) => a.private && a.deletedAt === null)!;
    const gone = world.x.accounts.find((a) => a.deletedAt !== null && a.deletedAt < world.now)!;
    expect(privateTikTok && privateX && gone).toBeTruthy();
    const cases: [Record<string, unknown>, { code: string; field?: string[] }[]][] = [
      [{}, [{ code: 'BAD_USER_INPUT', field: ['input'] }]],
      [{ tiktokUsername: '   ' }, [{ code: 'BAD_USER_INPUT', field: ['input'] }]],
      [{ tiktokUsername: 'no spaces allowed' }, [{ code: 'INVALID_HANDLE', field: ['input', 'tiktokUsername'] }]],
      [{ xUsername: 'much_too_long_for_x_handles' }, [{ code: 'INVALID_HANDLE', field: ['input', 'xUsername'] }]],
      [{ xUsername: 'fine', backfillDays: 0 }, [{ code: 'BAD_USER_INPUT', field: ['input', 'backfillDays'] }]],
      [{ tiktokUsername: 'nobody_here_zz9' }, [{ code: 'NOT_FOUND', field: ['input', 'tiktokUsername'] }]],
      [{ xUsername: 'nobody_zz9' }, [{ code: 'NOT_FOUND', field: ['input', 'xUsername'] }]],
      [{ xUsername: gone.username }, [{ code: 'NOT_FOUND', field: ['input', 'xUsername'] }]],
      [{ tiktokUsername: privateTikTok.username }, [{ code: 'PRIVATE', field: ['input', 'tiktokUsername'] }]],
      [{ xUsername: privateX.username }, [{ code: 'PRIVATE', field: ['input', 'xUsername'] }]],
    ];
    for (const [input, errors] of cases) {
      const res = await gql(url, TRACK, { input });
      expect(res.errors).toBeUndefined();
      expect({ input, payload: res.data.trackCreator }).toMatchObject({
        input,
        payload: { creator: null, errors: errors.map((e) => expect.objectContaining(e)) },
      });
    }
    // Nothing was half-tracked by the failures.
    const tracked = await app.graph.runText('MATCH (c:Creator {tracked: true}) RETURN count(c) AS n');
    expect(tracked[0].n).toBe(0);
  });

  it('refreshAccount refetches one account now and returns it; an unknown id gives null', async () => {
    const a = world.tiktok.accounts.find((x) => usable(x) && x.followers > 1000)!;
    const res = await gql(url, TRACK, { input: { tiktokUsername: a.username, backfillDays: 3 } });
    expect(res.data.trackCreator.errors).toEqual([]);
    await app.ingestion.tracking.idle();
    const before = await app.graph.runText('MATCH (s:AccountSnapshot {accountId: $id}) RETURN count(s) AS n', { id: `tiktok:${a.id}` });
    const r = await gql(url, `mutation($id: ID!) { refreshAccount(id: $id) { id username followers } }`, { id: `tiktok:${a.id}` });
    expect(r.errors).toBeUndefined();
    expect(r.data.refreshAccount).toMatchObject({ id: `tiktok:${a.id}`, username: a.username });
    const after = await app.graph.runText('MATCH (s:AccountSnapshot {accountId: $id}) RETURN count(s) AS n', { id: `tiktok:${a.id}` });
    expect(after[0].n).toBeGreaterThan(before[0].n as number); // a new fetch, past the profile cache
    const none = await gql(url, `mutation { refreshAccount(id: "tiktok:1") { id } }`);
    expect(none.data.refreshAccount).toBeNull();
  });
});
