/**
 * Ingestion benchmark: a simulated world of 2,000 creators served by the two provider simulators
 * (rate limits lifted: this measures our pipeline, not the providers' pacing), ingested through
 * the real clients, lanes, normalisers and write path into Neo4j: every profile, then 30 days of
 * posts on both platforms, with raw staging on. Reports elapsed time, posts written per second,
 * and where the time went: HTTP (summed request durations), Neo4j writes and reads (summed
 * statement times from GraphClient's observer) and normalisation (summed time inside the
 * normalisers); the sums overlap in wall time because both lanes and several jobs run at once.
 *
 * The write part is compared, in the same run, with the same post rows written by a plain
 * neo4j-driver session running a bare UNWIND MERGE (no hashtags, mentions or freshness upkeep):
 * the ratio is what the write path's extra work costs.
 *
 * Run alone: `npm run build && node dist/bench/run.js ingest`; `BENCH_INGEST_CREATORS` sets the
 * world size (default 2000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { checkInvariants, invariantsHold, type InvariantReport } from '../src/graph/invariants';
import type { IngestRuntimeOptions } from '../src/ingest/runtime';
import { startSeededIngestion, type SeededIngestion } from '../src/seeding/ingestion';
import { worldHandles } from '../src/seeding/world-demo';
import * as tiklive from '../src/ingest/normalize/tiklive';
import * as xnorm from '../src/ingest/normalize/x';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import type { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { cypher } from '../src/neo4j/queries';
import type { RawExchange } from '../src/providers';

export interface IngestBenchFigures {
  creators: number;
  accounts: { tiktok: number; x: number };
  days: number;
  elapsedMs: { total: number; profiles: number; backfill: number };
  postsWritten: number;
  postsPerSecond: number;
  requests: { tiktok: number; x: number };
  /** Summed busy time per part (ms) and as a share of the summed total. */
  time: Record<'http' | 'neo4jWrite' | 'neo4jRead' | 'normalise', { ms: number; share: number }>;
  rawDriver: { rows: number; oursMs: number; rawMs: number; ratio: number };
  /** Summed time of the hourly hashtag rollup statements (part of neo4jWrite). */
  rollupMs: number;
  machine: { cpus: number; loadavg1: number };
  targetMs: number;
  withinTarget: boolean;
  /** The write path's invariants checked on the filled graph (graph/invariants.ts). */
  invariants: InvariantReport & { hold: boolean };
}

const TARGET_MS = 120_000;

export interface BenchWorldOptions {
  creators: number;
  /** Raw staging folder (the caller removes it). */
  staging: string;
  onResponse?: (raw: RawExchange) => void;
  /** Incremental matching and the post-write hook, as the app wires them (default none). */
  onAccountsWritten?: IngestRuntimeOptions['onAccountsWritten'];
  onPostsWritten?: IngestRuntimeOptions['onPostsWritten'];
}

/**
 * The ingestion runtime over a simulated world of `creators`, behind the two simulators with their
 * rate limits lifted (the benchmarks measure our pipeline, not the providers' pacing). Shared by
 * the benchmarks that need the 2,000-creator world in the graph (bench/analytics.ts).
 */
export async function startBenchWorld(graph: GraphClient, o: BenchWorldOptions): Promise<SeededIngestion> {
  const lifted = 1_000_000_000;
  return startSeededIngestion(
    loadConfig({
      SIMULATE: 'true',
      SIM_CREATORS: String(o.creators),
      STAGING_DIR: o.staging,
      LOG_LEVEL: 'silent',
      TIKLIVEAPI_REQUESTS_PER_MINUTE: String(lifted),
      TIKLIVEAPI_MONTHLY_CREDITS: String(lifted),
      INGEST_CONCURRENCY: process.env.BENCH_INGEST_CONCURRENCY ?? '2',
    }),
    {
      graph,
      bus: nullBus,
      logger: silentLogger,
      schedule: false,
      world: {
        simulatorOptions: {
          tiklive: { rateLimit: lifted },
          x: {
            rateLimit: {
              'GET /2/users/by/username/:username': lifted,
              'GET /2/users/by': lifted,
              'GET /2/users/:id': lifted,
              'GET /2/users': lifted,
              'GET /2/users/:id/tweets': lifted,
              'GET /2/tweets/search/recent': lifted,
            },
          },
        },
      },
      onResponse: o.onResponse,
      onAccountsWritten: o.onAccountsWritten,
      onPostsWritten: o.onPostsWritten,
    },
  );
}

