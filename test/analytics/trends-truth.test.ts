/**
 * Hashtag trends against the simulated world's ground truth (truth.hashtagWaves), over several
 * seeds. The generator decides each wave's tag, category, spillover class and the first post on
 * each platform; the detector sees only the graph's hourly rollup. A wave is "clear" when it has
 * at least CLEAR_POSTS posts on both platforms and started inside the queried window.
 *
 * Floors (from the issue): lag within 1 h of the truth for >= 90% of clear waves; the true lag
 * inside [lagHoursLow, lagHoursHigh] for >= 90%; the leader right for every clear wave found;
 * spillover classes agree for >= 90% of the wave tags with CLEAR_POSTS posts on their main
 * platform; per-category median lags within 1 h of the truth's; at most 2% of the everyday
 * (evergreen) tag series listed as trends.
 */
import { loadConfig } from '../../src/config';
import { allTrends, lagsByCategory, type Trend } from '../../src/analytics/trends';
import { quantile } from '../../src/analytics/spikes';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { generateWorld, type TruthWave } from '../../src/simulators/world';
import { EVERGREEN_TAGS } from '../../src/simulators/vocabulary';
import { clearGraph, freshGraph } from '../support/graph';
import { loadWorldIntoGraph } from '../../src/seeding/world-graph';

const SEEDS = [3, 17, 29];
const CREATORS = 800;
const DAYS = 34;
const CLEAR_POSTS = 15;
const cfg = loadConfig({}).trends;

interface SeedResult {
  seed: number;
  clear: { wave: TruthWave; trend: Trend | undefined }[];
  spill: { wave: TruthWave; trend: Trend | undefined }[];
  medians: { category: string; truth: number; ours: number | null; samples: number }[];
  /** Everyday (evergreen) tags the answer listed as trends: busy is not spiking. */
  evergreenListed: string[];
}

const EVERGREEN = new Set(Object.values(EVERGREEN_TAGS).flat().concat(['fyp', 'foryou', 'foryoupage', 'viral']));

