/**
 * The match lifecycle on a real graph: stable creator ids across reruns, human decisions that
 * outlive reruns, conflicts sent to review, creators kept in step, events for every change and
 * none without one.
 */
import { matchAccountsIncrementally } from '../../src/matching/incremental';
import { loadMigrations } from '../../src/neo4j/migrate';
import { approveMatch, linkAccounts, rejectMatch } from '../../src/matching/review';
import { decodeEvidence } from '../../src/matching/evidence-codec';
import { runMatching } from '../../src/matching/run';

// The lifecycle is pinned down with the seed's fixed-points scorer, whose scores these cases spell out.
const FIXED = { matching: { model: 'fixed' as const } };
import { matchId } from '../../src/graph/ids';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { clearGraph, freshGraph } from '../support/graph';
import { account, count, creatorsOf, idOf, matchesIn, RecordingBus, write } from './support/accounts';

let graph: GraphClient;
const bus = new RecordingBus();

beforeAll(async () => {
  graph = await freshGraph();
});
afterAll(async () => {
  await graph.close();
});
beforeEach(async () => {
  await clearGraph(graph);
  bus.take();
});

const review = () => ({ graph, bus, actor: 'rita@agency.test' });

describe('full runs', () => {
  it('joins an AUTO pair under one creator, and a rerun on unchanged data changes nothing', async () => {
    const t = account('TIKTOK', 'beautybyamy', { displayName: 'Amy Chen', bioLink: 'https://linktr.ee/beautybyamy' });
    const x = account('X', 'BeautyByAmy', { displayName: 'Amy Chen ✨', bioLink: 'https://www.linktr.ee/beautybyamy/?utm_source=x' });
    const p = account('TIKTOK', 'dana_draws');
    const q = account('X', 'danadraws');
    await write(graph, t, x, p, q);

    const first = await runMatching(graph, bus, FIXED);
    expect(first).toMatchObject({ accountsConsidered: 4, candidatePairs: 2, auto: 1, pending: 1, created: 2, changed: 0 });
    const events = bus.take();
    expect(events.map((e) => [e.matchId, e.kind, e.previousStatus, e.status]).sort()).toEqual([
      [matchId(idOf(t), idOf(x)), 'CREATED', null, 'AUTO'],
      [matchId(idOf(p), idOf(q)), 'CREATED', null, 'PENDING'],
    ]);
    const creators = await creatorsOf(graph, [idOf(t), idOf(x), idOf(p), idOf(q)]);
    expect(creators[idOf(t)]).toBe(creators[idOf(x)]);
    expect(creators[idOf(p)]).not.toBe(creators[idOf(q)]);
    expect(await count(graph, 'Creator')).toBe(3);
    const runs = await graph.runText('MATCH (r:MatchingRun {id: $id}) RETURN r.candidatePairs AS c, r.auto AS auto', { id: first.id });
    expect(runs).toEqual([{ c: 2, auto: 1 }]);

    const eventsBefore = await count(graph, 'MatchEvent');
    const again = await runMatching(graph, bus, FIXED);
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 2, keysSynced: 0, merged: 0, split: 0 });
    expect(bus.take()).toEqual([]);
    expect(await count(graph, 'MatchEvent')).toBe(eventsBefore);
    expect(await creatorsOf(graph, Object.keys(creators))).toEqual(creators);
  });

  it('keeps the older creator id when a profile change turns a review pair into an AUTO match', async () => {
    const t = account('TIKTOK', 'dana_draws', { platformUserId: '501' });
    await write(graph, t);
    const x = account('X', 'danadraws', { platformUserId: '502' });
    await write(graph, x);
    await runMatching(graph, bus, FIXED);
    const before = await creatorsOf(graph, [idOf(t), idOf(x)]);
    const id = matchId(idOf(t), idOf(x));
    expect((await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)).toMatchObject({ status: 'PENDING', score: 30 });
    bus.take();

    // Both add the same site: the pair now has a strong reason.
    await write(
      graph,
      { ...t, bioLink: 'https://danadraws.art', fetchedAt: '2026-11-02T00:00:00.000Z' },
      { ...x, bioLink: 'danadraws.art/', fetchedAt: '2026-11-02T00:00:00.000Z' },
    );
    const run = await runMatching(graph, bus, FIXED);
    expect(run).toMatchObject({ changed: 1, merged: 1 });
    expect(bus.take().map((e) => [e.matchId, e.kind, e.previousStatus, e.previousScore, e.status, e.score])).toEqual([
      [id, 'SCORE_CHANGED', 'PENDING', 30, 'AUTO', 90],
    ]);
    const after = await creatorsOf(graph, [idOf(t), idOf(x)]);
    expect(after[idOf(x)]).toBe(before[idOf(t)]);
    expect(after[idOf(t)]).toBe(before[idOf(t)]);
  });
});

