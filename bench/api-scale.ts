/**
 * List pages at scale (issue 15, "pagination that stays flat"): `creators(first: 20)` ordered by
 * combined reach, with each creator's accounts, on a 2,000-creator and a 50,000-creator world, so
 * the p50 at 50,000 can be compared with the p50 at 2,000 (target: within 1.3x).
 *
 * Worlds: the simulator's accounts-only world (profiles, no posts: the list reads creators and
 * accounts), sized so the graph holds about the number of creators asked for, written through
 * the write path (writeAccounts: batched UNWIND upserts, creators' derived values and order keys
 * refreshed, all backfilled so the default list shows them), then every true cross-platform pair
 * written as an AUTO match, which joins the pair under one creator as matching does.
 *
 * Side by side on each world, with 8 requests in flight (as 8 connections would keep them):
 * - ours: the query through the served GraphQL schema in this process (graphql-js execution, our
 *   resolvers, loaders and per-request context; no HTTP, which costs the same at any size);
 * - floor: a hand-written statement for the same page and accounts through neo4j-driver
 *   (cypher/queries/bench/creator-page-floor.cypher), reading the same order index;
 * - before: the list statement this replaced (collect every matching creator, then slice:
 *   cypher/queries/bench/creator-list-collect.cypher), through the driver, for reference;
 * - deep: ours again, from a cursor 1,000 creators into the list (keyset: as cheap as page 1).
 * Each is warmed up with BENCH_SCALE_WARMUP requests (disclosed, not counted); the first request
 * of ours on each world (cold: nothing cached for that graph) is recorded apart.
 *
 * Run alone: `npm run build && node dist/bench/run.js api-scale`. BENCH_SCALE_SIZES ("2000,50000"),
 * BENCH_SCALE_REQUESTS (400 per series), BENCH_SCALE_WARMUP (40), BENCH_SCALE_INFLIGHT (8).
 */
import { graphql, type GraphQLSchema } from 'graphql';
import { cpus, loadavg } from 'node:os';
import { buildContext } from '../src/api/context';
import { encodeCursor } from '../src/api/pagination';
import { createPubSubHandle } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { loadConfig } from '../src/config';
import { writeAccounts } from '../src/graph/accounts';
import { creatorPageParams } from '../src/graph/pages';
import { silentLogger } from '../src/log';
import { nullBus } from '../src/matching/events';
import { writeMatches } from '../src/matching/write';
import type { GraphClient } from '../src/neo4j/graph-client';
import { migrate } from '../src/neo4j/migrate';
import { cypher } from '../src/neo4j/queries';
import { wipeGraph } from '../src/neo4j/wipe';
import { accountRecord } from '../src/simulators/records';
import { generateWorld } from '../src/simulators/world';

const TARGET_SCALE_RATIO = 1.3;
const PAGE = 20;
export const LIST_QUERY = `query List($after: String) { creators(first: ${PAGE}, after: $after, orderBy: { field: COMBINED_REACH }) {
  nodes { id displayName accounts { id platform username followers } } pageInfo { hasNextPage endCursor } } }`;

export interface Series {
  requests: number;
  p50: number;
  p90: number;
  p99: number;
}

export interface WorldFigures {
  creators: number;
  accounts: number;
  joinedPairs: number;
  loadSeconds: number;
  coldMs: number;
  ours: Series;
  floor: Series;
  before: Series;
  deep: Series;
  oursVsFloorP50: number;
  /** PROFILE db hits of our page statement (page 1 with accounts, and from 1,000 in), and of the old one. */
  dbHits: { page: number; deep: number; before: number };
  loadavg1: number;
}

export interface ListScalingFigures {
  query: string;
  inflight: number;
  warmup: number;
  worlds: WorldFigures[];
  /** ours p50 at the largest world / at the smallest. */
  scaleRatioP50: number;
  floorScaleRatioP50: number;
  targets: { scaleRatio: number; scaleRatioMet: boolean };
  machine: { cpus: number; loadavg1: number };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] * 100) / 100;
}