/** Tracks every account of the runtime's world and backfills `days` of posts. */
export function ingestBenchWorld(rt: SeededIngestion, days: number, onProfiles?: () => void) {
  return rt.tracking.trackMany(worldHandles(rt.demo!.world, rt.demo!.simulated), { days, onProfiles });
}

/** Wraps the normalisers' exports (the pipeline calls them through the module object) to sum their time. */
function timeNormalisers(): { ms: () => number; restore: () => void } {
  let total = 0;
  const restores: (() => void)[] = [];
  for (const mod of [tiklive, xnorm] as Record<string, unknown>[]) {
    for (const [name, fn] of Object.entries(mod)) {
      if (typeof fn !== 'function' || !/^(normalize|read)/.test(name)) continue;
      const original = fn as (...a: unknown[]) => unknown;
      try {
        mod[name] = (...args: unknown[]) => {
          const t0 = performance.now();
          try {
            return original(...args);
          } finally {
            total += performance.now() - t0;
          }
        };
        restores.push(() => (mod[name] = original));
      } catch {
        // a read-only export: left untimed
      }
    }
  }
  return { ms: () => total, restore: () => restores.forEach((r) => r()) };
}

export interface IngestBenchOptions {
  /** World size; default BENCH_INGEST_CREATORS or 2000. */
  creators?: number;
  /** Leave the ingested world in the graph (for benchmarks that query it, e.g. trends). Default false. */
  keepGraph?: boolean;
}

/** Statements that keep the hourly hashtag rollup (graph/trend-rollup.ts) beside the post writes. */
const ROLLUP_STATEMENTS = new Set(['graph/upsert-tag-hours', 'graph/set-account-verticals']);