describe('what a full run writes', () => {
  it('sends no statement for stored pairs that are unchanged, and rewrites evidence that changed without an event', async () => {
    const t = account('TIKTOK', 'mila.makes', { displayName: 'Mila', bioLink: 'https://milamakes.shop' });
    const x = account('X', 'MilaMakes', { displayName: 'Mila', bioLink: 'https://www.milamakes.shop/' });
    const lone = account('X', 'nobody_else', { bioLink: 'https://elsewhere.example' });
    await write(graph, t, x, lone);
    const first = await runMatching(graph, bus, FIXED);
    expect(first).toMatchObject({ created: 1 });
    bus.take();

    const writes: string[] = [];
    const stop = graph.observe((e) => {
      if (e.mode === 'WRITE') writes.push(e.name);
    });
    const again = await runMatching(graph, bus, FIXED);
    stop();
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 1, keysSynced: 0, merged: 0 });
    expect(writes).toEqual(['graph/record-match-run']);

    // Same score, different raw value: the evidence is rewritten, quietly.
    await write(graph, { ...x, displayName: 'MILA', fetchedAt: '2026-11-05T00:00:00.000Z' });
    const before = (await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)!;
    const third = await runMatching(graph, bus, FIXED);
    const after = (await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)!;
    expect(third).toMatchObject({ created: 0, changed: 0, unchanged: 1 });
    expect(after.score).toBe(before.score);
    expect(after.evidence).not.toBe(before.evidence);
    expect(decodeEvidence(after.evidence).flatMap((e) => e.values.map((v) => v.raw))).toContain('MILA');
    expect(bus.take()).toEqual([]);
  });

  it('stores blocking keys only for accounts that have some, and rewrites them when they change', async () => {
    const keyed = account('TIKTOK', 'kai.cooks', { bioLink: 'https://kaicooks.example' });
    const bare = account('X', 'zz_top_fan');
    await write(graph, keyed, bare);
    const first = await runMatching(graph, bus, FIXED);
    expect(first.keysSynced).toBe(1);
    const stored = async (id: string) => {
      const [row] = await graph.runText(
        'MATCH (a:Account {id: $id}) OPTIONAL MATCH (a)-[:HAS_KEY]->(k:BlockKey) WITH a, collect(k.key) AS nodeKeys ' +
          'RETURN a.blockKeys AS list, [x IN nodeKeys + [a.linkKey, a.domainKey] WHERE x IS NOT NULL] AS keys',
        { id },
      );
      return { list: row.list as string[] | null, keys: (row.keys as string[]).sort() };
    };
    const kai = await stored(idOf(keyed));
    expect(kai.list).toContain('domain:kaicooks.example');
    expect(kai.keys).toEqual(kai.list);
    expect(await stored(idOf(bare))).toEqual({ list: null, keys: [] });

    await write(graph, { ...keyed, bioLink: 'https://kai.example', fetchedAt: '2026-11-05T00:00:00.000Z' }, { ...bare, bioLink: 'https://zz.example', fetchedAt: '2026-11-05T00:00:00.000Z' });
    const second = await runMatching(graph, bus, FIXED);
    expect(second.keysSynced).toBe(2);
    const kai2 = await stored(idOf(keyed));
    expect(kai2.list).toContain('domain:kai.example');
    expect(kai2.list).not.toContain('domain:kaicooks.example');
    expect(kai2.keys).toEqual(kai2.list);
    const zz = await stored(idOf(bare));
    expect(zz.list).toContain('domain:zz.example');
    expect(zz.keys).toEqual(zz.list);
  });

  it('moves link and domain keys stored as BlockKey nodes (before migration 004) to account properties', async () => {
    const kai = account('TIKTOK', 'kai.cooks', { bioLink: 'https://kaicooks.example/menu', bio: 'x.com/kai_cooks' });
    await write(graph, kai);
    // Keys as the earlier storage kept them: every stored key a BlockKey node.
    const old = ['domain:kaicooks.example', 'link:kaicooks.example/menu', 'profile:X:kai_cooks'];
    await graph.runText(
      'MATCH (a:Account {id: $id}) SET a.blockKeys = $keys WITH a UNWIND $keys AS key MERGE (k:BlockKey {key: key}) MERGE (a)-[:HAS_KEY]->(k)',
      { id: idOf(kai), keys: old },
    );
    const [migration] = loadMigrations().filter((m) => m.id === '004_block_key_columns');
    for (const statement of migration.statements) await graph.runText(statement);
    const [after] = await graph.runText(
      'MATCH (a:Account {id: $id}) RETURN a.blockKeys AS list, [(a)-[:HAS_KEY]->(k) | k.key] AS nodeKeys, COUNT { (:BlockKey) } AS blockKeys',
      { id: idOf(kai) },
    );
    expect(after).toEqual({ list: ['profile:X:kai_cooks'], nodeKeys: ['profile:X:kai_cooks'], blockKeys: 1 });

    const run = await runMatching(graph, bus, FIXED);
    expect(run.keysSynced).toBe(1);
    const [synced] = await graph.runText(
      'MATCH (a:Account {id: $id}) RETURN a.blockKeys AS list, a.linkKey AS link, a.domainKey AS domain, [(a)-[:HAS_KEY]->(k) | k.key] AS nodeKeys',
      { id: idOf(kai) },
    );
    expect(synced).toEqual({ list: old, link: 'link:kaicooks.example/menu', domain: 'domain:kaicooks.example', nodeKeys: ['profile:X:kai_cooks'] });
    // And the incremental matcher finds the account by them.
    const x = account('X', 'kaicooks_x', { bioLink: 'https://www.kaicooks.example/menu?utm_source=x' });
    await write(graph, x);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(x)], FIXED);
    expect(r).toMatchObject({ neighbours: 1, candidatePairs: 1 });
  });
});

