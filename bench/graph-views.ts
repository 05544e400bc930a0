/**
 * Graph views, shortlist and BI export benchmark, two parts.
 *
 * 1. On the 2,000-creator world (bench/ingest's startBenchWorld, seeded like the demo: tracked,
 *    30 days backfilled, brands stored): p50/p99 of competitorGraph(limit: 300),
 *    neighborhood(depth: 2) and campaignShortlist(first: 50) through the GraphQL schema in process,
 *    against the floor, the same statements replayed through a bare driver session, with
 *    bench/analytics' `measure` (its warm-up, disclosed in the output, and alternating runs).
 * 2. The full BI export of 100,000 creators (accounts written by bench/matching's loadWorld, each
 *    account its own creator, derived values not refreshed): to Parquet, and into a throwaway
 *    PostgreSQL database created and dropped here (BENCH_POSTGRES_URL, default the local server;
 *    BENCH_POSTGRES_DB_PREFIX names it), elapsed time and rows per second.
 *
 * Run alone: `npm run build && node dist/bench/run.js graph-views`. BENCH_VIEWS_CREATORS (2000),
 * BENCH_EXPORT_CREATORS (100000), BENCH_VIEWS_RUNS (30).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPubSubHandle } from '../src/api/pubsub';
import { loadConfig } from '../src/config';
import { nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import { buildApiSchema } from '../src/api/schema';
import type { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { generateWorld } from '../src/simulators/world';
import { runExport } from '../src/warehouse/export';
import { measure, WARMUP, type CaseFigures } from './analytics';
import { startBenchWorld } from './ingest';
import { loadWorld } from './matching';

const TARGET_RATIO = 1.5;

export interface GraphViewsBenchFigures {
  creators: number;
  warmup: number;
  runs: number;
  cases: CaseFigures[];
  export: { creators: number; parquet: { ms: number; rowsPerSecond: number; bytes: number }; postgres: { ms: number; rowsPerSecond: number } | null };
  targets: { ratio: number; ratioMet: boolean };
  machine: { cpus: number; loadavg1: number };
}

async function benchViews(graph: GraphClient, creators: number, runs: number, log: (l: string) => void): Promise<CaseFigures[]> {
  const staging = mkdtempSync(join(tmpdir(), 'cg-bench-views-'));
  try {
    const rt = await startBenchWorld(graph, { creators, staging });
    const t0 = performance.now();
    try {
      await rt.seedWorld({ days: 30 });
    } finally {
      await rt.close();
    }
    // One matching run joins the pairs (the bench world has no incremental matching wired).
    await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
    log(`world: ${creators} creators seeded (tracked, backfilled, brands stored, matched) in ${Math.round((performance.now() - t0) / 1000)} s`);
    const [brand] = await graph.runText('MATCH (b:Brand)-[:OWNS]->(:Account)-[:POSTED]->(p:Post) RETURN b.id AS id, count(p) AS n ORDER BY n DESC, b.id LIMIT 1');
    const [creator] = await graph.runText(
      'MATCH (c:Creator)-[:HAS_ACCOUNT]->(a:Account) WITH c, count(a) AS accounts RETURN c.id AS id ORDER BY accounts DESC, c.reachHigh DESC, c.id LIMIT 1',
    );
    if (!brand || !creator) throw new Error('the seeded world has no brand with posts or no creator');
    const schema = await buildApiSchema(createPubSubHandle().pubSub);
    const out: CaseFigures[] = [];
    for (const c of [
      {
        name: 'competitorGraph(limit: 300)',
        query: `query($b: ID!) { competitorGraph(brandId: $b, limit: 300) { nodes { id kind label platform weight } edges { id source target type weight } } }`,
        variables: { b: brand.id },
      },
      {
        name: 'neighborhood(depth: 2)',
        query: `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { id kind label platform weight } edges { id source target type weight } } }`,
        variables: { id: creator.id },
      },
      {
        name: 'campaignShortlist(first: 50)',
        query: `{ campaignShortlist(input: { first: 50 }) { rank score why reach { low high label basis } creator { id displayName } } }`,
        variables: {},
      },
    ]) {
      out.push(await measure(schema, graph, c, runs));
    }
    return out;
  } finally {
    rmSync(staging, { recursive: true, force: true });
    await wipeGraph(graph);
  }
}

async function benchExport(graph: GraphClient, creators: number, log: (l: string) => void): Promise<GraphViewsBenchFigures['export']> {
  // An accounts-only world whose accounts (each its own creator, no matching run) number about `creators`.
  const world = generateWorld({ creators: Math.ceil(creators / 1.5), accountsOnly: true, seed: 11 });
  const loadMs = (await loadWorld(graph, world, { keys: false })).accountsMs;
  const [{ n }] = await graph.runText('MATCH (c:Creator) RETURN count(c) AS n');
  log(`export world: ${n} creators written in ${Math.round(loadMs / 1000)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-export-'));
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = `${process.env.BENCH_POSTGRES_DB_PREFIX ?? 'cg_bench'}_${randomBytes(4).toString('hex')}`;
  try {
    const t0 = performance.now();
    const p = await runExport(graph, { formats: ['parquet'], dir });
    const parquetMs = performance.now() - t0;
    let postgres: GraphViewsBenchFigures['export']['postgres'] = null;
    const admin = new pg.Client({ connectionString: adminUrl });
    try {
      await admin.connect();
      await admin.query(`CREATE DATABASE ${db}`);
      const t1 = performance.now();
      const w = await runExport(graph, { warehouseUrl: adminUrl.replace(/\/[^/]*$/, `/${db}`) });
      const pgMs = performance.now() - t1;
      postgres = { ms: Math.round(pgMs), rowsPerSecond: Math.round(w.rows / (pgMs / 1000)) };
    } catch (err) {
      log(`PostgreSQL part skipped: ${(err as Error).message}`);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
      await admin.end().catch(() => undefined);
    }
    return {
      creators: Number(n),
      parquet: { ms: Math.round(parquetMs), rowsPerSecond: Math.round(p.rows / (parquetMs / 1000)), bytes: statSync(p.files[0]).size },
      postgres,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await wipeGraph(graph);
  }
}

export async function run(ctx: { graph: GraphClient; log: (line: string) => void }): Promise<GraphViewsBenchFigures> {
  const { graph, log } = ctx;
  const creators = Number(process.env.BENCH_VIEWS_CREATORS ?? 2000);
  const runs = Number(process.env.BENCH_VIEWS_RUNS ?? 30);
  const cases = await benchViews(graph, creators, runs, log);
  const exp = await benchExport(graph, Number(process.env.BENCH_EXPORT_CREATORS ?? 100_000), log);
  const figures: GraphViewsBenchFigures = {
    creators,
    warmup: WARMUP,
    runs,
    cases,
    export: exp,
    targets: { ratio: TARGET_RATIO, ratioMet: cases.every((c) => c.ratioP50 <= TARGET_RATIO) },
    machine: { cpus: cpus().length, loadavg1: Math.round(loadavg()[0] * 10) / 10 },
  };
  log(`\nGraph views and shortlist, ${creators}-creator world (ms; GraphQL in process vs the same statements through the raw driver; ${WARMUP} warm-up runs each, then ${runs} alternating)`);
  log('query                           stmts  ours p50  ours p99  floor p50  floor p99  ratio p50  ratio p99');
  for (const c of cases) {
    log(
      `${c.name.padEnd(30)} ${String(c.statements).padStart(6)} ${String(c.ours.p50).padStart(9)} ${String(c.ours.p99).padStart(9)} ${String(c.floor.p50).padStart(10)} ${String(c.floor.p99).padStart(10)} ${c.ratioP50.toFixed(2).padStart(10)} ${c.ratioP99.toFixed(2).padStart(10)}`,
    );
  }
  log(`\nBI export of ${exp.creators} creators`);
  log(`  Parquet     ${exp.parquet.ms} ms, ${exp.parquet.rowsPerSecond} rows/s, ${exp.parquet.bytes} bytes`);
  log(`  PostgreSQL  ${exp.postgres ? `${exp.postgres.ms} ms, ${exp.postgres.rowsPerSecond} rows/s` : 'skipped'}`);
  log(`machine: ${figures.machine.cpus} cpus, load average ${figures.machine.loadavg1}`);
  return figures;
}