function series(ms: number[]): Series {
  return { requests: ms.length, p50: percentile(ms, 50), p90: percentile(ms, 90), p99: percentile(ms, 99) };
}

/** Runs `one` `n` times with `inflight` at once; returns each request's latency in ms. */
async function load(n: number, inflight: number, one: () => Promise<void>): Promise<number[]> {
  const out: number[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: inflight }, async () => {
      while (next < n) {
        next++;
        const t0 = performance.now();
        await one();
        out.push(performance.now() - t0);
      }
    }),
  );
  return out;
}

/**
 * Writes an accounts-only world of about `creators` creators through the write path; returns what
 * it holds. Each simulated person becomes one creator once their true pair (if they have both
 * platforms) is joined, so the world has as many people as creators wanted.
 */
async function loadWorld(graph: GraphClient, creators: number, log: (l: string) => void) {
  await wipeGraph(graph);
  await migrate(graph);
  const t0 = performance.now();
  const world = generateWorld({ creators, accountsOnly: true, seed: 15 });
  const records = [...world.tiktok.accounts, ...world.x.accounts].map((a) => accountRecord(a));
  for (let i = 0; i < records.length; i += 5000) await writeAccounts(graph, records.slice(i, i + 5000), { backfilled: true });
  const known = new Set(records.map((r) => `${r.platform}:${r.platformUserId}`));
  const pairs = world.truth.pairs.filter((p) => known.has(`TIKTOK:${p.tiktokUserId}`) && known.has(`X:${p.xUserId}`));
  for (let i = 0; i < pairs.length; i += 2000) {
    await writeMatches(
      graph,
      nullBus,
      pairs.slice(i, i + 2000).map((p) => ({
        tiktokAccountId: `tiktok:${p.tiktokUserId}`,
        xAccountId: `x:${p.xUserId}`,
        score: 95,
        reasons: ['BIOLINK_EXACT' as const],
        evidence: [],
        status: 'AUTO' as const,
      })),
    );
  }
  const [n] = await graph.runText('MATCH (c:Creator) WITH count(c) AS creators MATCH (a:Account) RETURN creators, count(a) AS accounts');
  const loadSeconds = Math.round((performance.now() - t0) / 100) / 10;
  log(`world: ${n.creators} creators, ${n.accounts} accounts (${pairs.length} cross-platform pairs joined by AUTO matches), no posts; written in ${loadSeconds} s`);
  return { creators: n.creators as number, accounts: n.accounts as number, joinedPairs: pairs.length, loadSeconds };
}

