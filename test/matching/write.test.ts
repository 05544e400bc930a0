/**
 * What writeMatches does around the match edges: creators merged by a run carry the derived values
 * a refresh from the graph would compute (the merge computes them in memory), and writes handed
 * to it to run alongside get every account only once the match and creator writes are done with it.
 */
import { refreshAllCreators } from '../../src/graph/creators';
import { matchId } from '../../src/graph/ids';
import type { MatchReason } from '../../src/graph/model';
import { runMatching } from '../../src/matching/run';

// The lifecycle is pinned down with the seed's fixed-points scorer, whose scores these cases spell out.
const FIXED = { matching: { model: 'fixed' as const } };
import { writeMatches, type BesideWrites, type MatchRecord } from '../../src/matching/write';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { graphPerTest } from '../support/graph';
import { account, count, creatorsOf, idOf, RecordingBus, write } from './support/accounts';

const bus = new RecordingBus();
const getGraph = graphPerTest();
let graph: GraphClient;
beforeEach(() => {
  graph = getGraph();
  bus.take();
});

const DERIVED =
  'MATCH (c:Creator) RETURN c.id AS id, c.reachNaive AS naive, c.reachLow AS low, c.reachHigh AS high, ' +
  'c.tiktokFollowers AS tiktok, c.xFollowers AS x, c.platforms AS platforms, c.searchText AS searchText, ' +
  'c.active AS active, c.lastPostAt AS lastPostAt ORDER BY id';

describe('creators merged by a run', () => {
  it('carry the same derived values a refresh from the graph computes, without reading them back', async () => {
    // Same username (overlap 15-25%), bio link with different usernames (5-10%), one X account
    // gone inactive, one with a last post.
    const t1 = account('TIKTOK', 'beautybyamy', { displayName: 'Amy Chen', bioLink: 'https://linktr.ee/beautybyamy', followers: 800_000 });
    const x1 = account('X', 'BeautyByAmy', { displayName: 'Amy Chen', bioLink: 'https://linktr.ee/beautybyamy', followers: 120_000 });
    const t2 = account('TIKTOK', 'kenji.runs', { displayName: 'Kenji', bioLink: 'https://www.kenjiruns.co/', followers: 50_000 });
    const x2 = account('X', 'KenjiOnTheRoad', { displayName: 'Kenji', bioLink: 'https://kenjiruns.co/?utm_source=x', followers: 9_000 });
    const t3 = account('TIKTOK', 'sara.yoga', { displayName: 'Sara Yoga', bioLink: 'https://linktr.ee/sarayoga', followers: 3_000 });
    const x3 = account('X', 'sarayoga', { displayName: 'Sara Yoga', bioLink: 'https://linktr.ee/sarayoga', followers: 700 });
    await write(graph, t1, x1, t2, x2, t3, x3);
    await graph.runText('MATCH (a:Account {id: $id}) SET a.active = false', { id: idOf(x3) });
    await graph.runText("MATCH (a:Account {id: $id}) SET a.lastPostAt = datetime('2026-11-20T08:00:00Z')", { id: idOf(x2) });

    const statements: string[] = [];
    const stop = graph.observe((e) => statements.push(e.name));
    const run = await runMatching(graph, bus, FIXED);
    stop();
    expect(run).toMatchObject({ auto: 3, merged: 3 });
    expect(await count(graph, 'Creator')).toBe(3);
    // The merge set the survivors' values itself.
    expect(statements).not.toContain('graph/creator-reach-inputs');
    expect(statements).not.toContain('graph/set-creator-derived');
    // It knew the creators from the accounts it loaded, and recorded the events with the edges.
    expect(statements).not.toContain('graph/creators-of-accounts');
    expect(statements.indexOf('graph/record-match-events')).toBeLessThan(statements.indexOf('graph/merge-creator-groups'));
    const history = await graph.runText('MATCH (e:MatchEvent {kind: "CREATED"}) RETURN count(e) AS n');
    expect(Number(history[0].n)).toBe(3);

    const merged = await graph.runText(DERIVED);
    await refreshAllCreators(graph);
    expect(merged).toEqual(await graph.runText(DERIVED));

    const byCreator = new Map(merged.map((r) => [r.id, r]));
    const creators = await creatorsOf(graph, [idOf(t1), idOf(t2), idOf(t3)]);
    // Same username: 920k naive, minus 15-25% of the smaller audience.
    expect(byCreator.get(creators[idOf(t1)])).toMatchObject({ naive: 920_000, low: 890_000, high: 902_000, platforms: ['TIKTOK', 'X'] });
    // Bio link, different usernames: 5-10% of the smaller audience; the X account's last post.
    expect(byCreator.get(creators[idOf(t2)])).toMatchObject({ naive: 59_000, low: 58_100, high: 58_550, lastPostAt: new Date('2026-11-20T08:00:00Z') });
    // The inactive X account counts for nothing.
    expect(byCreator.get(creators[idOf(t3)])).toMatchObject({ naive: 3_000, low: 3_000, high: 3_000, platforms: ['TIKTOK'], active: true });
  });
});

