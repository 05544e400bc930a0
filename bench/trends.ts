/**
 * Trends benchmark: p50/p99 of `hashtagTrends(first: 50)` over a 30-day window and of
 * `categoryLags`, executed through the GraphQL schema (resolver, analytics and Neo4j), side by
 * side with the raw driver running the same named Cypher statements (the floor: what Neo4j alone
 * costs), as ratios; and the cost of reading the window's hourly volumes three ways: the daily
 * rollup the API reads (trends/tag-days-in-range), the hourly rollup row by row (the design before,
 * bench/tag-hours-in-range) and computed from the posts on every read (bench/tag-hours-on-read).
 *
 * The world is built by the ingestion benchmark's own run (bench/ingest.ts: simulators, real
 * clients and lanes, 30 days of posts) at two sizes, so the table says how the cost grows with
 * the number of posts; its figures include the time the rollup writes took during ingestion.
 *
 * Warm-up, disclosed: WARMUP runs of each statement before timing (JIT and page cache), then RUNS
 * timed runs each (RUNS_ON_READ for the volumes grouped from the posts, seconds per run), alternating
 * ours and the raw driver's so load drift hits both alike.
 * `BENCH_TRENDS_SIZES` (default "1000,2000") sets the world sizes.
 */
import { cpus, loadavg } from 'node:os';
import { graphql } from 'graphql';
import { loadConfig } from '../src/config';
import { buildContext } from '../src/api/context';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { allTrends, dataStart, dayRange, detectSides, hourGrid, seriesFromDays, spikeDayKeys, trendWindow, type DayRow } from '../src/analytics/trends';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import type { GraphClient } from '../src/neo4j/graph-client';
import { cypher } from '../src/neo4j/queries';
import { wipeGraph } from '../src/neo4j/wipe';
import { run as ingestWorld } from './ingest';

const WARMUP = 3;
const RUNS = 25;
const RUNS_ON_READ = 7;
const TARGET_P50_MS = 200;

interface Timing {
  p50: number;
  p99: number;
}

interface SizeFigures {
  creators: number;
  posts: number;
  tagHourRows: number;
  tagDayRows: number;
  trendsListed: number;
  ingestRollupMs: number;
  ingestWriteMs: number;
  hashtagTrends: { ours: Timing; raw: Timing; ratioP50: number };
  categoryLags: { ours: Timing; raw: Timing; ratioP50: number };
  /** Reading the window's volumes: the daily rollup against the hourly rows and against the posts. */
  volumes: { rollup: Timing; hourly: Timing; hourlyRatioP50: number; onRead: Timing; ratioP50: number };
  loadavg1: number;
}

function pct(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

function timing(ms: number[]): Timing {
  const s = [...ms].sort((a, b) => a - b);
  return { p50: Math.round(pct(s, 0.5) * 10) / 10, p99: Math.round(pct(s, 0.99) * 10) / 10 };
}

/** Times a and b alternately, after WARMUP runs of each. */
async function sideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>, runs = RUNS): Promise<[Timing, Timing]> {
  for (let i = 0; i < WARMUP; i++) {
    await a();
    await b();
  }
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await a();
    ta.push(performance.now() - t);
    t = performance.now();
    await b();
    tb.push(performance.now() - t);
  }
  return [timing(ta), timing(tb)];
}

/** What building a world reports: posts written and the Neo4j write time (all, and the rollup's). */
export interface BuiltWorld {
  postsWritten: number;
  rollupMs: number;
  writeMs: number;
}

/** Builds the world through bench/ingest.ts (simulators, real clients and lanes). */
async function ingestedWorld(graph: GraphClient, creators: number): Promise<BuiltWorld> {
  const ingest = await ingestWorld({ graph, log: () => undefined }, { creators, keepGraph: true });
  return { postsWritten: ingest.postsWritten, rollupMs: ingest.rollupMs, writeMs: ingest.time.neo4jWrite.ms };
}

/**
 * `buildWorld` replaces the ingestion run (e.g. a test loading the world straight through the
 * write path, minutes faster, to measure on a shared machine without holding it).
 */