export async function run(ctx: { graph: GraphClient; log: (line: string) => void }, opts: IngestBenchOptions = {}): Promise<IngestBenchFigures> {
  const { graph, log } = ctx;
  const creators = opts.creators ?? Number(process.env.BENCH_INGEST_CREATORS ?? 2000);
  const days = 30;
  const staging = mkdtempSync(join(tmpdir(), 'cg-bench-staging-'));
  const http = { ms: 0, tiktok: 0, x: 0 };
  const neo = { write: 0, read: 0 };
  const postRows: Record<string, unknown>[][] = [];
  let oursPostsMs = 0;
  let rollupMs = 0;
  const stopObserving = graph.observe((e) => {
    if (ROLLUP_STATEMENTS.has(e.name)) rollupMs += e.ms;
    if (e.mode === 'WRITE') neo.write += e.ms;
    else neo.read += e.ms;
    if (e.name === 'graph/upsert-posts') {
      postRows.push(e.params.rows as Record<string, unknown>[]);
      oursPostsMs += e.ms;
    }
  });
  const norm = timeNormalisers();
  const rt = await startBenchWorld(graph, {
    creators,
    staging,
    onResponse: (raw: RawExchange) => {
      http.ms += raw.durationMs;
      if (raw.provider === 'tikliveapi') http.tiktok++;
      else http.x++;
    },
  });
  let figures: IngestBenchFigures;
  try {
    const world = rt.demo!.world;
    log(`world: ${world.creators.length} creators, ${world.tiktok.accounts.length} TikTok and ${world.x.accounts.length} X accounts`);
    const t0 = performance.now();
    let profilesDoneAt = 0;
    const res = await ingestBenchWorld(rt, days, () => {
      profilesDoneAt = performance.now();
    });
    const total = performance.now() - t0;
    const profilesMs = (profilesDoneAt || performance.now()) - t0;
    norm.restore();
    stopObserving();
    // Checked before the baseline adds its own rows: one creator per account, no duplicate edge.
    const invariants = await checkInvariants(graph);
    if (res.backfill.failed.length > 0) log(`backfill left ${res.backfill.failed.length} accounts pending (e.g. ${JSON.stringify(res.backfill.failed[0])})`);

    // The same post rows through a bare driver session: MERGE on the key, SET the properties, the author edge.
    await graph.runText('CREATE CONSTRAINT bench_raw_post IF NOT EXISTS FOR (p:BenchRawPost) REQUIRE p.id IS UNIQUE');
    const raw = graph.driver.session({ database: graph.database });
    const text = cypher('bench/raw-upsert-posts');
    const r0 = performance.now();
    let rows = 0;
    try {
      for (const batch of postRows) {
        await raw.executeWrite((tx) => tx.run(text, { rows: batch }));
        rows += batch.length;
      }
    } finally {
      await raw.close();
    }
    const rawMs = performance.now() - r0;

    const posts = res.backfill.posts;
    const parts = { http: http.ms, neo4jWrite: neo.write, neo4jRead: neo.read, normalise: norm.ms() };
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    const time = Object.fromEntries(
      Object.entries(parts).map(([k, ms]) => [k, { ms: Math.round(ms), share: Math.round((ms / sum) * 1000) / 1000 }]),
    ) as IngestBenchFigures['time'];
    figures = {
      creators: world.creators.length,
      accounts: {
        tiktok: res.accounts.filter((a) => a.startsWith('tiktok:')).length,
        x: res.accounts.filter((a) => a.startsWith('x:')).length,
      },
      days,
      elapsedMs: { total: Math.round(total), profiles: Math.round(profilesMs), backfill: Math.round(total - profilesMs) },
      postsWritten: posts,
      postsPerSecond: Math.round(posts / (total / 1000)),
      requests: { tiktok: http.tiktok, x: http.x },
      time,
      rawDriver: { rows, oursMs: Math.round(oursPostsMs), rawMs: Math.round(rawMs), ratio: Math.round((oursPostsMs / rawMs) * 100) / 100 },
      rollupMs: Math.round(rollupMs),
      machine: { cpus: cpus().length, loadavg1: Math.round(loadavg()[0] * 10) / 10 },
      targetMs: TARGET_MS,
      withinTarget: total < TARGET_MS,
      invariants: { hold: invariantsHold(invariants), ...invariants },
    };
  } finally {
    norm.restore();
    stopObserving();
    await rt.close();
    rmSync(staging, { recursive: true, force: true });
    await graph.runText('DROP CONSTRAINT bench_raw_post IF EXISTS').catch(() => undefined);
    // Leave the shared bench database empty for the next module (unless the caller queries the world).
    if (!opts.keepGraph) await wipeGraph(graph);
  }

  const f = figures;
  const row = (k: string, v: string) => log(`  ${k.padEnd(34)} ${v}`);
  log(`ingest: ${f.creators} creators x ${f.days} days, both platforms, simulators -> Neo4j`);
  row('accounts (TikTok / X)', `${f.accounts.tiktok} / ${f.accounts.x}`);
  row('requests (TikTok / X)', `${f.requests.tiktok} / ${f.requests.x}`);
  row('elapsed total', `${(f.elapsedMs.total / 1000).toFixed(1)} s (target < ${TARGET_MS / 1000} s: ${f.withinTarget ? 'met' : 'MISSED'})`);
  row('  last profile at / rest', `${(f.elapsedMs.profiles / 1000).toFixed(1)} s / ${(f.elapsedMs.backfill / 1000).toFixed(1)} s`);
  row('posts written', `${f.postsWritten} (${f.postsPerSecond} posts/s)`);
  for (const [k, v] of Object.entries(f.time)) row(`time in ${k}`, `${(v.ms / 1000).toFixed(1)} s summed (${(v.share * 100).toFixed(1)} %)`);
  row('hourly hashtag rollup writes', `${(f.rollupMs / 1000).toFixed(1)} s summed (${((100 * f.rollupMs) / Math.max(1, f.time.neo4jWrite.ms)).toFixed(1)} % of Neo4j writes)`);
  row('post writes: ours / raw driver', `${(f.rawDriver.oursMs / 1000).toFixed(1)} s / ${(f.rawDriver.rawMs / 1000).toFixed(1)} s (x${f.rawDriver.ratio}, ${f.rawDriver.rows} rows)`);
  row('machine', `${f.machine.cpus} CPUs, load ${f.machine.loadavg1}`);
  row('write-path invariants', f.invariants.hold ? 'hold (one creator per account, no duplicate edge)' : `BROKEN: ${JSON.stringify(f.invariants)}`);
  return f;
}
