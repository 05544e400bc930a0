/**
 * Graph explorer benchmark: page weight and first render in a real browser.
 *
 * 1. The JavaScript each page loads (playground with Monaco's workers, review desk, explorer with
 *    its entry script and the chunks it modulepreloads), raw and gzip-compressed (level 9), from the
 *    build in src/web/dist (`npm run build:web`); for the explorer also the entry script alone.
 * 2. First render of a 300-node neighbourhood in headless Chromium (Debian's /usr/bin/chromium
 *    through playwright-core): a simulated world is written into the bench's Neo4j through the write
 *    path and matched; an API server (startApi, same wiring as `npm start` minus ingestion) serves
 *    /explore; the page is opened at `/explore?node=<id>&depth=2&limit=300` for the node whose
 *    neighbourhood is exactly 300 nodes with the most edges among the candidates. Read from the
 *    page's own performance entries (navigation start = 0):
 *    - drawn: `cg-graph-drawn`, the frame after the first layout with every node and edge on
 *      screen (the radial first picture for a graph this size, see src/web/explore/GraphView.tsx);
 *      the headline figure;
 *    - settled: `cg-graph-settled`, the frame after fCoSE's final layout (and its 350 ms glide);
 *    - query: `cg-first-load`, the neighbourhood request the entry script starts (start and duration);
 *    - code: `cg-page-loaded`, when the page's React/Cytoscape chunk had loaded and run.
 *    Runs:
 *    - cold: each run in a fresh browser profile (empty HTTP cache, no compiled code), against a
 *      new API server instance (new port, new Apollo caches), after `db.clearQueryCaches()` in Neo4j
 *      (no cached plans), then the start-up warm-up `npm start` runs (planGraphViews: the graph
 *      views' statements planned; disclosed, timed, not counted), before the page is opened. One
 *      more cold run without the warm-up is reported apart. What stays warm: the bench process's V8
 *      JIT and Neo4j's page cache and JVM, since both loaded the world just before.
 *    - warm: one profile and one server, the page reloaded; BENCH_EXPLORER_WARMUP (2) reloads first,
 *      not counted.
 * 3. The neighbourhood query alone, server side, side by side: the analytics function straight on
 *    the driver (the floor) against the same query through GraphQL over HTTP (ours), p50 of
 *    BENCH_EXPLORER_QUERY (20) each after 3 unmeasured runs.
 *
 * Run alone: `npm run build && node dist/bench/run.js explorer`. BENCH_EXPLORER_CREATORS (200),
 * BENCH_EXPLORER_COLD (7), BENCH_EXPLORER_WARM (10), BENCH_EXPLORER_WARMUP (2), BENCH_EXPLORER_QUERY (20).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { neighborhood, planGraphViews } from '../src/analytics/graph-view';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { startApi } from '../src/api/server';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import { createDriver } from '../src/neo4j/driver';
import { GraphClient } from '../src/neo4j/graph-client';
import { startLocalNeo4j } from '../src/neo4j/local-server';
import { migrate } from '../src/neo4j/migrate';
import { wipeGraph } from '../src/neo4j/wipe';
import { projectRoot } from '../src/paths';
import { loadWorldIntoGraph } from '../src/seeding/world-graph';
import { generateWorld } from '../src/simulators/world';
import { NEIGHBORHOOD_QUERY } from '../src/web/explore/documents';
import { describeSummary, saveTrace, summariseTrace, traceLoad, type TraceSummary } from './explorer-profile';

const TARGET_MS = 1000;
const NODES = 300;
const CHROMIUM = process.env.CG_CHROMIUM_PATH || '/usr/bin/chromium';
const KEY = 'bench-admin-key-0123456789abcdef';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-extensions'];

export interface PageWeight {
  page: string;
  files: number;
  rawBytes: number;
  gzipBytes: number;
  /** The page's entry script alone (the explorer's loads its page as a modulepreloaded chunk). */
  entryRawBytes: number;
  entryGzipBytes: number;
}