describe('human decisions win', () => {
  it('splits the creator when an AUTO match is rejected, and a rerun never relinks it', async () => {
    const t = account('TIKTOK', 'pixel.pete', { platformUserId: '601', bioLink: 'https://pixelpete.gg' });
    await write(graph, t);
    const x = account('X', 'PixelPete', { platformUserId: '602', bioLink: 'https://www.pixelpete.gg/' });
    await write(graph, x);
    const own = await creatorsOf(graph, [idOf(t), idOf(x)]);
    await runMatching(graph, bus, FIXED);
    const joined = await creatorsOf(graph, [idOf(t), idOf(x)]);
    expect(joined[idOf(x)]).toBe(own[idOf(t)]);

    const id = matchId(idOf(t), idOf(x));
    await rejectMatch(review(), id, 'different people');
    const split = await creatorsOf(graph, [idOf(t), idOf(x)]);
    expect(split[idOf(t)]).toBe(own[idOf(t)]);
    // The X account gets back the id it had before the merge.
    expect(split[idOf(x)]).toBe(own[idOf(x)]);
    bus.take();

    const rerun = await runMatching(graph, bus, FIXED);
    expect(rerun.created + rerun.changed).toBe(0);
    expect(bus.take()).toEqual([]);
    expect((await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)!.status).toBe('REJECTED');
    expect(await creatorsOf(graph, [idOf(t), idOf(x)])).toEqual(split);

    // Even stronger evidence later does not relink it; the new score is recorded with an event.
    await write(graph, { ...t, displayName: 'Pete', fetchedAt: '2026-11-03T00:00:00.000Z' }, { ...x, displayName: 'Pete', fetchedAt: '2026-11-03T00:00:00.000Z' });
    await matchAccountsIncrementally(graph, bus, [idOf(t)], FIXED);
    const stored = (await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)!;
    expect(stored.status).toBe('REJECTED');
    expect(bus.take().map((e) => [e.kind, e.previousStatus, e.status, e.previousScore, e.score])).toEqual([
      ['SCORE_CHANGED', 'REJECTED', 'REJECTED', stored.score - 10, stored.score],
    ]);
    expect(await creatorsOf(graph, [idOf(t), idOf(x)])).toEqual(split);
  });

  it('never undoes a MANUAL link: approved and linked pairs survive reruns and evidence changes', async () => {
    const t = account('TIKTOK', 'dana_draws');
    const x = account('X', 'danadraws');
    const u = account('TIKTOK', 'quiet.one');
    const y = account('X', 'loud_other');
    await write(graph, t, x, u, y);
    await runMatching(graph, bus, FIXED);
    await approveMatch(review(), matchId(idOf(t), idOf(x)));
    await linkAccounts(review(), [idOf(u), idOf(y)], 'same person, confirmed by email');
    bus.take();

    // The approved pair loses its evidence entirely; the linked one never had any.
    await write(graph, { ...x, username: 'somethingelse', fetchedAt: '2026-11-04T00:00:00.000Z' });
    await runMatching(graph, bus, FIXED);
    await matchAccountsIncrementally(graph, bus, [idOf(x), idOf(u)], FIXED);
    const m = await matchesIn(graph);
    expect(m.get(`${idOf(t)}|${idOf(x)}`)).toMatchObject({ status: 'MANUAL', score: 0 });
    expect(m.get(`${idOf(u)}|${idOf(y)}`)).toMatchObject({ status: 'MANUAL' });
    const c = await creatorsOf(graph, [idOf(t), idOf(x), idOf(u), idOf(y)]);
    expect(c[idOf(t)]).toBe(c[idOf(x)]);
    expect(c[idOf(u)]).toBe(c[idOf(y)]);
    // The score change of the approved pair was an event; the status stayed.
    expect(bus.take().map((e) => [e.kind, e.previousStatus, e.status, e.previousScore, e.score])).toEqual([
      ['SCORE_CHANGED', 'MANUAL', 'MANUAL', 30, 0],
    ]);
  });

  it('does not AUTO-match an account a reviewer linked to someone else', async () => {
    const t = account('TIKTOK', 'chef.rosa', { bioLink: 'https://rosacooks.com' });
    const x = account('X', 'rosa_kitchen');
    const other = account('X', 'chefrosa', { bioLink: 'https://rosacooks.com/' });
    await write(graph, t, x, other);
    await linkAccounts(review(), [idOf(t), idOf(x)]);
    await runMatching(graph, bus, FIXED);
    const m = await matchesIn(graph);
    expect(m.get(`${idOf(t)}|${idOf(other)}`)!.status).toBe('PENDING');
    expect(m.get(`${idOf(t)}|${idOf(x)}`)!.status).toBe('MANUAL');
  });
});

