/**
 * API benchmark (issue 15): our GraphQL API against the raw-driver floor and the peer
 * (@neo4j/graphql 7), side by side in one run, on the same graph, the answers checked equal first.
 *
 * World: the seeded simulated world (seed 42, BENCH_API_CREATORS = 2,000 creators, 30 days)
 * written through the write path (src/seeding/world-graph.ts), matched, and marked backfilled as
 * the lanes mark it (graph/mark-backfilled), so the default creator list shows it.
 *
 * Servers: each in its own process (bench/api/serve.ts) with NODE_ENV=production (as the
 * Dockerfile deploys ours), all three up for the whole run and idle while another is measured:
 * ours (startApi as `npm start` runs it: auth, rate limit, query limits, deadline), the floor (hand-written Cypher per query behind bare node:http) and the peer (Apollo
 * Server on express over @neo4j/graphql's schema). The peer needs APOC Core in Neo4j; bench/run.ts
 * loads it into the bench's Neo4j only.
 *
 * Queries (bench/api/queries.ts): the creators page with accounts, the same with each account's
 * latest 5 posts, creator(id) with accounts and 20 posts (cycling over BENCH_API_SAMPLE creators
 * with both platforms). For each query and each of 8 and 32 connections, each server gets
 * BENCH_API_WARMUP s of load (not counted, disclosed) then BENCH_API_SECONDS s of autocannon;
 * its CPU time (user + system, from process.cpuUsage() in that process) over the timed window,
 * divided by the responses, is its CPU per request; Neo4j's CPU (the JVM's, from /proc, when
 * bench/run.ts passes its pid) over the same window, divided the same way, is what that server's
 * statements cost the database. The first answer of each server to each
 * query (cold: a fresh process, nothing compiled or cached yet) is recorded too.
 *
 * `node dist/bench/run.js api`. BENCH_API_CREATORS (2000), BENCH_API_SECONDS (10),
 * BENCH_API_WARMUP (3), BENCH_API_CONNECTIONS ("8,32"), BENCH_API_KINDS ("floor,peer,ours"),
 * BENCH_API_QUERIES ("list,posts,detail"), BENCH_API_SAMPLE (50), BENCH_API_PROFILE (a folder:
 * our server runs with --cpu-prof and writes its profile there).
 */
import autocannon from 'autocannon';
import neo4j from 'neo4j-driver';
import { fork, type ChildProcess } from 'node:child_process';
import { isDeepStrictEqual } from 'node:util';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { markBackfilled } from '../src/graph/creators';
import { loadConfig } from '../src/config';
import { nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import type { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { loadWorldIntoGraph } from '../src/seeding/world-graph';
import { generateWorld } from '../src/simulators/world';
import { BENCH_KEY, canonical, QUERY_LABELS, QUERY_NAMES, requestBody, type QueryName } from './api/queries';

type Kind = 'ours' | 'floor' | 'peer';
const KINDS: Kind[] = ['floor', 'peer', 'ours'];

const TARGET_P50_VS_FLOOR = 1.5;
const TARGET_RPS_VS_PEER = 1.5;

export interface Cell {
  kind: Kind;
  query: QueryName;
  connections: number;
  requests: number;
  errors: number;
  rps: number;
  p50: number;
  p90: number;
  p99: number;
  /** Server process CPU (user + system) per answered request, ms. */
  cpuMsPerRequest: number;
  /** Cypher statements our server sent per request (ours only). */
  statementsPerRequest?: number;
  /**
   * Neo4j's CPU (the JVM's user + system, from /proc) per answered request, ms: what the server's
   * statements cost the database. On 2 cores it competes with the server's own CPU, so the sum of
   * the two is what bounds throughput. Includes Neo4j's own background work over the window.
   */
  neo4jCpuMsPerRequest?: number;
}

export interface ApiBenchFigures {
  world: { seed: number; creators: number; days: number; creatorNodes: number; accounts: number; posts: number; loadSeconds: number };
  method: { seconds: number; warmupSeconds: number; connections: number[]; sample: number; tool: string };
  cold: { kind: Kind; query: QueryName; ms: number }[];
  cells: Cell[];
  ratios: {
    query: QueryName;
    connections: number;
    p50VsFloor: number;
    rpsVsPeer: number;
    p50Met: boolean;
    rpsMet: boolean;
  }[];
  targets: { p50VsFloor: number; rpsVsPeer: number; allMet: boolean };
  machine: { cpus: number; loadavgBefore: number; loadavgAfter: number; node: string };
}

interface Child {
  kind: Kind;
  proc: ChildProcess;
  port: number;
  stats(): Promise<{ cpuMs: number; roundTrips?: number }>;
  stop(): Promise<void>;
}

function startChild(kind: Kind, uri: string, profileDir?: string): Promise<Child> {
  const execArgv = kind === 'ours' && profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
  // NODE_ENV=production for all three, as the Dockerfile runs ours (graphql-js then skips its
  // development-mode checks; our config turns introspection and the playground off).
  const env = { ...process.env, NODE_ENV: 'production' };
  const proc = fork(join(__dirname, 'api', 'serve.js'), [kind, uri], { execArgv, env, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`${kind} server exited with code ${code} before listening`)));
    proc.once('message', (m: { port: number }) => {
      proc.removeAllListeners('exit');
      resolve({
        kind,
        proc,
        port: m.port,
        stats: () =>
          new Promise((res) => {
            proc.once('message', (r: { cpu: NodeJS.CpuUsage; roundTrips?: number }) =>
              res({ cpuMs: (r.cpu.user + r.cpu.system) / 1000, roundTrips: r.roundTrips }),
            );
            proc.send({ cpu: true });
          }),
        stop: () =>
          new Promise((res) => {
            if (proc.exitCode !== null) return res();
            const t = setTimeout(() => proc.kill('SIGKILL'), 15000);
            proc.once('exit', () => {
              clearTimeout(t);
              res();
            });
            proc.send({ stop: true });
          }),
      });
    });
  });
}