export interface RenderRun {
  /** Navigation start to the first picture with every node and edge painted (cg-graph-drawn). */
  ms: number;
  /** Navigation start to fCoSE's final layout painted (cg-graph-settled). */
  settledMs: number;
  /** When the neighbourhood request left (ms after navigation start), and how long it took. */
  queryStartMs: number;
  queryMs: number;
  /** When the React/Cytoscape chunk had loaded and run (cg-page-loaded). */
  codeMs: number;
  /** From the elements handed to Cytoscape to the first picture painted. */
  layoutMs: number;
  nodes: number;
  edges: number;
}

interface Summary {
  p50: number;
  max: number;
}

export interface ExplorerBenchFigures {
  weights: PageWeight[];
  /** A traced cold run (BENCH_EXPLORER_PROFILE=1), not counted: see bench/explorer-profile.ts. */
  profile: TraceSummary | null;
  world: { creators: number; accounts: number; posts: number };
  start: { id: string; kind: string; nodes: number; edges: number; kinds: Record<string, number> };
  cold: {
    runs: RenderRun[];
    p50: number;
    max: number;
    firstRunMs: number;
    /** One cold run on a server that skipped the start-up warm-up (its first neighbourhood plans the statement). */
    withoutWarmUp: RenderRun;
    /** The start-up warm-up (planGraphViews) before each counted cold run: not counted in them. */
    warmUpMs: Summary;
    settled: Summary;
    query: Summary;
    code: Summary;
  };
  warm: { warmup: number; runs: RenderRun[]; p50: number; max: number; settled: Summary };
  query: { runs: number; driverP50Ms: number; graphqlP50Ms: number; ratio: number };
  target: { ms: number; coldMet: boolean; warmMet: boolean; coldSettledMet: boolean };
  machine: { cpus: number; loadavgBefore: number; loadavgAfter: number; chromium: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** The JS a page loads: its index.html's scripts and modulepreloads, plus (playground) the Monaco workers its bundle starts. */
export function pageWeights(distDir = join(projectRoot(), 'src', 'web', 'dist')): PageWeight[] {
  const sizes = (f: string) => {
    const b = readFileSync(f);
    return { raw: b.length, gz: gzipSync(b, { level: 9 }).length };
  };
  return ['playground', 'review', 'explore'].map((page) => {
    const html = readFileSync(join(distDir, page, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => join(distDir, m[1]));
    const preloads = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map((m) => join(distDir, m[1]));
    const workers = page === 'playground' ? [...readFileSync(scripts[0], 'utf8').matchAll(/\/playground\/([\w.]+\.worker-[A-Z2-7]{8}\.js)/g)].map((m) => join(distDir, 'playground', m[1])) : [];
    const files = [...new Set([...scripts, ...preloads, ...workers])].filter(existsSync);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const z = sizes(f);
      raw += z.raw;
      gz += z.gz;
    }
    const entry = sizes(scripts[0]);
    return { page, files: files.length, rawBytes: raw, gzipBytes: gz, entryRawBytes: entry.raw, entryGzipBytes: entry.gz };
  });
}

/** The node whose depth-2 neighbourhood at limit 300 is full, with the most edges (the hardest to lay out). */
export async function pickStart(graph: GraphClient): Promise<ExplorerBenchFigures['start']> {
  const creators = await graph.runText(
    'MATCH (c:Creator)-[:HAS_ACCOUNT]->(:Account)-[:POSTED]->(p:Post) WITH c, count(p) AS n RETURN c.id AS id ORDER BY n DESC, id LIMIT 15',
  );
  const tags = await graph.runText('MATCH (h:Hashtag)<-[:TAGGED]-(p:Post) WITH h, count(p) AS n WHERE n < 250 RETURN "hashtag:" + h.tag AS id ORDER BY n DESC, id LIMIT 15');
  let best: ExplorerBenchFigures['start'] | null = null;
  for (const { id } of [...creators, ...tags] as { id: string }[]) {
    const g = await neighborhood(graph, id, { depth: 2, limit: NODES });
    if (!g || g.nodes.length !== NODES) continue;
    if (!best || g.edges.length > best.edges) {
      const kinds: Record<string, number> = {};
      for (const n of g.nodes) kinds[n.kind] = (kinds[n.kind] ?? 0) + 1;
      best = { id, kind: g.nodes[0].kind, nodes: g.nodes.length, edges: g.edges.length, kinds };
    }
  }
  if (!best) throw new Error(`no node with a full ${NODES}-node neighbourhood in the bench world`);
  return best;
}

export async function newProfile(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-chromium-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, headless: true, args: LAUNCH_ARGS, viewport: { width: 1400, height: 900 } });
  await context.addInitScript((key) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('creator-graph.api-key', key), KEY);
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One navigation, measured by the page itself. */
async function measureOnce(context: BrowserContext, url: string): Promise<RenderRun> {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'commit' });
  await page.locator('[data-testid="graph"][data-state="ready"]').waitFor({ timeout: 60_000 });
  const r = await page.evaluate(() => {
    // Browser types (PerformanceMark, PerformanceMeasure) spelled out: this file compiles without DOM types.
    type Entry = { startTime: number; duration: number; detail?: unknown };
    const first = (name: string) => performance.getEntriesByName(name)[0] as unknown as Entry | undefined;
    const drawn = first('cg-graph-drawn');
    const detail = (drawn?.detail ?? {}) as { nodes?: number; edges?: number; ms?: number };
    const query = first('cg-first-load');
    return {
      ms: drawn?.startTime ?? NaN,
      settledMs: first('cg-graph-settled')?.startTime ?? NaN,
      queryStartMs: query?.startTime ?? NaN,
      queryMs: query?.duration ?? NaN,
      codeMs: first('cg-page-loaded')?.startTime ?? NaN,
      layoutMs: detail.ms ?? NaN,
      nodes: detail.nodes ?? 0,
      edges: detail.edges ?? 0,
    };
  });
  return {
    ms: round(r.ms),
    settledMs: round(r.settledMs),
    queryStartMs: round(r.queryStartMs),
    queryMs: round(r.queryMs),
    codeMs: round(r.codeMs),
    layoutMs: round(r.layoutMs),
    nodes: r.nodes,
    edges: r.edges,
  };
}

