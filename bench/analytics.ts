/**
 * Analytics benchmark, two parts.
 *
 * 1. Graph views and the shortlist on the 2,000-creator world (built and ingested through the real
 *    lanes by bench/ingest's startBenchWorld, brands included): p50/p99 of competitorGraph(limit:
 *    300), neighborhood(depth: 2) and campaignShortlist(first: 50) executed through the GraphQL
 *    schema in process (resolvers, loaders, the analytics code; no HTTP), side by side in one run
 *    with the same named Cypher statements through a bare neo4j-driver session (the floor), as
 *    ratios. Warm-up: WARMUP runs of each, ours and raw, before timing (disclosed in the output).
 *    Ours and raw alternate run by run so both see the same machine load.
 * 2. The full BI export of 100,000 creators (accounts written by bench/matching's loadWorld, each
 *    account its own creator): to Parquet, and to a throwaway PostgreSQL database (created and
 *    dropped here; BENCH_POSTGRES_URL, default the local server), elapsed time and rows per second.
 *
 * Run alone: `npm run build && node dist/bench/run.js analytics`. BENCH_ANALYTICS_CREATORS (2000),
 * BENCH_EXPORT_CREATORS (100000), BENCH_ANALYTICS_RUNS (30).
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { graphql, type GraphQLSchema } from 'graphql';
import pg from 'pg';
import { buildContext } from '../src/api/context';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import type { GraphClient } from '../src/neo4j/graph-client';
import { cypher } from '../src/neo4j/queries';
import { wipeGraph } from '../src/neo4j/wipe';
import { generateWorld } from '../src/simulators/world';
import { runExport } from '../src/warehouse/export';
import { startBenchWorld } from './ingest';
import { loadWorld } from './matching';

const WARMUP = 5;

interface Timing {
  p50: number;
  p99: number;
  runs: number;
}

export interface AnalyticsBenchFigures {
  creators: number;
  warmupRuns: number;
  queries: Record<string, { ours: Timing; raw: Timing; ratioP50: number; ratioP99: number; statements: number }>;
  export: { creators: number; parquet: { ms: number; rowsPerSecond: number; bytes: number }; postgres: { ms: number; rowsPerSecond: number } | null };
  machine: { cpus: number; loadavg1: number };
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] * 10) / 10;
}

async function rawRead(graph: GraphClient, name: string, params: Record<string, unknown>): Promise<Record<string, unknown>[]> {
  const session = graph.driver.session({ database: graph.database, defaultAccessMode: 'READ' });
  try {
    const res = await session.executeRead((tx) => tx.run(cypher(name), params));
    return res.records.map((r) => r.toObject());
  } finally {
    await session.close();
  }
}

/** The neighborhood's two statements as the raw baseline runs them: level 2 expands level 1's nodes. */
async function rawNeighborhood(graph: GraphClient, startId: string, limit: number): Promise<void> {
  const empty = { creatorIds: [], accountIds: [], postIds: [], tags: [], brandIds: [], campaignIds: [] };
  const first = await rawRead(graph, 'analytics/neighborhood-expand', { ...empty, creatorIds: [startId], perNode: limit });
  const next: Record<string, string[]> = { creatorIds: [], accountIds: [], postIds: [], tags: [], brandIds: [], campaignIds: [] };
  for (const r of first) {
    const o = r.other as { labels: string[]; id?: string; tag?: string } | null;
    if (!o) continue;
    const key = o.labels.includes('Hashtag') ? 'tags' : o.labels.includes('Account') ? 'accountIds' : o.labels.includes('Post') ? 'postIds' : o.labels.includes('Brand') ? 'brandIds' : o.labels.includes('Campaign') ? 'campaignIds' : 'creatorIds';
    next[key].push((o.tag ?? o.id)!);
  }
  await rawRead(graph, 'analytics/neighborhood-expand', { ...next, perNode: limit });
}

async function gqlRun(schema: GraphQLSchema, ctx: () => object, source: string, variables: Record<string, unknown>): Promise<void> {
  const res = await graphql({ schema, source, variableValues: variables, contextValue: ctx() });
  if (res.errors) throw new Error(res.errors.map((e) => e.message).join('; '));
}

async function compare(
  name: string,
  runs: number,
  ours: () => Promise<void>,
  raw: () => Promise<void>,
): Promise<{ ours: Timing; raw: Timing; ratioP50: number; ratioP99: number }> {
  for (let i = 0; i < WARMUP; i++) {
    await ours();
    await raw();
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await ours();
    a.push(performance.now() - t);
    t = performance.now();
    await raw();
    b.push(performance.now() - t);
  }
  const o = { p50: pct(a, 50), p99: pct(a, 99), runs };
  const r = { p50: pct(b, 50), p99: pct(b, 99), runs };
  void name;
  return { ours: o, raw: r, ratioP50: Math.round((o.p50 / r.p50) * 100) / 100, ratioP99: Math.round((o.p99 / r.p99) * 100) / 100 };
}

