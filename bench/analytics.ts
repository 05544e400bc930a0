/**
 * Analytics benchmark on the 2,000-creator world (built by bench/ingest.ts's startBenchWorld and
 * ingested through the lanes as that benchmark does, then one full matching run, whose match
 * events have the cross-post detector revisit every joined pair, as in the app): p50 and p99
 * latency of
 *
 * - `amplificationChains(first: 20)` (cross-platform, depth 2..6, with posts, links, creators),
 * - `attribution(hashtag:)` for a breaking-news hashtag,
 * - `Creator.similar(first: 10)` for a creator with both accounts,
 *
 * each executed through the GraphQL schema in process (resolvers, loaders, GraphClient; no HTTP),
 * side by side in the same run with the floor: the very statements that request sent (captured
 * with their parameters from GraphClient's observer), replayed one after another through a bare
 * neo4j-driver session. Ratio = ours / floor. Warm-up, disclosed: WARMUP runs of each (ours and
 * floor) before timing, so the server has planned and cached the statements; then ours and the
 * floor alternate, RUNS each, so load from other processes falls on both alike. The config is
 * loaded once (as the server does); parsing and the context (loaders) are per request. GC pauses
 * inside each side's timed runs are reported beside the times (p99 over 60 runs is the slowest run).
 *
 * Run alone: `npm run build && node dist/bench/run.js analytics`; BENCH_ANALYTICS_CREATORS sets the
 * world size (default 2000), BENCH_ANALYTICS_RUNS the timed runs (default 60).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { PerformanceObserver } from 'node:perf_hooks';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, parse, type GraphQLSchema } from 'graphql';
import { rejoiningBus, watchAmplifications } from '../src/analytics/amplification-watch';
import { buildContext } from '../src/api/context';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import type { GraphClient, Params } from '../src/neo4j/graph-client';
import { cypher } from '../src/neo4j/queries';
import { wipeGraph } from '../src/neo4j/wipe';
import { ingestBenchWorld, startBenchWorld } from './ingest';

export const WARMUP = 10;
const TARGET_RATIO = 1.5;
const TARGET_CHAINS_P50_MS = 100;

export interface CaseFigures {
  name: string;
  statements: number;
  ours: { p50: number; p99: number };
  floor: { p50: number; p99: number };
  ratioP50: number;
  ratioP99: number;
  /**
   * Garbage-collection pauses (ms) that started inside the timed runs of each side, summed, and
   * inside ours' slowest run: what a p99 made of one slow run is made of.
   */
  gcMs: { ours: number; floor: number; oursSlowestRun: number };
}

export interface AnalyticsBenchFigures {
  creators: number;
  posts: number;
  amplifications: number;
  crossposts: number;
  ingestMs: number;
  /** The lanes' part of ingestMs (posts written, cross-posts detected and announced per write batch). */
  lanesMs: number;
  warmup: number;
  runs: number;
  cases: CaseFigures[];
  targets: { ratio: number; chainsP50Ms: number; ratioMet: boolean; chainsP50Met: boolean };
  machine: { cpus: number; loadavg1: number };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))] * 10) / 10;
}

export interface Case {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

// Loaded once, as the server does at start; building the context stays per request.
let benchConfig: ReturnType<typeof loadConfig> | undefined;

async function runOurs(schema: GraphQLSchema, graph: GraphClient, c: Case): Promise<void> {
  const config = (benchConfig ??= loadConfig({ LOG_LEVEL: 'silent' }));
  const res = await execute({
    schema,
    document: parse(c.query),
    variableValues: c.variables,
    contextValue: buildContext({ config, graph, bus: nullBus, logger: silentLogger }, { name: 'bench', role: 'viewer', via: 'key' }),
  });
  if (res.errors?.length) throw new Error(`${c.name}: ${res.errors[0].message}`);
}

/** The statements (name, parameters) one execution of the case sends. */
async function statementsOf(schema: GraphQLSchema, graph: GraphClient, c: Case): Promise<{ name: string; params: Params }[]> {
  const seen: { name: string; params: Params }[] = [];
  const stop = graph.observe((e) => seen.push({ name: e.name, params: e.params }));
  try {
    await runOurs(schema, graph, c);
  } finally {
    stop();
  }
  return seen;
}

async function runFloor(graph: GraphClient, statements: { text: string; params: Params }[]): Promise<void> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'READ' });
  try {
    for (const s of statements) await session.executeRead((tx) => tx.run(s.text, s.params));
  } finally {
    await session.close();
  }
}