const summary = (xs: number[]): Summary => ({ p50: median(xs), max: Math.max(...xs) });
const describeRun = (r: RenderRun) =>
  `drawn ${r.ms} ms, settled ${r.settledMs} ms (query ${r.queryStartMs} + ${r.queryMs} ms, code loaded at ${r.codeMs} ms, first picture ${r.layoutMs} ms after the data; ${r.nodes} nodes, ${r.edges} edges)`;

/** p50 of `runs` timed calls after 3 unmeasured ones. */
async function timeP50(runs: number, call: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 3; i++) await call();
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await call();
    ms.push(performance.now() - t);
  }
  return round(median(ms));
}

/** A new API server, its page URL for `startId`, and cold runs against it (see the header). */
async function coldRunner(graph: GraphClient, startId: string) {
  const config = loadConfig({ LOG_LEVEL: 'silent', API_KEYS: `admin:${KEY}`, RATE_LIMIT_PER_MINUTE: '1000000', PORT: '0', HOST: '127.0.0.1' });
  const schema = await buildApiSchema(createPubSubHandle().pubSub);
  const serve = () => startApi(schema, { config, graph, bus: nullBus, logger: silentLogger }, { port: 0, host: '127.0.0.1' });
  const pageUrl = (apiUrl: string) => `${new URL(apiUrl).origin}/explore?node=${encodeURIComponent(startId)}&depth=2&limit=${NODES}`;
  /** No cached plans in Neo4j, a new server (warmed up as `npm start` does, or not), a new browser profile. */
  const cold = async <T>(warmUp: boolean, open: (context: BrowserContext, url: string) => Promise<T>): Promise<{ result: T; warmUpMs: number | null }> => {
    await graph.runText('CALL db.clearQueryCaches()');
    const api = await serve();
    const warmUpMs = warmUp ? await planGraphViews(graph) : null;
    const p = await newProfile();
    try {
      return { result: await open(p.context, pageUrl(api.url)), warmUpMs };
    } finally {
      await p.close();
      await api.close();
    }
  };
  return {
    serve,
    pageUrl,
    coldRun: async (warmUp: boolean): Promise<RenderRun & { warmUpMs: number | null }> => {
      const { result, warmUpMs } = await cold(warmUp, measureOnce);
      return { ...result, warmUpMs };
    },
    /** A warmed-up cold run traced through CDP (slower than an untraced one: never counted). */
    tracedColdRun: async (): Promise<TraceSummary> => {
      const { result } = await cold(true, async (context, url) => {
        const events = await traceLoad(context, url);
        const dir = join(projectRoot(), 'test-output', 'profile');
        saveTrace(events, dir, 'explorer-cold.json');
        return summariseTrace(events, join(projectRoot(), 'src', 'web', 'dist'));
      });
      return result;
    },
  };
}