async function measureWorld(graph: GraphClient, schema: GraphQLSchema, size: number, opts: { requests: number; warmup: number; inflight: number }, log: (l: string) => void): Promise<WorldFigures> {
  const world = await loadWorld(graph, size, log);
  const config = loadConfig({ LOG_LEVEL: 'silent' });
  const ours = (after: string | null) => async () => {
    const contextValue = buildContext({ config, graph, bus: nullBus, logger: silentLogger }, { name: 'bench', role: 'viewer', via: 'key' });
    const res = await graphql({ schema, source: LIST_QUERY, variableValues: { after }, contextValue });
    if (res.errors) throw new Error(`ours failed: ${res.errors[0].message}`);
  };
  const driverRead = (name: string, params: Record<string, unknown>) => async () => {
    const session = graph.driver.session({ defaultAccessMode: 'READ' });
    try {
      await session.executeRead((tx) => tx.run(cypher(name), params));
    } finally {
      await session.close();
    }
  };
  const floor = driverRead('bench/creator-page-floor', { take: PAGE });
  const before = driverRead('bench/creator-list-collect', { skip: 0, limit: PAGE });
  // A cursor 1,000 creators in (or half-way in a smaller world), as a client paging on would hold.
  const depth = Math.min(1000, Math.floor(world.creators / 2));
  const [at] = await graph.runText(
    "MATCH (c:Creator) WHERE c.orderReach < '\\u007f' AND c.active AND c.backfilled WITH c ORDER BY c.orderReach DESC SKIP toInteger($n) LIMIT 1 RETURN c.orderReach AS key",
    { n: depth - 1 },
  );
  const deepCursor = encodeCursor('creators:COMBINED_REACH:DESC', [at.key]);

  const dbHits = {
    page: await profileHits(graph, 'read/creator-page-reach-desc', pageParams(null)),
    deep: await profileHits(graph, 'read/creator-page-reach-desc', pageParams(at.key as string)),
    before: await profileHits(graph, 'bench/creator-list-collect', { skip: 0, limit: PAGE }),
  };
  // Cold: the first request of ours on this graph.
  let t0 = performance.now();
  await ours(null)();
  const coldMs = Math.round((performance.now() - t0) * 100) / 100;
  // Answers checked equal before timing: ours and the floor list the same creators and accounts.
  await checkEqual(graph, schema, config);

  const beforeN = Math.max(40, Math.round(opts.requests / (size > 10_000 ? 10 : 1)));
  for (const [one, n] of [[ours(null), opts.warmup], [floor, opts.warmup], [ours(deepCursor), opts.warmup], [before, Math.min(opts.warmup, 16)]] as const) {
    await load(n, opts.inflight, one);
  }
  // Alternating blocks, so a slow spell of the machine lands on both sides.
  const got = { ours: [] as number[], floor: [] as number[], deep: [] as number[], before: [] as number[] };
  const blocks = 4;
  for (let b = 0; b < blocks; b++) {
    got.ours.push(...(await load(opts.requests / blocks, opts.inflight, ours(null))));
    got.floor.push(...(await load(opts.requests / blocks, opts.inflight, floor)));
    got.deep.push(...(await load(opts.requests / blocks, opts.inflight, ours(deepCursor))));
    got.before.push(...(await load(beforeN / blocks, opts.inflight, before)));
  }
  const f: WorldFigures = {
    ...world,
    coldMs,
    ours: series(got.ours),
    floor: series(got.floor),
    before: series(got.before),
    deep: series(got.deep),
    oursVsFloorP50: 0,
    dbHits,
    loadavg1: Math.round(loadavg()[0] * 100) / 100,
  };
  f.oursVsFloorP50 = Math.round((f.ours.p50 / f.floor.p50) * 100) / 100;
  log(
    `${f.creators} creators: ours p50 ${f.ours.p50} ms (p99 ${f.ours.p99}), floor ${f.floor.p50} ms, x${f.oursVsFloorP50}; ` +
      `from ${depth} in: ${f.deep.p50} ms; before (collect and slice) ${f.before.p50} ms; cold ${coldMs} ms; ` +
      `db hits ${dbHits.page} (from ${depth} in: ${dbHits.deep}; before: ${dbHits.before}); load ${f.loadavg1}`,
  );
  return f;
}

/** The parameters our resolver sends for the default list's page (graph/pages.ts). */
function pageParams(after: string | null) {
  return creatorPageParams({
    search: null, platforms: null, matchStatuses: null, minReach: null, active: true, tracked: null, includeUnbackfilled: false,
    orderField: 'COMBINED_REACH', direction: 'DESC', after, skip: 0, take: PAGE + 1, withAccounts: true,
  });
}

async function profileHits(graph: GraphClient, name: string, params: Record<string, unknown>): Promise<number> {
  const session = graph.driver.session({ defaultAccessMode: 'READ' });
  try {
    const res = await session.run(`PROFILE ${cypher(name)}`, params);
    type P = { dbHits: number; children: P[] };
    const sum = (p: P): number => p.dbHits + p.children.reduce((n, c) => n + sum(c), 0);
    return sum(res.summary.profile as unknown as P);
  } finally {
    await session.close();
  }
}