describe('conflicts go to review', () => {
  it('sends rival AUTO candidates of one account to review and joins nobody', async () => {
    const t = account('TIKTOK', 'chef.bo', { bioLink: 'https://x.com/bo_cooks' });
    const x1 = account('X', 'bo_cooks');
    const x2 = account('X', 'bo_cooks_too', { bio: 'tiktok: @chef.bo' });
    await write(graph, t, x1, x2);
    const run = await runMatching(graph, bus, FIXED);
    expect(run).toMatchObject({ auto: 0, pending: 2, merged: 0 });
    expect(await count(graph, 'Creator')).toBe(3);
  });

  it('demotes a stored AUTO match and splits its creator when a rival arrives incrementally', async () => {
    const t = account('TIKTOK', 'chef.bo', { platformUserId: '701', bioLink: 'https://x.com/bo_cooks' });
    await write(graph, t);
    // As ingestion does after each write: the pointer's key is stored before its target exists.
    await matchAccountsIncrementally(graph, bus, [idOf(t)], FIXED);
    const x1 = account('X', 'bo_cooks', { platformUserId: '702' });
    await write(graph, x1);
    await matchAccountsIncrementally(graph, bus, [idOf(x1)], FIXED);
    const own = await creatorsOf(graph, [idOf(t)]);
    const m1 = matchId(idOf(t), idOf(x1));
    expect(bus.take().map((e) => [e.matchId, e.kind, e.status])).toEqual([[m1, 'CREATED', 'AUTO']]);

    const x2 = account('X', 'bo_cooks_too', { platformUserId: '703', bio: 'tiktok: @chef.bo' });
    await write(graph, x2);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(x2)], FIXED);
    expect(r).toMatchObject({ accounts: 1, neighbours: 1, auto: 0, pending: 2, split: 1 });
    const m2 = matchId(idOf(t), idOf(x2));
    expect(bus.take().map((e) => [e.matchId, e.kind, e.previousStatus, e.status]).sort()).toEqual([
      [m1, 'SCORE_CHANGED', 'AUTO', 'PENDING'],
      [m2, 'CREATED', null, 'PENDING'],
    ]);
    const c = await creatorsOf(graph, [idOf(t), idOf(x1), idOf(x2)]);
    expect(c[idOf(t)]).toBe(own[idOf(t)]);
    expect(new Set(Object.values(c)).size).toBe(3);
    // The full run agrees with the incremental one.
    const run = await runMatching(graph, bus, FIXED);
    expect(run.created + run.changed).toBe(0);
  });
});

