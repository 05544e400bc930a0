/**
 * The incremental matcher scores with what the last full run learnt (model-store.ts), and finds
 * counterparts through the name and word keys the full run blocks on (graph-keys.ts), on a real
 * graph.
 */
import { decodeEvidence, type MatchEvidenceRecord } from '../../src/matching/evidence-codec';
import { DEFAULT_FS_MODEL, type FSModel } from '../../src/matching/fellegi-sunter';
import { matchAccountsIncrementally } from '../../src/matching/incremental';
import { loadModel, storeModel } from '../../src/matching/model-store';
import { runMatching } from '../../src/matching/run';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { accountRecord } from '../../src/simulators/records';
import { generateWorld } from '../../src/simulators/world';
import { writeAccounts } from '../../src/graph/accounts';
import { clearGraph, freshGraph } from '../support/graph';
import { account, idOf, matchesIn, RecordingBus, write } from './support/accounts';

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

function evidenceOf(stored: { evidence: string } | undefined): MatchEvidenceRecord[] {
  return decodeEvidence(stored?.evidence);
}

describe('the learnt model between full runs', () => {
  it('a full run on a population stores the model it learnt, and loadModel reads it back', async () => {
    const world = generateWorld({ creators: 320, accountsOnly: true, seed: 5 });
    await writeAccounts(graph, [...world.tiktok.accounts, ...world.x.accounts].map((a) => accountRecord(a)), { refresh: false });
    expect(await loadModel(graph)).toBeUndefined();
    const run = await runMatching(graph, bus);
    const stored = await loadModel(graph);
    expect(stored).toBeDefined();
    expect(stored!.runId).toBe(run.id);
    expect(stored!.population).toEqual({ tiktok: world.tiktok.accounts.length, x: world.x.accounts.length });
    expect(stored!.iterations).toBeGreaterThan(0);
    // Learnt, not the defaults: EM moved m.
    expect(stored!.model.m).not.toEqual(DEFAULT_FS_MODEL.m);
    expect(stored!.model.matchesPerAccount).not.toBe(DEFAULT_FS_MODEL.matchesPerAccount);
  }, 120_000);

  it('scores new accounts with the stored parameters (evidence carries the stored m), not the defaults', async () => {
    const learnt: FSModel = {
      m: { ...DEFAULT_FS_MODEL.m, DISPLAY_NAME: [0.8, 0.1, 0.05, 0.04, 0.01], USERNAME: [0.7, 0.1, 0.1, 0.05, 0.05] },
      u: DEFAULT_FS_MODEL.u,
      matchesPerAccount: 0.6,
    };
    await storeModel(graph, { model: learnt, population: { tiktok: 50_000, x: 40_000 }, iterations: 7, converged: true, runId: 'run_x', learntAt: new Date().toISOString() });
    const t = account('TIKTOK', 'orlavantreck', { displayName: 'Orla Vantreck' });
    const x = account('X', 'OrlaVantreck', { displayName: 'Orla Vantreck 🎧' });
    await write(graph, t, x);

    await matchAccountsIncrementally(graph, bus, [idOf(t), idOf(x)]);
    const learntPair = (await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`);
    const byLearnt = evidenceOf(learntPair);
    expect(byLearnt.find((e) => e.signal === 'DISPLAY_NAME')).toMatchObject({ level: 'EXACT', m: 0.8 });
    expect(byLearnt.find((e) => e.signal === 'USERNAME')).toMatchObject({ level: 'EXACT', m: 0.7 });

    // The same pair with the configured parameters (model: null) carries the default m.
    await clearGraph(graph);
    await write(graph, t, x);
    await matchAccountsIncrementally(graph, bus, [idOf(t), idOf(x)], { model: null });
    const byDefault = evidenceOf((await matchesIn(graph)).get(`${idOf(t)}|${idOf(x)}`));
    expect(byDefault.find((e) => e.signal === 'DISPLAY_NAME')).toMatchObject({ level: 'EXACT', m: DEFAULT_FS_MODEL.m.DISPLAY_NAME[0] });
  }, 60_000);

  it('ignores a stored model that does not fit the comparison levels', async () => {
    await graph.runText("CREATE (:MatchingModel {id: 'current', m: '{\"USERNAME\": [1]}', u: '{}', matchesPerAccount: 0.5})");
    expect(await loadModel(graph)).toBeUndefined();
  });
});

describe('name and word keys in the graph', () => {
  it('the incremental matcher finds a counterpart whose handle differs through its display name', async () => {
    const x = account('X', 'gabe_for_nm', { displayName: 'Rep. Gabe Vasquez' });
    await write(graph, x);
    await matchAccountsIncrementally(graph, bus, [idOf(x)]);
    const [stored] = await graph.runText('MATCH (a:Account {id: $id}) RETURN a.nameKey AS name, a.nameWords AS words', { id: idOf(x) });
    expect(stored.name).toBe('name:gabevasquez');
    expect(String(stored.words).split(' ')).toEqual(expect.arrayContaining(['gabe', 'vasquez']));

    const t = account('TIKTOK', 'repgabevasquez', { displayName: 'Gabe Vasquez' });
    await write(graph, t);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(t)]);
    expect(r.neighbours).toBe(1);
    expect(r.candidatePairs).toBe(1);
  }, 60_000);

  it('and one that shares only a rare word of its name', async () => {
    const x = account('X', 'hs_nu', { displayName: 'HNU Hochschule' });
    await write(graph, x);
    await matchAccountsIncrementally(graph, bus, [idOf(x)]);
    const t = account('TIKTOK', 'neu_ulm_uni', { displayName: 'Hochschule Neu-Ulm' });
    await write(graph, t);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(t)]);
    expect(r.neighbours).toBe(1);
    expect(r.candidatePairs).toBe(1);
  }, 60_000);

  it('a word held by more accounts than the token block size pairs nothing', async () => {
    const many = Array.from({ length: 14 }, (_, i) => account(i % 2 ? 'X' : 'TIKTOK', `studio_${i}_zz`, { displayName: `Glimmer Studio ${i}` }));
    await write(graph, ...many);
    await matchAccountsIncrementally(graph, bus, many.map(idOf));
    const t = account('TIKTOK', 'qqq_other', { displayName: 'Glimmer' });
    await write(graph, t);
    const r = await matchAccountsIncrementally(graph, bus, [idOf(t)]);
    expect(r.candidatePairs).toBe(0);
  }, 60_000);
});
