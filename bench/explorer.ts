/**
 * Graph explorer benchmark: page weight and first render in a real browser.
 *
 * 1. The JavaScript each page loads (playground with Monaco's workers, review desk, explorer), raw
 *    and gzip-compressed (level 9), from the build in src/web/dist (`npm run build:web`).
 * 2. First render of a 300-node neighbourhood in headless Chromium (Debian's /usr/bin/chromium
 *    through playwright-core): a simulated world is written into the bench's Neo4j through the write
 *    path (writeAccounts, writePosts) and matched; the API server (startApi, same wiring as
 *    `npm start` minus ingestion) serves /explore; the page is opened at
 *    `/explore?node=<id>&depth=2&limit=300` for the node whose neighbourhood is exactly 300 nodes
 *    with the most edges among the candidates. The time is the page's own `cg-graph-drawn`
 *    performance mark: milliseconds from navigation start to the frame after the fCoSE layout, with
 *    every node and edge drawn. Split into: the neighbourhood query (resource timing of its POST),
 *    and layout + paint (the mark's detail).
 *    - cold: a fresh browser profile per run (empty HTTP cache, new JS compile), the server warm
 *      from earlier runs except for the very first one (disclosed as coldFirst);
 *    - warm: one profile, the page reloaded; BENCH_EXPLORER_WARMUP (2) reloads first, not counted.
 *
 * Run alone: `npm run build && node dist/bench/run.js explorer`. BENCH_EXPLORER_CREATORS (200),
 * BENCH_EXPLORER_COLD (5), BENCH_EXPLORER_WARM (10), BENCH_EXPLORER_WARMUP (2).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext } from 'playwright-core';
import { neighborhood } from '../src/analytics/graph-view';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { startApi } from '../src/api/server';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import type { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { projectRoot } from '../src/paths';
import { loadWorldIntoGraph } from '../src/seeding/world-graph';
import { generateWorld } from '../src/simulators/world';

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
}

export interface RenderRun {
  /** Navigation start to the graph drawn (the page's cg-graph-drawn mark). */
  ms: number;
  /** The longest GraphQL request of the page load: the neighbourhood query (resource timing). */
  queryMs: number;
  /** fCoSE layout and the painted frame after it. */
  layoutMs: number;
  nodes: number;
  edges: number;
}