function record(tiktokId: string, xId: string, score: number, reasons: MatchReason[]): MatchRecord {
  return { tiktokAccountId: tiktokId, xAccountId: xId, score, reasons, evidence: [], status: score >= 60 ? 'AUTO' : 'PENDING' };
}

describe('writes alongside', () => {
  it('get the accounts being matched only after the match and creator writes, each once', async () => {
    const [t1, x1, t2, x2, other] = await write(
      graph,
      account('TIKTOK', 'amy'),
      account('X', 'amy'),
      account('TIKTOK', 'dana'),
      account('X', 'dana_draws'),
      account('TIKTOK', 'nobody'),
    );
    const before = await creatorsOf(graph, [t1, x1]);
    const seen: { call: string; ids: string[]; merged: boolean }[] = [];
    const mergedYet = async () => {
      const creators = await creatorsOf(graph, [t1, x1]);
      return creators[t1] === creators[x1];
    };
    const alongside: BesideWrites = {
      start: async (busy) => {
        seen.push({ call: 'start', ids: [...busy].sort(), merged: await mergedYet() });
      },
      release: async (ids) => {
        seen.push({ call: 'release', ids: [...ids].sort(), merged: await mergedYet() });
      },
    };
    await writeMatches(graph, bus, [record(t1, x1, 90, ['HANDLE_EXACT', 'BIOLINK_EXACT']), record(t2, x2, 40, ['HANDLE_NORMALIZED'])], undefined, [], {
      stored: new Map(),
      alongside,
    });
    expect(seen[0]).toEqual({ call: 'start', ids: [t1, t2, x1, x2].sort(), merged: false });
    const released = seen.slice(1).flatMap((s) => s.ids);
    expect(released.sort()).toEqual([t1, t2, x1, x2].sort());
    expect(released).not.toContain(other);
    // The account the merge moves is released only once the merge is written.
    const after = await creatorsOf(graph, [t1, x1]);
    const moved = after[t1] === before[t1] ? x1 : t1;
    expect(seen.find((s) => s.call === 'release' && s.ids.includes(moved))?.merged).toBe(true);
    expect(bus.take().map((e) => e.matchId).sort()).toEqual([matchId(t1, x1), matchId(t2, x2)].sort());
  });

  it('report their failure once the match writes are done; events are recorded but not published', async () => {
    const [t, x] = await write(graph, account('TIKTOK', 'amy'), account('X', 'amy'));
    const alongside: BesideWrites = {
      start: async () => {
        throw new Error('beside failed');
      },
      release: async () => undefined,
    };
    await expect(
      writeMatches(graph, bus, [record(t, x, 90, ['HANDLE_EXACT'])], undefined, [], { stored: new Map(), alongside }),
    ).rejects.toThrow('beside failed');
    const [row] = await graph.runText('MATCH (:Account {id: $t})-[m:MATCHED_TO]->(:Account {id: $x}) RETURN m.status AS status', { t, x });
    expect(row).toEqual({ status: 'AUTO' });
    const history = await graph.runText('MATCH (e:MatchEvent {matchId: $id}) RETURN e.kind AS kind', { id: matchId(t, x) });
    expect(history).toEqual([{ kind: 'CREATED' }]);
    expect(bus.take()).toEqual([]);
  });
});