async function benchQueries(graph: GraphClient, creators: number, runs: number, log: (l: string) => void) {
  const staging = mkdtempSync(join(tmpdir(), 'cg-bench-analytics-'));
  const rt = await startBenchWorld(graph, { creators, staging });
  const pubsub = createPubSubHandle(undefined);
  try {
    const t0 = performance.now();
    await rt.seedWorld({ days: 30 });
    log(`world: ${rt.demo!.world.creators.length} creators ingested in ${Math.round((performance.now() - t0) / 1000)} s`);
    const schema = await buildApiSchema(pubsub.pubSub);
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    const ctx = () => buildContext({ config, graph, bus: nullBus, logger: silentLogger, ingestion: rt }, { name: 'bench', role: 'admin', via: 'key' });
    const [brand] = await graph.runText('MATCH (b:Brand)-[:OWNS]->(:Account)-[:POSTED]->(p:Post) RETURN b.id AS id, count(p) AS n ORDER BY n DESC LIMIT 1');
    const [creator] = await graph.runText('MATCH (c:Creator) WHERE size(c.platforms) = 2 RETURN c.id AS id ORDER BY c.reachHigh DESC LIMIT 1');
    const now = rt.now.TIKTOK();
    const cutoff = new Date(now.getTime() - 30 * 86_400_000).toISOString();
    const out: AnalyticsBenchFigures['queries'] = {};
    out['competitorGraph(limit: 300)'] = {
      ...(await compare(
        'competitorGraph',
        runs,
        () => gqlRun(schema, ctx, `query($b: ID!) { competitorGraph(brandId: $b, limit: 300) { nodes { id kind label platform weight } edges { id source target type weight } } }`, { b: brand.id }),
        async () => void (await rawRead(graph, 'analytics/competitor-graph', { brandId: brand.id, since: null })),
      )),
      statements: 1,
    };
    out['neighborhood(depth: 2)'] = {
      ...(await compare(
        'neighborhood',
        runs,
        () => gqlRun(schema, ctx, `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 200) { nodes { id kind label platform weight } edges { id source target type weight } } }`, { id: creator.id }),
        () => rawNeighborhood(graph, creator.id as string, 200),
      )),
      statements: 2,
    };
    out['campaignShortlist(first: 50)'] = {
      ...(await compare(
        'campaignShortlist',
        runs,
        () => gqlRun(schema, ctx, `{ campaignShortlist(input: { first: 50 }) { rank score why reach { low high label } creator { id displayName } } }`, {}),
        async () => void (await rawRead(graph, 'analytics/shortlist-candidates', { minReach: 0, staleCutoff: cutoff, recentSince: cutoff, tags: [] })),
      )),
      statements: 2,
    };
    return out;
  } finally {
    await rt.close();
    await pubsub.close();
    rmSync(staging, { recursive: true, force: true });
    await wipeGraph(graph);
  }
}

async function benchExport(graph: GraphClient, creators: number, log: (l: string) => void): Promise<AnalyticsBenchFigures['export']> {
  // Accounts-only world sized so its accounts, each its own creator, number `creators`.
  const world = generateWorld({ creators: Math.ceil(creators / 1.5), accountsOnly: true, seed: 11 });
  const loadMs = await loadWorld(graph, world);
  const [{ n }] = await graph.runText('MATCH (c:Creator) RETURN count(c) AS n');
  log(`export world: ${n} creators written in ${Math.round(loadMs / 1000)} s`);
  const dir = mkdtempSync(join(tmpdir(), 'cg-bench-export-'));
  const adminUrl = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const db = `${process.env.BENCH_POSTGRES_DB_PREFIX ?? 'cg_bench'}_${randomBytes(4).toString('hex')}`;
  try {
    const t0 = performance.now();
    const p = await runExport(graph, { formats: ['parquet'], dir });
    const parquetMs = performance.now() - t0;
    const bytes = statSync(p.files[0]).size;
    let postgres: AnalyticsBenchFigures['export']['postgres'] = null;
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
    return { creators: Number(n), parquet: { ms: Math.round(parquetMs), rowsPerSecond: Math.round(p.rows / (parquetMs / 1000)), bytes }, postgres };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await wipeGraph(graph);
  }
}

export async function run(ctx: { graph: GraphClient; log: (line: string) => void }): Promise<AnalyticsBenchFigures> {
  const { graph, log } = ctx;
  const creators = Number(process.env.BENCH_ANALYTICS_CREATORS ?? 2000);
  const runs = Number(process.env.BENCH_ANALYTICS_RUNS ?? 30);
  const queries = await benchQueries(graph, creators, runs, log);
  const exp = await benchExport(graph, Number(process.env.BENCH_EXPORT_CREATORS ?? 100_000), log);
  const figures: AnalyticsBenchFigures = {
    creators,
    warmupRuns: WARMUP,
    queries,
    export: exp,
    machine: { cpus: cpus().length, loadavg1: Math.round(loadavg()[0] * 10) / 10 },
  };
  log(`\nGraph views and shortlist on the ${creators}-creator world (ms; GraphQL in process vs the same Cypher through the raw driver; ${WARMUP} warm-up runs each, ${runs} timed, alternating)`);
  log('query                           ours p50  ours p99   raw p50   raw p99  ratio p50  ratio p99');
  for (const [q, r] of Object.entries(queries)) {
    log(
      `${q.padEnd(30)} ${String(r.ours.p50).padStart(9)} ${String(r.ours.p99).padStart(9)} ${String(r.raw.p50).padStart(9)} ${String(r.raw.p99).padStart(9)} ${r.ratioP50.toFixed(2).padStart(10)} ${r.ratioP99.toFixed(2).padStart(10)}`,
    );
  }
  log(`\nBI export of ${exp.creators} creators`);
  log(`  Parquet     ${exp.parquet.ms} ms, ${exp.parquet.rowsPerSecond} rows/s, ${exp.parquet.bytes} bytes`);
  log(`  PostgreSQL  ${exp.postgres ? `${exp.postgres.ms} ms, ${exp.postgres.rowsPerSecond} rows/s` : 'skipped'}`);
  log(`machine: ${figures.machine.cpus} cpus, load average ${figures.machine.loadavg1}`);
  return figures;
}