describe('incremental matching', () => {
  it('finds counterparts through stored keys and indexes, not by scanning, and stays quiet on repeats', async () => {
    const t = account('TIKTOK', 'talia.tech', { displayName: 'Talia', bioLink: 'https://linktr.ee/taliatech' });
    const noise = Array.from({ length: 30 }, (_, i) => account('X', `unrelated_${i}`, { bioLink: `https://site${i}.com` }));
    await write(graph, t, ...noise);
    const first = await matchAccountsIncrementally(graph, bus, [idOf(t)], FIXED);
    expect(first).toMatchObject({ accounts: 1, neighbours: 0, candidatePairs: 0, created: 0 });

    const byLink = account('X', 'talia_x', { bioLink: 'https://linktr.ee/TaliaTech?utm_source=x' });
    const byPointer = account('X', 'gadgets_daily', { bio: 'gadgets. tiktok.com/@talia.tech' });
    await write(graph, byLink, byPointer);
    const second = await matchAccountsIncrementally(graph, bus, [idOf(byLink), idOf(byPointer), 'x:does-not-exist'], FIXED);
    expect(second).toMatchObject({ accounts: 2, neighbours: 1, candidatePairs: 2, created: 2 });
    const m = await matchesIn(graph);
    expect(m.get(`${idOf(t)}|${idOf(byLink)}`)!.reasons).toContain('BIOLINK_EXACT');
    expect(m.get(`${idOf(t)}|${idOf(byPointer)}`)!.reasons).toContain('PROFILE_LINK');
    const keys = await graph.runText('MATCH (a:Account {id: $id})-[:HAS_KEY]->(k:BlockKey) RETURN k.key AS key', { id: idOf(byPointer) });
    expect(keys).toEqual([{ key: 'profile:TIKTOK:talia.tech' }]);
    bus.take();

    const repeat = await matchAccountsIncrementally(graph, bus, [idOf(t), idOf(byLink), idOf(byPointer)], FIXED);
    expect(repeat).toMatchObject({ created: 0, changed: 0 });
    expect(bus.take()).toEqual([]);
  });

  it('judges common handles on the whole graph, as the full run does', async () => {
    const crowd = [
      account('TIKTOK', 'glow.queen.mia2'),
      account('TIKTOK', 'glowqueenmia_3'),
      account('X', 'glow_queen_mia4'),
    ];
    const t = account('TIKTOK', 'glowqueenmia');
    const x = account('X', 'glowqueenmia');
    await write(graph, ...crowd, t, x);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(x)], FIXED);
    // Five accounts share the normalised handle: a common handle scores 10 and is not a candidate.
    expect(r).toMatchObject({ candidatePairs: 0, created: 0 });
    const full = await runMatching(graph, bus, FIXED);
    expect(full).toMatchObject({ candidatePairs: 0, created: 0 });
  });
});

describe('evidence written by runs', () => {
  it('lists every compared signal with raw and normalised values, and the points add up to the score', async () => {
    const t = account('TIKTOK', 'Beauty.By.Amy', { displayName: '𝓐𝓶𝔂 Chen', bio: 'X: @amy_tweets', bioLink: 'https://amychen.com/?utm_source=tt' });
    const x = account('X', 'amy_tweets', { displayName: 'Amy Chen ✨', bioLink: 'https://www.amychen.com/shop' });
    await write(graph, t, x);
    await runMatching(graph, bus, FIXED);
    const stored = (await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`)!;
    const evidence = decodeEvidence(stored.evidence);
    expect(evidence.map((e) => [e.signal, e.reason, e.points])).toEqual([
      ['BIO_LINK', 'BIOLINK_DOMAIN', 30],
      ['BIO_TEXT', 'PROFILE_LINK', 60],
      ['USERNAME', null, 0],
      ['DISPLAY_NAME', 'NAME_EXACT', 10],
    ]);
    for (const e of evidence) {
      expect(e.values.map((v) => v.platform).sort()).toEqual(['TIKTOK', 'X']);
      expect(e.values.every((v) => v.raw !== null)).toBe(true);
    }
    expect(evidence.find((e) => e.signal === 'DISPLAY_NAME')!.values.map((v) => v.normalized)).toEqual(['amychen', 'amychen']);
    expect(Math.min(100, evidence.reduce((s, e) => s + e.points, 0))).toBe(stored.score);
    expect(stored.reasons).toEqual(['BIOLINK_DOMAIN', 'PROFILE_LINK', 'NAME_EXACT']);
  });
});