/** Ours and the floor answer the same page (ids, names, accounts), or the timing means nothing. */
async function checkEqual(graph: GraphClient, schema: GraphQLSchema, config: ReturnType<typeof loadConfig>) {
  const contextValue = buildContext({ config, graph, bus: nullBus, logger: silentLogger }, { name: 'bench', role: 'viewer', via: 'key' });
  const res = await graphql({ schema, source: LIST_QUERY, variableValues: { after: null }, contextValue });
  const ours = (res.data as { creators: { nodes: unknown[] } }).creators.nodes;
  const floor = await graph.runText(cypher('bench/creator-page-floor'), { take: PAGE });
  // Key order differs between a GraphQL answer and a Cypher map: compare with sorted keys.
  const canon = (x: unknown): string =>
    Array.isArray(x) ? `[${x.map(canon).join(',')}]`
      : x && typeof x === 'object' ? `{${Object.keys(x).sort().map((k) => `${k}:${canon((x as Record<string, unknown>)[k])}`).join(',')}}`
      : JSON.stringify(x);
  if (canon(ours) !== canon(floor.map((r) => ({ id: r.id, displayName: r.displayName, accounts: r.accounts })))) {
    throw new Error('ours and the floor disagree on the first page; not timing');
  }
}

export function table(f: ListScalingFigures): string {
  const lines = [
    `| creators (accounts) | ours p50 (p99) | floor p50 | ours / floor | from 1,000 in, p50 | before: collect and slice, p50 | cold first request | db hits: page, from 1,000 in, before |`,
    `|---|---|---|---|---|---|---|---|`,
    ...f.worlds.map(
      (w) =>
        `| ${w.creators.toLocaleString('en-US')} (${w.accounts.toLocaleString('en-US')}) | ${w.ours.p50} ms (${w.ours.p99}) | ${w.floor.p50} ms | x${w.oursVsFloorP50} | ${w.deep.p50} ms | ${w.before.p50} ms | ${w.coldMs} ms | ${w.dbHits.page}, ${w.dbHits.deep}, ${w.dbHits.before} |`,
    ),
    '',
    `ours p50 at ${f.worlds[f.worlds.length - 1].creators.toLocaleString('en-US')} / at ${f.worlds[0].creators.toLocaleString('en-US')}: x${f.scaleRatioP50} (target <= ${TARGET_SCALE_RATIO}: ${f.targets.scaleRatioMet ? 'met' : 'NOT met'}); floor: x${f.floorScaleRatioP50}`,
  ];
  return lines.join('\n');
}

/** The measurement, callable from other bench modules. */
export async function listScaling(
  graph: GraphClient,
  log: (l: string) => void,
  opts: { sizes?: number[]; requests?: number; warmup?: number; inflight?: number } = {},
): Promise<ListScalingFigures> {
  const sizes = opts.sizes ?? (process.env.BENCH_SCALE_SIZES ?? '2000,50000').split(',').map(Number);
  const m = {
    requests: opts.requests ?? Number(process.env.BENCH_SCALE_REQUESTS ?? 400),
    warmup: opts.warmup ?? Number(process.env.BENCH_SCALE_WARMUP ?? 40),
    inflight: opts.inflight ?? Number(process.env.BENCH_SCALE_INFLIGHT ?? 8),
  };
  const schema = await buildApiSchema(createPubSubHandle().pubSub);
  const worlds: WorldFigures[] = [];
  try {
    for (const size of sizes) worlds.push(await measureWorld(graph, schema, size, m, log));
  } finally {
    await wipeGraph(graph);
  }
  const first = worlds[0];
  const last = worlds[worlds.length - 1];
  const scaleRatioP50 = Math.round((last.ours.p50 / first.ours.p50) * 100) / 100;
  const f: ListScalingFigures = {
    query: LIST_QUERY.replace(/\s+/g, ' '),
    inflight: m.inflight,
    warmup: m.warmup,
    worlds,
    scaleRatioP50,
    floorScaleRatioP50: Math.round((last.floor.p50 / first.floor.p50) * 100) / 100,
    targets: { scaleRatio: TARGET_SCALE_RATIO, scaleRatioMet: scaleRatioP50 <= TARGET_SCALE_RATIO },
    machine: { cpus: cpus().length, loadavg1: Math.round(loadavg()[0] * 100) / 100 },
  };
  log(table(f));
  return f;
}

export async function run(ctx: { graph: GraphClient; log: (line: string) => void }): Promise<ListScalingFigures> {
  return listScaling(ctx.graph, ctx.log);
}