/** Ours against the floor for one case (also used by bench/graph-views.ts). */
export async function measure(schema: GraphQLSchema, graph: GraphClient, c: Case, runs: number): Promise<CaseFigures> {
  const statements = (await statementsOf(schema, graph, c)).map((s) => ({ text: cypher(s.name), params: s.params }));
  for (let i = 0; i < WARMUP; i++) {
    await runOurs(schema, graph, c);
    await runFloor(graph, statements);
  }
  const ours: number[] = [];
  const floor: number[] = [];
  const windows: { side: 'ours' | 'floor'; run: number; from: number; to: number }[] = [];
  const gc: { at: number; ms: number }[] = [];
  const observer = new PerformanceObserver((list) => gc.push(...list.getEntries().map((e) => ({ at: e.startTime, ms: e.duration }))));
  observer.observe({ entryTypes: ['gc'] });
  try {
    for (let i = 0; i < runs; i++) {
      let t0 = performance.now();
      await runOurs(schema, graph, c);
      let t1 = performance.now();
      ours.push(t1 - t0);
      windows.push({ side: 'ours', run: i, from: t0, to: t1 });
      t0 = performance.now();
      await runFloor(graph, statements);
      t1 = performance.now();
      floor.push(t1 - t0);
      windows.push({ side: 'floor', run: i, from: t0, to: t1 });
    }
    // GC entries are delivered asynchronously: let the last ones arrive.
    await new Promise((r) => setImmediate(r));
    gc.push(...observer.takeRecords().map((e) => ({ at: e.startTime, ms: e.duration })));
  } finally {
    observer.disconnect();
  }
  const gcIn = (w: (typeof windows)[number]) => gc.filter((g) => g.at >= w.from && g.at < w.to).reduce((a, g) => a + g.ms, 0);
  const gcOf = (side: 'ours' | 'floor') => Math.round(windows.filter((w) => w.side === side).reduce((a, w) => a + gcIn(w), 0) * 10) / 10;
  const slowest = ours.indexOf(Math.max(...ours));
  const o = { p50: percentile(ours, 50), p99: percentile(ours, 99) };
  const f = { p50: percentile(floor, 50), p99: percentile(floor, 99) };
  return {
    name: c.name,
    statements: statements.length,
    ours: o,
    floor: f,
    ratioP50: Math.round((o.p50 / f.p50) * 100) / 100,
    ratioP99: Math.round((o.p99 / f.p99) * 100) / 100,
    gcMs: { ours: gcOf('ours'), floor: gcOf('floor'), oursSlowestRun: Math.round(gcIn(windows.find((w) => w.side === 'ours' && w.run === slowest)!) * 10) / 10 },
  };
}