export async function run(ctx: { graph: GraphClient; log: (l: string) => void }): Promise<ExplorerBenchFigures> {
  const { graph, log } = ctx;
  const loadBefore = loadavg()[0];
  const weights = pageWeights();
  const kib = (b: number) => `${(b / 1024).toFixed(0)} KiB`;
  for (const w of weights) {
    log(`${w.page.padEnd(11)} JS ${w.files} file(s): ${kib(w.rawBytes)} raw, ${kib(w.gzipBytes)} gzip; entry script ${kib(w.entryRawBytes)} raw, ${kib(w.entryGzipBytes)} gzip`);
  }

  const creators = Number(process.env.BENCH_EXPLORER_CREATORS ?? 200);
  const coldRuns = Number(process.env.BENCH_EXPLORER_COLD ?? 7);
  const warmRuns = Number(process.env.BENCH_EXPLORER_WARM ?? 10);
  const warmup = Number(process.env.BENCH_EXPLORER_WARMUP ?? 2);
  const queryRuns = Number(process.env.BENCH_EXPLORER_QUERY ?? 20);
  await wipeGraph(graph);
  const world = generateWorld({ creators, seed: 42 });
  const t0 = performance.now();
  const loaded = await loadWorldIntoGraph(graph, world);
  await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
  log(`world: ${creators} creators, ${loaded.accounts} accounts, ${loaded.posts} posts written and matched in ${Math.round((performance.now() - t0) / 1000)} s`);
  const start = await pickStart(graph);
  log(`start node ${start.id} (${start.kind}): ${start.nodes} nodes, ${start.edges} edges, ${JSON.stringify(start.kinds)}`);

  const { serve, pageUrl, coldRun, tracedColdRun } = await coldRunner(graph, start.id);
  try {
    const unwarmed = await coldRun(false);
    log(`cold without the start-up warm-up: ${describeRun(unwarmed)}`);
    const cold: RenderRun[] = [];
    const warmUps: number[] = [];
    for (let i = 0; i < coldRuns; i++) {
      const { warmUpMs, ...r } = await coldRun(true);
      cold.push(r);
      warmUps.push(warmUpMs ?? NaN);
      log(`cold ${i + 1}: ${describeRun(r)}; warm-up before it (not counted) ${warmUpMs} ms`);
    }
    // One more cold run, traced (BENCH_EXPLORER_PROFILE=1): where its time went, never counted.
    const profile = process.env.BENCH_EXPLORER_PROFILE === '1' ? await tracedColdRun() : null;
    if (profile) for (const l of describeSummary(profile)) log(`profile: ${l}`);
    const api = await serve();
    const warm: RenderRun[] = [];
    let query: ExplorerBenchFigures['query'];
    try {
      const p = await newProfile();
      try {
        for (let i = 0; i < warmup; i++) await measureOnce(p.context, pageUrl(api.url));
        for (let i = 0; i < warmRuns; i++) warm.push(await measureOnce(p.context, pageUrl(api.url)));
      } finally {
        await p.close();
      }
      log(`warm (${warmup} warm-up reloads, then ${warmRuns}): drawn ${warm.map((r) => r.ms).join(', ')} ms; settled ${warm.map((r) => r.settledMs).join(', ')} ms`);

      const variables = { id: start.id, depth: 2, limit: NODES };
      const driverP50Ms = await timeP50(queryRuns, () => neighborhood(graph, start.id, { depth: 2, limit: NODES }));
      const graphqlP50Ms = await timeP50(queryRuns, async () => {
        const res = await fetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
          body: JSON.stringify({ query: NEIGHBORHOOD_QUERY, variables }),
        });
        const body = (await res.json()) as { data?: { neighborhood?: { nodes: unknown[] } }; errors?: unknown };
        if (body.data?.neighborhood?.nodes.length !== NODES) throw new Error(`neighborhood over GraphQL: ${JSON.stringify(body.errors ?? body).slice(0, 300)}`);
      });
      query = { runs: queryRuns, driverP50Ms, graphqlP50Ms, ratio: round(graphqlP50Ms / driverP50Ms) };
      log(`neighbourhood query (depth 2, limit ${NODES}), p50 of ${queryRuns}: driver ${driverP50Ms} ms, GraphQL over HTTP ${graphqlP50Ms} ms (x${query.ratio})`);
    } finally {
      await api.close();
    }

    const coldP50 = median(cold.map((r) => r.ms));
    const warmP50 = median(warm.map((r) => r.ms));
    const out: ExplorerBenchFigures = {
      weights,
      profile,
      world: { creators, accounts: loaded.accounts, posts: loaded.posts },
      start,
      cold: {
        runs: cold,
        p50: coldP50,
        max: Math.max(...cold.map((r) => r.ms)),
        firstRunMs: cold[0]?.ms ?? NaN,
        withoutWarmUp: unwarmed,
        warmUpMs: summary(warmUps),
        settled: summary(cold.map((r) => r.settledMs)),
        query: summary(cold.map((r) => r.queryMs)),
        code: summary(cold.map((r) => r.codeMs)),
      },
      warm: { warmup, runs: warm, p50: warmP50, max: Math.max(...warm.map((r) => r.ms)), settled: summary(warm.map((r) => r.settledMs)) },
      query,
      target: { ms: TARGET_MS, coldMet: coldP50 < TARGET_MS, warmMet: warmP50 < TARGET_MS, coldSettledMet: summary(cold.map((r) => r.settledMs)).p50 < TARGET_MS },
      machine: { cpus: cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadavg()[0], chromium: CHROMIUM },
    };
    log(
      `first render of ${NODES} nodes: cold p50 ${coldP50} ms (max ${out.cold.max}; without the warm-up ${unwarmed.ms}), settled p50 ${out.cold.settled.p50} ms; ` +
        `warm p50 ${warmP50} ms (max ${out.warm.max}), settled p50 ${out.warm.settled.p50} ms; target < ${TARGET_MS} ms: ` +
        `cold ${out.target.coldMet ? 'met' : 'MISSED'} (settled ${out.target.coldSettledMet ? 'met' : 'MISSED'}), warm ${out.target.warmMet ? 'met' : 'MISSED'} ` +
        `(load average ${loadBefore.toFixed(2)} -> ${out.machine.loadavgAfter.toFixed(2)})`,
    );
    return out;
  } finally {
    await wipeGraph(graph);
  }
}

