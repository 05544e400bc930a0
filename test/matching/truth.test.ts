/**
 * Precision and recall of the real full run (`runMatching` on Neo4j, the probabilistic scorer)
 * against the simulated world's ground truth, over ALL true pairs. The same figures over ten
 * seeds, in memory and beside the fixed-points scorer, are in seeds-quality.test.ts.
 *
 * Floors: AUTO precision >= 0.99 (an AUTO link pays a creator; at most one wrong in a hundred),
 * AUTO recall >= 0.60 and AUTO-or-PENDING recall >= 0.85 over all true pairs, no look-alike
 * (common handle, shared name, squatter) AUTO-matched.
 */
import { accountRecord } from '../../src/simulators/records';
import { accountId } from '../../src/graph/model';
import { writeAccounts } from '../../src/graph/accounts';
import { nullBus } from '../../src/matching/events';
import { buildIndex } from '../../src/matching/blocking';
import { runMatching } from '../../src/matching/run';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { generateWorld } from '../../src/simulators/world';
import { freshGraph } from '../support/graph';
import { matchesIn } from './support/accounts';

describe('matching against the simulated ground truth', () => {
  let graph: GraphClient;
  beforeAll(async () => {
    graph = await freshGraph();
  });
  afterAll(async () => {
    await graph.close();
  });

  it('links AUTO at precision >= 0.99, AUTO recall >= 0.60 and AUTO-or-PENDING recall >= 0.85 over all true pairs', async () => {
    const world = generateWorld({ creators: 3000, accountsOnly: true, seed: 13 });
    const accounts = [...world.tiktok.accounts, ...world.x.accounts];
    await writeAccounts(graph, accounts.map((a) => accountRecord(a)), { refresh: false });

    const run = await runMatching(graph, nullBus);
    expect(run.accountsConsidered).toBe(accounts.length);
    const stored = await matchesIn(graph);
    const status = (t: string, x: string) => stored.get(`tiktok:${t}|x:${x}`)?.status;

    const truth = new Set(world.truth.pairs.map((p) => `tiktok:${p.tiktokUserId}|x:${p.xUserId}`));
    const autos = [...stored.values()].filter((m) => m.status === 'AUTO');
    const correctAuto = autos.filter((m) => truth.has(`${m.tiktokId}|${m.xId}`)).length;
    const precision = correctAuto / autos.length;

    // Which signals each true pair shares, from the same keys blocking uses (computed
    // independently of the run, over the same accounts).
    const index = buildIndex(
      accounts.map((a) => ({ id: accountId(a.platform, a.id), platform: a.platform, username: a.username, displayName: a.displayName, bio: a.bio, bioLink: a.bioLink })),
    );
    const pos = new Map(index.accounts.map((a, i) => [a.id, i]));
    const tally = { all: [0, 0], anyKey: [0, 0], signal: [0, 0] };
    for (const p of world.truth.pairs) {
      const tk = new Set(index.keysOf[pos.get(`tiktok:${p.tiktokUserId}`)!]);
      const shared = index.keysOf[pos.get(`x:${p.xUserId}`)!].filter((k) => tk.has(k));
      const s = status(p.tiktokUserId, p.xUserId);
      const found = s === 'AUTO' || s === 'PENDING' ? 1 : 0;
      const add = (k: keyof typeof tally) => {
        tally[k][0]++;
        tally[k][1] += found;
      };
      add('all');
      if (shared.length > 0) add('anyKey');
      if (shared.some((k) => !k.startsWith('name:'))) add('signal');
    }
    const recall = (k: keyof typeof tally) => tally[k][1] / tally[k][0];
    const collisionsAuto = world.truth.collisions.filter((c) => status(c.tiktokUserId, c.xUserId) === 'AUTO').length;

    console.log(
      [
        `ground truth: ${world.truth.pairs.length} true pairs, ${world.truth.collisions.length} look-alike collisions, ${accounts.length} accounts`,
        `run: ${run.candidatePairs} candidate pairs, ${run.auto} AUTO, ${run.pending} PENDING, ${run.durationMs} ms`,
        `AUTO precision: ${precision.toFixed(4)} (${correctAuto}/${autos.length}); collisions linked AUTO: ${collisionsAuto}`,
        `recall among pairs sharing a signal (handle, link, domain, profile): ${recall('signal').toFixed(4)} (${tally.signal[1]}/${tally.signal[0]})`,
        `recall among pairs sharing any key incl. display name: ${recall('anyKey').toFixed(4)} (${tally.anyKey[1]}/${tally.anyKey[0]})`,
        `recall over all true pairs: ${recall('all').toFixed(4)} (${tally.all[1]}/${tally.all[0]})`,
      ].join('\n'),
    );
    const autoTrue = world.truth.pairs.filter((p) => status(p.tiktokUserId, p.xUserId) === 'AUTO').length;
    expect(precision).toBeGreaterThanOrEqual(0.99);
    expect(collisionsAuto).toBe(0);
    expect(autoTrue / world.truth.pairs.length).toBeGreaterThanOrEqual(0.6);
    expect(recall('all')).toBeGreaterThanOrEqual(0.85);
  });
});