describe('hashtag trends against truth.hashtagWaves', () => {
  let graph: GraphClient;
  const results: SeedResult[] = [];
  beforeAll(async () => {
    graph = await freshGraph();
    for (const seed of SEEDS) {
      await clearGraph(graph);
      const world = generateWorld({ seed, creators: CREATORS, days: DAYS });
      await loadWorldIntoGraph(graph, world);
      const since = new Date(world.start + 4 * 86_400_000);
      const until = new Date(world.now);
      const trends = await allTrends(graph, { since, until }, cfg);
      const byTag = new Map(trends.map((t) => [t.tag, t]));
      const inWindow = world.truth.hashtagWaves.filter((w) => {
        const start = Math.min(...[w.xStartAt, w.tiktokStartAt].filter((s): s is string => s !== null).map(Date.parse));
        return start >= since.getTime() + 6 * 3_600_000;
      });
      const clear = inWindow
        .filter((w) => w.lagHours !== null && w.xPosts >= CLEAR_POSTS && w.tiktokPosts >= CLEAR_POSTS)
        .map((wave) => ({ wave, trend: byTag.get(wave.tag) }));
      const spill = inWindow
        .filter((w) => Math.max(w.xPosts, w.tiktokPosts) >= CLEAR_POSTS)
        .map((wave) => ({ wave, trend: byTag.get(wave.tag) }));
      // Per category: the truth's median lag over the clear waves, and categoryLags restricted
      // to the same tags (the answer also holds news stories and brand launches, which the truth
      // records elsewhere).
      const clearTags = new Set(clear.map((c) => c.wave.tag));
      const ours = new Map(lagsByCategory(trends.filter((t) => clearTags.has(t.tag))).map((r) => [r.category, r]));
      const truthByCat = new Map<string, number[]>();
      for (const c of clear) truthByCat.set(c.wave.category, [...(truthByCat.get(c.wave.category) ?? []), c.wave.lagHours!]);
      const medians = [...truthByCat.entries()].map(([category, l]) => ({
        category,
        truth: quantile(l.sort((a, b) => a - b), 0.5),
        ours: ours.get(category)?.medianLagHours ?? null,
        samples: l.length,
      }));
      results.push({ seed, clear, spill, medians, evergreenListed: trends.filter((t) => EVERGREEN.has(t.tag)).map((t) => t.tag) });
    }
  }, 900_000);
  afterAll(async () => {
    await graph.close();
  });

  it('recovers lags, intervals, leaders, spillover and category medians', () => {
    const clear = results.flatMap((r) => r.clear);
    const spill = results.flatMap((r) => r.spill);
    const found = clear.filter((c) => c.trend?.lagHours != null);
    const within1h = clear.filter((c) => c.trend?.lagHours != null && Math.abs(c.trend.lagHours - c.wave.lagHours!) <= 1);
    const covered = clear.filter(
      (c) => c.trend?.lagHoursLow != null && c.trend.lagHoursLow <= c.wave.lagHours! && c.wave.lagHours! <= c.trend.lagHoursHigh!,
    );
    const leaderRight = found.filter((c) => c.trend!.leader === (c.wave.lagHours! > 0 ? 'X' : 'TIKTOK'));
    const spillRight = spill.filter((s) => s.trend?.spillover === s.wave.spillover);
    const medians = results.flatMap((r) => r.medians.map((m) => ({ seed: r.seed, ...m })));
    const medianRight = medians.filter((m) => m.ours !== null && Math.abs(m.ours - m.truth) <= 1);
    const widths = found.map((c) => c.trend!.lagHoursHigh! - c.trend!.lagHoursLow!).sort((a, b) => a - b);
    const pct = (a: unknown[], b: unknown[]) => `${a.length}/${b.length} (${((100 * a.length) / Math.max(1, b.length)).toFixed(1)}%)`;
    console.log(
      [
        `seeds ${SEEDS.join(', ')}, ${CREATORS} creators, ${DAYS} days; clear waves (>= ${CLEAR_POSTS} posts on both): ${clear.length}`,
        `  found with a lag:          ${pct(found, clear)}`,
        `  lag within 1 h of truth:   ${pct(within1h, clear)}`,
        `  truth inside [low, high]:  ${pct(covered, clear)}`,
        `  leader right (found):      ${pct(leaderRight, found)}`,
        `  interval width h: median ${quantile(widths, 0.5).toFixed(2)}, p90 ${quantile(widths, 0.9).toFixed(2)}, max ${widths[widths.length - 1]?.toFixed(2)}`,
        `  spillover agrees:          ${pct(spillRight, spill)} of wave tags with >= ${CLEAR_POSTS} posts on their main platform`,
        `  category medians within 1 h: ${pct(medianRight, medians)}`,
        `  everyday tags listed as trends: ${results.flatMap((r) => r.evergreenListed).length} of ${EVERGREEN.size * 2 * SEEDS.length} series (${results.flatMap((r) => r.evergreenListed).join(', ') || 'none'})`,
        ...medians.map((m) => `    seed ${m.seed} ${m.category.padEnd(8)} truth ${m.truth.toFixed(2)} ours ${m.ours?.toFixed(2) ?? '-'} (n=${m.samples})`),
        ...clear
          .filter((c) => !within1h.includes(c) || !covered.includes(c))
          .map((c) => `    miss ${c.wave.tag} truth ${c.wave.lagHours} (x ${c.wave.xStartAt} tt ${c.wave.tiktokStartAt}) ours ${c.trend?.lagHours} [${c.trend?.lagHoursLow}, ${c.trend?.lagHoursHigh}] x ${c.trend?.xSpikeAt?.toISOString()} tt ${c.trend?.tiktokSpikeAt?.toISOString()}`),
        ...spill
          .filter((s) => !spillRight.includes(s))
          .map((s) => `    spill ${s.wave.tag} truth ${s.wave.spillover} (${s.wave.xPosts}/${s.wave.tiktokPosts}) ours ${s.trend?.spillover} (${s.trend?.xVolume}/${s.trend?.tiktokVolume})`),
      ].join('\n'),
    );
    // Enough clear waves for the 90% floors to mean something (one miss allowed at 15). The count
    // moves with the world generator's draws (18 over these seeds since the identity layer's rebuild).
    expect(clear.length).toBeGreaterThanOrEqual(15);
    expect(within1h.length / clear.length).toBeGreaterThanOrEqual(0.9);
    expect(covered.length / clear.length).toBeGreaterThanOrEqual(0.9);
    expect(leaderRight.length).toBe(found.length);
    expect(spillRight.length / spill.length).toBeGreaterThanOrEqual(0.9);
    expect(medianRight.length).toBe(medians.length);
    // Everyday tags ride along on wave posts (a wave's posters add their vertical's tags), so one
    // can genuinely surge now and then; a baseline that let busy tags "spike" would list most of them.
    expect(results.flatMap((r) => r.evergreenListed).length).toBeLessThanOrEqual(0.02 * EVERGREEN.size * 2 * SEEDS.length);
  });
});