export interface ExplorerBenchFigures {
  weights: PageWeight[];
  world: { creators: number; accounts: number; posts: number };
  start: { id: string; kind: string; nodes: number; edges: number; kinds: Record<string, number> };
  cold: { runs: RenderRun[]; p50: number; max: number; firstRunMs: number };
  warm: { warmup: number; runs: RenderRun[]; p50: number; max: number };
  target: { ms: number; coldMet: boolean; warmMet: boolean };
  machine: { cpus: number; loadavgBefore: number; loadavgAfter: number; chromium: string };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const round = (x: number) => Math.round(x * 10) / 10;

/** The JS a page loads: its index.html's scripts, plus (playground) the Monaco workers its bundle starts. */
export function pageWeights(distDir = join(projectRoot(), 'src', 'web', 'dist')): PageWeight[] {
  return ['playground', 'review', 'explore'].map((page) => {
    const html = readFileSync(join(distDir, page, 'index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => join(distDir, m[1]));
    const workers = page === 'playground' ? [...readFileSync(scripts[0], 'utf8').matchAll(/\/playground\/([\w.]+\.worker-[A-Z2-7]{8}\.js)/g)].map((m) => join(distDir, 'playground', m[1])) : [];
    const files = [...new Set([...scripts, ...workers])].filter(existsSync);
    let raw = 0;
    let gz = 0;
    for (const f of files) {
      const b = readFileSync(f);
      raw += b.length;
      gz += gzipSync(b, { level: 9 }).length;
    }
    return { page, files: files.length, rawBytes: raw, gzipBytes: gz };
  });
}

/** The node whose depth-2 neighbourhood at limit 300 is full, with the most edges (the hardest to lay out). */
async function pickStart(graph: GraphClient): Promise<ExplorerBenchFigures['start']> {
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

async function newProfile(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
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
    // Browser types (PerformanceMark, PerformanceResourceTiming) spelled out: this file compiles without DOM types.
    const mark = performance.getEntriesByName('cg-graph-drawn')[0] as unknown as { startTime: number; detail?: unknown } | undefined;
    const q = (performance.getEntriesByType('resource') as unknown as { name: string; initiatorType: string; duration: number }[]).filter(
      (e) => e.name.endsWith('/graphql') && e.initiatorType === 'fetch',
    );
    const detail = (mark?.detail ?? {}) as { nodes?: number; edges?: number; ms?: number };
    return { ms: mark?.startTime ?? NaN, queryMs: Math.max(0, ...q.map((e) => e.duration)), layoutMs: detail.ms ?? NaN, nodes: detail.nodes ?? 0, edges: detail.edges ?? 0 };
  });
  return { ms: round(r.ms), queryMs: round(r.queryMs), layoutMs: round(r.layoutMs), nodes: r.nodes, edges: r.edges };
}

export async function run(ctx: { graph: GraphClient; log: (l: string) => void }): Promise<ExplorerBenchFigures> {
  const { graph, log } = ctx;
  const loadBefore = loadavg()[0];
  const weights = pageWeights();
  for (const w of weights) log(`${w.page.padEnd(11)} JS ${w.files} file(s): ${(w.rawBytes / 1024).toFixed(0)} KiB raw, ${(w.gzipBytes / 1024).toFixed(0)} KiB gzip`);

  const creators = Number(process.env.BENCH_EXPLORER_CREATORS ?? 200);
  const coldRuns = Number(process.env.BENCH_EXPLORER_COLD ?? 5);
  const warmRuns = Number(process.env.BENCH_EXPLORER_WARM ?? 10);
  const warmup = Number(process.env.BENCH_EXPLORER_WARMUP ?? 2);
  await wipeGraph(graph);
  const world = generateWorld({ creators, seed: 42 });
  const t0 = performance.now();
  const loaded = await loadWorldIntoGraph(graph, world);
  await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
  log(`world: ${creators} creators, ${loaded.accounts} accounts, ${loaded.posts} posts written and matched in ${Math.round((performance.now() - t0) / 1000)} s`);
  const start = await pickStart(graph);
  log(`start node ${start.id} (${start.kind}): ${start.nodes} nodes, ${start.edges} edges, ${JSON.stringify(start.kinds)}`);

  const config = loadConfig({ LOG_LEVEL: 'silent', API_KEYS: `admin:${KEY}`, RATE_LIMIT_PER_MINUTE: '1000000', PORT: '0', HOST: '127.0.0.1' });
  const api = await startApi(await buildApiSchema(createPubSubHandle().pubSub), { config, graph, bus: nullBus, logger: silentLogger }, { port: 0, host: '127.0.0.1' });
  const origin = new URL(api.url).origin;
  const url = `${origin}/explore?node=${encodeURIComponent(start.id)}&depth=2&limit=${NODES}`;
  try {
    const cold: RenderRun[] = [];
    for (let i = 0; i < coldRuns; i++) {
      const p = await newProfile();
      try {
        cold.push(await measureOnce(p.context, url));
      } finally {
        await p.close();
      }
      log(`cold ${i + 1}: ${cold[i].ms} ms (query ${cold[i].queryMs} ms, layout+paint ${cold[i].layoutMs} ms, ${cold[i].nodes} nodes, ${cold[i].edges} edges)`);
    }
    const warm: RenderRun[] = [];
    const p = await newProfile();
    try {
      for (let i = 0; i < warmup; i++) await measureOnce(p.context, url);
      for (let i = 0; i < warmRuns; i++) warm.push(await measureOnce(p.context, url));
    } finally {
      await p.close();
    }
    log(`warm (${warmup} warm-up reloads, then ${warmRuns}): ${warm.map((r) => r.ms).join(', ')} ms`);
    const coldP50 = median(cold.map((r) => r.ms));
    const warmP50 = median(warm.map((r) => r.ms));
    const out: ExplorerBenchFigures = {
      weights,
      world: { creators, accounts: loaded.accounts, posts: loaded.posts },
      start,
      cold: { runs: cold, p50: coldP50, max: Math.max(...cold.map((r) => r.ms)), firstRunMs: cold[0]?.ms ?? NaN },
      warm: { warmup, runs: warm, p50: warmP50, max: Math.max(...warm.map((r) => r.ms)) },
      target: { ms: TARGET_MS, coldMet: coldP50 < TARGET_MS, warmMet: warmP50 < TARGET_MS },
      machine: { cpus: cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadavg()[0], chromium: CHROMIUM },
    };
    log(
      `first render of ${NODES} nodes: cold p50 ${coldP50} ms (max ${out.cold.max}), warm p50 ${warmP50} ms (max ${out.warm.max}); target < ${TARGET_MS} ms: cold ${out.target.coldMet ? 'met' : 'MISSED'}, warm ${out.target.warmMet ? 'met' : 'MISSED'} (load average ${loadBefore.toFixed(2)} -> ${out.machine.loadavgAfter.toFixed(2)})`,
    );
    return out;
  } finally {
    await api.close();
    await wipeGraph(graph);
  }
}