export async function run(ctx: { graph: GraphClient; log: (line: string) => void }): Promise<AnalyticsBenchFigures> {
  const { graph, log } = ctx;
  const creators = Number(process.env.BENCH_ANALYTICS_CREATORS ?? 2000);
  const runs = Number(process.env.BENCH_ANALYTICS_RUNS ?? 60);
  const staging = mkdtempSync(join(tmpdir(), 'cg-bench-analytics-'));
  const matching = loadConfig({ LOG_LEVEL: 'silent' }).matching;
  const watch = watchAmplifications(graph, () => undefined, silentLogger);
  const bus = rejoiningBus(nullBus, watch);
  let figures: AnalyticsBenchFigures;
  try {
    // Posts first, then one matching run: the same graph as matching incrementally while the
    // lanes write, much sooner (the benchmark measures the queries, not how the world got there).
    const rt = await startBenchWorld(graph, { creators, staging, onPostsWritten: (ids) => watch.postsWritten(ids) });
    const t0 = performance.now();
    let world;
    try {
      world = rt.demo!.world;
      await ingestBenchWorld(rt, 30);
    } finally {
      await rt.close();
    }
    const lanesMs = performance.now() - t0;
    await runMatching(graph, bus, { matching });
    await watch.idle();
    const ingestMs = performance.now() - t0;
    const [counts] = await graph.runText(
      "MATCH (p:Post) WITH count(p) AS posts MATCH ()-[x:AMPLIFIED]->() RETURN posts, count(x) AS amps, count(CASE WHEN x.kind = 'CROSSPOST' THEN 1 END) AS crossposts",
    );
    log(`world: ${world.creators.length} creators ingested with matching and cross-posts in ${(ingestMs / 1000).toFixed(0)} s (lanes with the post-write hook ${(lanesMs / 1000).toFixed(0)} s): ${counts.posts} posts, ${counts.amps} AMPLIFIED edges (${counts.crossposts} CROSSPOST)`);

    const story = world.truth.newsStories.find((s) => s.otherPlatformAt) ?? world.truth.newsStories[0];
    const [creator] = await graph.runText(
      `MATCH (c:Creator)-[:HAS_ACCOUNT]->(:TikTokAccount) WHERE EXISTS { (c)-[:HAS_ACCOUNT]->(:XAccount) }
       RETURN c.id AS id ORDER BY c.reachHigh DESC, c.id LIMIT 1`,
    );
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    const cases: Case[] = [
      {
        name: 'amplificationChains(first: 20)',
        query: `{ amplificationChains(first: 20) { root { id } posts { id platform createdAt engagement } links { kind lagSeconds confidence }
                 platforms creators { id displayName } depth spanSeconds crossPlatform totalEngagement byPlatform { platform posts engagement } } }`,
        variables: {},
      },
      {
        name: `attribution(hashtag: "${story.tag}")`,
        query: `query($h: String) { attribution(hashtag: $h) { firstPlatform leadSeconds leadCertain firstPost { id }
                 firstSeen { platform at collectionLatencySeconds post { id } } } }`,
        variables: { h: story.tag },
      },
      {
        name: 'Creator.similar(first: 10)',
        query: `query($id: ID!) { creator(id: $id) { similar(first: 10) { creator { id displayName } score sharedHashtags sharedAmplifiers } } }`,
        variables: { id: creator.id },
      },
    ];
    const results: CaseFigures[] = [];
    for (const c of cases) results.push(await measure(schema, graph, c, runs));
    const chains = results[0];
    figures = {
      creators: world.creators.length,
      posts: Number(counts.posts),
      amplifications: Number(counts.amps),
      crossposts: Number(counts.crossposts),
      ingestMs: Math.round(ingestMs),
      lanesMs: Math.round(lanesMs),
      warmup: WARMUP,
      runs,
      cases: results,
      targets: {
        ratio: TARGET_RATIO,
        chainsP50Ms: TARGET_CHAINS_P50_MS,
        ratioMet: results.every((r) => r.ratioP50 <= TARGET_RATIO),
        chainsP50Met: chains.ours.p50 < TARGET_CHAINS_P50_MS,
      },
      machine: { cpus: cpus().length, loadavg1: Math.round(loadavg()[0] * 10) / 10 },
    };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await wipeGraph(graph);
  }
  const f = figures;
  log(`analytics: ${f.creators} creators; ${f.warmup} warm-up runs of each, then ${f.runs} timed runs, ours and floor alternating`);
  log(`  ${'request'.padEnd(46)} ${'stmts'.padStart(5)} ${'ours p50'.padStart(9)} ${'ours p99'.padStart(9)} ${'floor p50'.padStart(10)} ${'floor p99'.padStart(10)} ${'x p50'.padStart(6)} ${'x p99'.padStart(6)}  gc ms ours/floor (in ours' slowest run)`);
  for (const r of f.cases) {
    log(
      `  ${r.name.padEnd(46)} ${String(r.statements).padStart(5)} ${r.ours.p50.toFixed(1).padStart(9)} ${r.ours.p99.toFixed(1).padStart(9)} ${r.floor.p50.toFixed(1).padStart(10)} ${r.floor.p99.toFixed(1).padStart(10)} ${r.ratioP50.toFixed(2).padStart(6)} ${r.ratioP99.toFixed(2).padStart(6)}  gc ${r.gcMs.ours}/${r.gcMs.floor} (slowest ${r.gcMs.oursSlowestRun})`,
    );
  }
  log(`  targets: ratio <= ${f.targets.ratio} at p50 ${f.targets.ratioMet ? 'met' : 'MISSED'}; chains p50 < ${f.targets.chainsP50Ms} ms ${f.targets.chainsP50Met ? 'met' : 'MISSED'}`);
  log(`  machine: ${f.machine.cpus} CPUs, load ${f.machine.loadavg1} (times in ms)`);
  return f;
}