/**
 * `node dist/bench/explorer.js profile [runs]`: traced cold runs only, for iterating on the first
 * render. PROFILE_NEO4J_DIR keeps the store (and its world) between calls; the world is loaded and
 * matched only when the store has none.
 */
async function profileMain(runs: number): Promise<void> {
  const dir = process.env.PROFILE_NEO4J_DIR || mkdtempSync(join(tmpdir(), 'cg-profile-'));
  const neo = await startLocalNeo4j({ dir, port: 7795, heap: '2g', pageCacheMb: 1024 });
  const graph = new GraphClient(createDriver({ uri: neo.uri }));
  try {
    await migrate(graph);
    const [{ n }] = (await graph.runText('MATCH (c:Creator) RETURN count(c) AS n')) as { n: number }[];
    if (Number(n) === 0) {
      await loadWorldIntoGraph(graph, generateWorld({ creators: Number(process.env.BENCH_EXPLORER_CREATORS ?? 200), seed: 42 }));
      await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
    }
    const start = await pickStart(graph);
    console.log(`start node ${start.id}: ${start.nodes} nodes, ${start.edges} edges`);
    const { tracedColdRun } = await coldRunner(graph, start.id);
    for (let i = 0; i < runs; i++) {
      console.log(`\n--- traced cold run ${i + 1} (load ${loadavg()[0].toFixed(2)})`);
      for (const l of describeSummary(await tracedColdRun())) console.log(l);
    }
  } finally {
    await graph.close();
    await neo.stop();
    if (!process.env.PROFILE_NEO4J_DIR) rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module && process.argv[2] === 'profile') {
  profileMain(Number(process.argv[3] ?? 1)).catch((err) => {
    console.error(err);
    process.exitCode = 1;
  });
}