const url = (c: Child) => `http://127.0.0.1:${c.port}${c.kind === 'floor' ? '/' : '/graphql'}`;
const headers = (c: Child): Record<string, string> => ({
  'content-type': 'application/json',
  ...(c.kind === 'ours' ? { authorization: `Bearer ${BENCH_KEY}` } : {}),
});

async function ask(c: Child, q: QueryName, id?: string): Promise<unknown> {
  const res = await fetch(url(c), { method: 'POST', headers: headers(c), body: requestBody(c.kind, q, id) });
  const body = await res.json();
  if (!res.ok) throw new Error(`${c.kind} ${q}: HTTP ${res.status} ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** The same answer from all three, for the list queries and every sampled creator. */
async function verify(children: Child[], queries: QueryName[], sample: string[], log: (l: string) => void) {
  for (const q of queries) {
    const ids = q === 'detail' ? sample : [undefined];
    for (const id of ids) {
      const answers = await Promise.all(children.map(async (c) => ({ kind: c.kind, canon: canonical(c.kind, q, await ask(c, q, id)) })));
      const [first, ...rest] = answers;
      if (first.canon.length === 0) throw new Error(`${q}${id ? ` (${id})` : ''}: empty answer, nothing to compare`);
      for (const other of rest) {
        if (!isDeepStrictEqual(first.canon, other.canon)) {
          throw new Error(
            `${q}${id ? ` (${id})` : ''}: ${first.kind} and ${other.kind} differ:\n${JSON.stringify(first.canon).slice(0, 800)}\n${JSON.stringify(other.canon).slice(0, 800)}`,
          );
        }
      }
    }
    const n = q === 'detail' ? ids.length : 1;
    log(`verified ${q}: ${children.map((c) => c.kind).join(', ')} give the same answer${n > 1 ? ` for each of ${n} creators` : ''}`);
  }
}

function load(c: Child, q: QueryName, connections: number, seconds: number, sample: string[]): Promise<autocannon.Result> {
  let i = 0;
  const base = { method: 'POST' as const, headers: headers(c) };
  const requests =
    q === 'detail'
      ? [{ ...base, setupRequest: (r: autocannon.Request) => ({ ...r, body: requestBody(c.kind, q, sample[i++ % sample.length]) }) }]
      : [{ ...base, body: requestBody(c.kind, q) }];
  return new Promise((res, rej) => {
    autocannon({ url: url(c), connections, duration: seconds, requests, timeout: 30 }, (err, result) => (err ? rej(err) : res(result)));
  });
}

/** CPU time (user + system) of a process, ms, from /proc (Linux; clock ticks of 10 ms); null elsewhere. */
function processCpuMs(pid: number | undefined): number | null {
  if (!pid || pid < 0) return null;
  try {
    // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return null;
  }
}

async function measure(c: Child, q: QueryName, connections: number, seconds: number, warmup: number, sample: string[], neo4jPid?: number): Promise<Cell> {
  if (warmup > 0) await load(c, q, connections, warmup, sample);
  const before = await c.stats();
  const neoBefore = processCpuMs(neo4jPid);
  const r = await load(c, q, connections, seconds, sample);
  const neoAfter = processCpuMs(neo4jPid);
  const after = await c.stats();
  const answered = r.requests.total;
  const errors = r.non2xx + r.errors + r.timeouts;
  return {
    kind: c.kind,
    query: q,
    connections,
    requests: answered,
    errors,
    rps: Math.round((answered / seconds) * 10) / 10,
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    cpuMsPerRequest: Math.round(((after.cpuMs - before.cpuMs) / Math.max(1, answered)) * 100) / 100,
    statementsPerRequest:
      after.roundTrips !== undefined && before.roundTrips !== undefined
        ? Math.round(((after.roundTrips - before.roundTrips) / Math.max(1, answered)) * 100) / 100
        : undefined,
    neo4jCpuMsPerRequest:
      neoBefore !== null && neoAfter !== null ? Math.round(((neoAfter - neoBefore) / Math.max(1, answered)) * 100) / 100 : undefined,
  };
}

async function counts(graph: GraphClient) {
  const [c] = await graph.runText(
    'CALL () { MATCH (c:Creator) RETURN count(c) AS creators } CALL () { MATCH (a:Account) RETURN count(a) AS accounts } CALL () { MATCH (p:Post) RETURN count(p) AS posts } RETURN creators, accounts, posts',
  );
  return { creatorNodes: Number(c.creators), accounts: Number(c.accounts), posts: Number(c.posts) };
}

/** BENCH_API_REUSE_WORLD=1 with BENCH_NEO4J_DIR: the world an earlier run of this bench left in the store. */
async function existingWorld(graph: GraphClient, creators: number, days: number) {
  const n = await counts(graph);
  if (n.creatorNodes === 0) return buildWorld(graph, creators, days);
  return { seed: 42, creators, days, ...n, loadSeconds: -1 };
}

async function buildWorld(graph: GraphClient, creators: number, days: number) {
  await wipeGraph(graph);
  const t0 = performance.now();
  const world = generateWorld({ seed: 42, creators, days });
  await loadWorldIntoGraph(graph, world);
  await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
  // The lanes mark every account backfilled once its window is in; the direct loader wrote the whole window.
  const ids = (await graph.runText('MATCH (a:Account) RETURN a.id AS id')).map((r) => r.id as string);
  const since = new Date(world.now - days * 86400_000).toISOString();
  for (let i = 0; i < ids.length; i += 5000) await markBackfilled(graph, ids.slice(i, i + 5000), since, new Date(world.now).toISOString());
  const n = await counts(graph);
  return { seed: 42, creators, days, ...n, loadSeconds: Math.round((performance.now() - t0) / 100) / 10 };
}

const env = (name: string, dflt: string) => process.env[name] || dflt;
const fmt = (x: number, d = 1) => (Number.isFinite(x) ? x.toFixed(d) : '-');

export function table(f: ApiBenchFigures): string {
  const lines = [
    '| query | connections | ours req/s (p50) | floor req/s (p50) | peer req/s (p50) | our server CPU per request | peer\'s | floor\'s | Neo4j CPU per request ours / peer / floor | ours p50 / floor p50 | ours req/s / peer req/s |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of f.ratios) {
    const cell = (k: Kind) => f.cells.find((c) => c.kind === k && c.query === r.query && c.connections === r.connections);
    const rp = (k: Kind) => {
      const c = cell(k);
      return c ? `${fmt(c.rps, 0)} (${fmt(c.p50, 0)} ms)` : '-';
    };
    const cpu = (k: Kind) => {
      const c = cell(k);
      return c ? `${fmt(c.cpuMsPerRequest, 2)} ms` : '-';
    };
    const neo = (k: Kind) => {
      const c = cell(k);
      return c?.neo4jCpuMsPerRequest !== undefined ? fmt(c.neo4jCpuMsPerRequest, 2) : '-';
    };
    lines.push(
      `| ${QUERY_LABELS[r.query]} | ${r.connections} | ${rp('ours')} | ${rp('floor')} | ${rp('peer')} | ${cpu('ours')} | ${cpu('peer')} | ${cpu('floor')} | ${neo('ours')} / ${neo('peer')} / ${neo('floor')} ms | ${fmt(r.p50VsFloor, 2)}${r.p50Met ? '' : ' (missed)'} | ${fmt(r.rpsVsPeer, 2)}${r.rpsMet ? '' : ' (missed)'} |`,
    );
  }
  return lines.join('\n');
}

export async function run(ctx: { graph: GraphClient; log: (l: string) => void; neo4jUri?: string; neo4jPid?: number }): Promise<ApiBenchFigures> {
  const { graph, log } = ctx;
  const loadBefore = loadavg()[0];
  const creators = Number(env('BENCH_API_CREATORS', '2000'));
  const seconds = Number(env('BENCH_API_SECONDS', '10'));
  const warmup = Number(env('BENCH_API_WARMUP', '3'));
  const connections = env('BENCH_API_CONNECTIONS', '8,32').split(',').map(Number);
  const kinds = env('BENCH_API_KINDS', KINDS.join(',')).split(',') as Kind[];
  const queries = env('BENCH_API_QUERIES', QUERY_NAMES.join(',')).split(',') as QueryName[];
  const sampleSize = Number(env('BENCH_API_SAMPLE', '50'));

  const world = process.env.BENCH_API_REUSE_WORLD === '1' ? await existingWorld(graph, creators, 30) : await buildWorld(graph, creators, 30);
  log(
    `world: seed 42, ${creators} creators x 30 days -> ${world.creatorNodes} creators, ${world.accounts} accounts, ${world.posts} posts (${world.loadSeconds < 0 ? 'reused from an earlier run (BENCH_API_REUSE_WORLD)' : `written, matched and marked backfilled in ${world.loadSeconds} s`})`,
  );
  const [{ ids }] = (await graph.read('bench/api-sample-creators', { step: neo4j.int(7), n: neo4j.int(sampleSize) })) as { ids: string[] }[];
  const sample = ids;

  const bolt = ctx.neo4jUri;
  if (!bolt) throw new Error('the api bench needs the bench Neo4j address (bench/run.ts passes it)');
  const children: Child[] = [];
  try {
    for (const k of kinds) children.push(await startChild(k, bolt, process.env.BENCH_API_PROFILE));
    // Cold: each fresh server's first answer to each query.
    const cold: ApiBenchFigures['cold'] = [];
    for (const q of queries) {
      for (const c of children) {
        const t0 = performance.now();
        await ask(c, q, sample[0]);
        cold.push({ kind: c.kind, query: q, ms: Math.round((performance.now() - t0) * 10) / 10 });
      }
    }
    log(`cold (first answer of a fresh server): ${cold.map((c) => `${c.kind} ${c.query} ${c.ms} ms`).join(', ')}`);
    await verify(children, queries, sample, log);

    const cells: Cell[] = [];
    for (const q of queries) {
      for (const n of connections) {
        for (const c of children) {
          const cell = await measure(c, q, n, seconds, warmup, sample, ctx.neo4jPid);
          cells.push(cell);
          log(
            `${q.padEnd(6)} ${String(n).padStart(2)} conns ${c.kind.padEnd(5)}: ${fmt(cell.rps)} req/s, p50 ${cell.p50} ms, p99 ${cell.p99} ms, CPU ${fmt(cell.cpuMsPerRequest, 2)} ms/req${cell.neo4jCpuMsPerRequest !== undefined ? `, Neo4j CPU ${fmt(cell.neo4jCpuMsPerRequest, 2)} ms/req` : ''}${cell.statementsPerRequest !== undefined ? `, ${cell.statementsPerRequest} statements/req` : ''}${cell.errors ? `, ${cell.errors} ERRORS` : ''}`,
          );
        }
      }
    }
    const ratios: ApiBenchFigures['ratios'] = [];
    for (const q of queries) {
      for (const n of connections) {
        const get = (k: Kind) => cells.find((c) => c.kind === k && c.query === q && c.connections === n);
        const [o, f, p] = [get('ours'), get('floor'), get('peer')];
        const p50VsFloor = o && f ? Math.round((o.p50 / f.p50) * 100) / 100 : NaN;
        const rpsVsPeer = o && p ? Math.round((o.rps / p.rps) * 100) / 100 : NaN;
        ratios.push({ query: q, connections: n, p50VsFloor, rpsVsPeer, p50Met: p50VsFloor <= TARGET_P50_VS_FLOOR, rpsMet: rpsVsPeer >= TARGET_RPS_VS_PEER });
      }
    }
    const out: ApiBenchFigures = {
      world,
      method: { seconds, warmupSeconds: warmup, connections, sample: sample.length, tool: 'autocannon 9 (in the bench process), each server in its own process' },
      cold,
      cells,
      ratios,
      targets: { p50VsFloor: TARGET_P50_VS_FLOOR, rpsVsPeer: TARGET_RPS_VS_PEER, allMet: ratios.every((r) => r.p50Met && r.rpsMet) },
      machine: { cpus: cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadavg()[0], node: process.version },
    };
    log(table(out));
    log(
      `targets: ours p50 within x${TARGET_P50_VS_FLOOR} of the floor and ours req/s at least x${TARGET_RPS_VS_PEER} the peer's: ${out.targets.allMet ? 'met' : 'NOT all met'} (warm-up ${warmup} s per cell, ${seconds} s timed; load average ${loadBefore.toFixed(2)} -> ${out.machine.loadavgAfter.toFixed(2)})`,
    );
    return out;
  } finally {
    for (const c of children) await c.stop();
  }
}