export async function run(
  ctx: { graph: GraphClient; log: (line: string) => void },
  opts: { buildWorld?: (graph: GraphClient, creators: number) => Promise<BuiltWorld> } = {},
): Promise<{ sizes: SizeFigures[]; machine: { cpus: number }; targetP50Ms: number }> {
  const { graph, log } = ctx;
  const buildWorld = opts.buildWorld ?? ingestedWorld;
  const sizes = (process.env.BENCH_TRENDS_SIZES ?? '1000,2000').split(',').map(Number);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const pubsub = createPubSubHandle();
  const schema = await buildApiSchema(pubsub.pubSub);
  const out: SizeFigures[] = [];
  try {
    for (const creators of sizes) {
      log(`building the ${creators}-creator world through bench/ingest.ts`);
      const ingest = await buildWorld(graph, creators);
      try {
        // The world's "now": the newest post's hour; the window is the 30 days before it.
        const [{ newest }] = await graph.runText('MATCH (p:Post) RETURN max(p.createdAt).epochMillis AS newest');
        const until = new Date(Number(newest) + 1);
        const w = trendWindow(config.trends, until, null, until);
        const g = hourGrid(w, config.trends);
        const context = () => buildContext({ config, graph, bus: nullBus, logger: silentLogger }, { name: 'bench', role: 'viewer', via: 'key' });
        const vars = { since: w.since.toISOString(), until: w.until.toISOString() };
        const trendsQuery = `query($since: DateTime, $until: DateTime) { hashtagTrends(since: $since, until: $until, first: 50) { tag category xVolume tiktokVolume spillover leader xSpikeAt tiktokSpikeAt lagHours lagHoursLow lagHoursHigh } }`;
        const lagsQuery = `query($since: DateTime, $until: DateTime) { categoryLags(since: $since, until: $until) { category medianLagHours p25LagHours p75LagHours samples } }`;
        const gqlRun = async (source: string) => {
          const res = await graphql({ schema, source, variableValues: vars, contextValue: context() });
          if (res.errors?.length) throw res.errors[0];
          return res.data;
        };
        const first = (await gqlRun(trendsQuery)) as { hashtagTrends: unknown[] };

        // The floor: the same named statements through a bare driver session, in the same order.
        const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'READ' });
        const days = dayRange(g);
        const hourRange = { from: g.from.toISOString(), to: g.to.toISOString() };
        let tagDayRows = 0;
        // The analytics asks categories for every tag that spiked (before filters and `first`).
        const tags = (await allTrends(graph, w, config.trends)).map((t) => t.tag);
        // ... and the first-post times of the days that hold the spikes.
        const dayRows = await graph.read<DayRow>('trends/tag-days-in-range', days);
        const keys = spikeDayKeys(detectSides(seriesFromDays(dayRows), w, config.trends, await dataStart(graph)), w, config.trends);
        const raw = async () => {
          await session.executeRead((tx) => tx.run(cypher('trends/data-start')));
          const series = await session.executeRead((tx) => tx.run(cypher('trends/tag-days-in-range'), days));
          tagDayRows = series.records.length;
          await session.executeRead((tx) => tx.run(cypher('trends/tag-day-firsts'), { keys }));
          await session.executeRead((tx) => tx.run(cypher('trends/tag-categories'), { tags, ...vars, from: vars.since, to: vars.until }));
        };
        let ht: [Timing, Timing];
        let cl: [Timing, Timing];
        let vol: [Timing, Timing];
        let hourly: [Timing, Timing];
        let tagHourRows = 0;
        try {
          ht = await sideBySide(() => gqlRun(trendsQuery), raw);
          cl = await sideBySide(() => gqlRun(lagsQuery), raw);
          const readDays = () => session.executeRead((tx) => tx.run(cypher('trends/tag-days-in-range'), days));
          // The same volumes three ways: the daily rollup (what the API reads), the hourly rollup
          // read hour by hour (the design before), and computed from the posts on every read.
          hourly = await sideBySide(readDays, async () => {
            const res = await session.executeRead((tx) => tx.run(cypher('bench/tag-hours-in-range'), hourRange));
            tagHourRows = res.records.reduce((n, r) => n + (r.get('hours') as unknown[]).length, 0);
          });
          // Grouping the posts takes seconds per run: fewer runs, so the machine is not held for it.
          vol = await sideBySide(readDays, () => session.executeRead((tx) => tx.run(cypher('bench/tag-hours-on-read'), hourRange)), RUNS_ON_READ);
        } finally {
          await session.close();
        }
        const f: SizeFigures = {
          creators,
          posts: ingest.postsWritten,
          tagHourRows,
          tagDayRows,
          trendsListed: first.hashtagTrends.length,
          ingestRollupMs: ingest.rollupMs,
          ingestWriteMs: ingest.writeMs,
          hashtagTrends: { ours: ht[0], raw: ht[1], ratioP50: Math.round((ht[0].p50 / ht[1].p50) * 100) / 100 },
          categoryLags: { ours: cl[0], raw: cl[1], ratioP50: Math.round((cl[0].p50 / cl[1].p50) * 100) / 100 },
          volumes: {
            rollup: vol[0],
            hourly: hourly[1],
            hourlyRatioP50: Math.round((hourly[1].p50 / hourly[0].p50) * 100) / 100,
            onRead: vol[1],
            ratioP50: Math.round((vol[1].p50 / vol[0].p50) * 100) / 100,
          },
          loadavg1: Math.round(loadavg()[0] * 10) / 10,
        };
        out.push(f);
        const row = (k: string, v: string) => log(`  ${k.padEnd(40)} ${v}`);
        log(`trends: ${creators} creators, ${f.posts} posts over 30 days, ${f.tagDayRows} rollup days (${f.tagHourRows} hours) in the window (load ${f.loadavg1})`);
        row('hashtagTrends(first: 50) p50 / p99', `${f.hashtagTrends.ours.p50} / ${f.hashtagTrends.ours.p99} ms (target p50 < ${TARGET_P50_MS} ms: ${f.hashtagTrends.ours.p50 < TARGET_P50_MS ? 'met' : 'MISSED'})`);
        row('  raw driver, same Cypher p50 / p99', `${f.hashtagTrends.raw.p50} / ${f.hashtagTrends.raw.p99} ms (ours x${f.hashtagTrends.ratioP50})`);
        row('categoryLags p50 / p99', `${f.categoryLags.ours.p50} / ${f.categoryLags.ours.p99} ms`);
        row('  raw driver, same Cypher p50 / p99', `${f.categoryLags.raw.p50} / ${f.categoryLags.raw.p99} ms (ours x${f.categoryLags.ratioP50})`);
        row('hourly volumes: daily rollup read p50 / p99', `${f.volumes.rollup.p50} / ${f.volumes.rollup.p99} ms`);
        row('  read as hourly rows p50 / p99', `${f.volumes.hourly.p50} / ${f.volumes.hourly.p99} ms (x${f.volumes.hourlyRatioP50} the daily rollup)`);
        row('  computed from posts p50 / p99', `${f.volumes.onRead.p50} / ${f.volumes.onRead.p99} ms (x${f.volumes.ratioP50} the rollup)`);
        row('rollup writes during ingestion', `${(f.ingestRollupMs / 1000).toFixed(1)} s of ${(f.ingestWriteMs / 1000).toFixed(1)} s Neo4j writes`);
      } finally {
        await wipeGraph(graph);
      }
    }
  } finally {
    await pubsub.close();
  }
  if (out.length === 2) {
    const [a, b] = out;
    log(`growth ${a.creators} -> ${b.creators} creators: posts x${(b.posts / a.posts).toFixed(2)}, hashtagTrends p50 x${(b.hashtagTrends.ours.p50 / a.hashtagTrends.ours.p50).toFixed(2)}, categoryLags p50 x${(b.categoryLags.ours.p50 / a.categoryLags.ours.p50).toFixed(2)}, rollup days x${(b.tagDayRows / a.tagDayRows).toFixed(2)}, volumes from posts p50 x${(b.volumes.onRead.p50 / a.volumes.onRead.p50).toFixed(2)}`);
  }
  return { sizes: out, machine: { cpus: cpus().length }, targetP50Ms: TARGET_P50_MS };
}
