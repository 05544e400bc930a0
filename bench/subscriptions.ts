/**
 * Subscriptions at scale (issue 15): 1,000 graphql-ws clients subscribed to `matchChanged` with
 * the review desk's own document (src/web/review/documents.ts: the match, its two accounts and its
 * evidence), and the time from sending `approveMatch` to the LAST of them receiving the event.
 *
 * The API runs in child processes (this file, forked with `serve`: startApi with the same wiring as
 * `npm start` minus ingestion), so the server's memory is measured apart from the 1,000 clients,
 * which live in this process. Two set-ups, one after the other:
 * - in-process: one API instance, in-process pub/sub; approvals and subscribers on it;
 * - redis: two API instances sharing Redis pub/sub (REDIS_URL); approvals go to A, all subscribers
 *   are on B, so every event crosses Redis before the fan-out.
 * Floor: the same approval as one hand-written Cypher statement (set the status, read what the desk
 * shows) and its event as one JSON message, serialised once and sent over plain `ws` to the same
 * number of sockets (no GraphQL, no read per subscriber): what the fan-out costs on this machine
 * before any of our work. The peer named by issue 15
 * (@neo4j/graphql) needs Neo4j Enterprise change data capture for subscriptions and polls it every
 * 1,000 ms; it is not run here.
 *
 * Per set-up: WARMUP approvals first (disclosed, not counted), then APPROVALS timed ones, one at a
 * time; each waits for every client to receive its event before the next starts. Memory per idle
 * subscriber: the subscriber instance's heap and RSS after a forced GC, before the clients connect
 * and once all are live (each client is one socket with one subscription), divided by the clients.
 *
 * Run alone: `npm run build && node dist/bench/run.js subscriptions`. BENCH_SUBS_CLIENTS (1000),
 * BENCH_SUBS_APPROVALS (100), BENCH_SUBS_WARMUP (5), BENCH_SUBS_CREATORS (120), REDIS_URL
 * (redis://127.0.0.1:6379); BENCH_SUBS_ONLY and BENCH_SUBS_PROF for investigating.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { createClient, type Client } from 'graphql-ws';
import WebSocket, { WebSocketServer } from 'ws';
import { createPubSubHandle, MATCH_CHANGED } from '../src/api/pubsub';
import { buildApiSchema } from '../src/api/schema';
import { startApi } from '../src/api/server';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { makeEvent, nullBus } from '../src/matching/events';
import { runMatching } from '../src/matching/run';
import { createDriver } from '../src/neo4j/driver';
import { GraphClient } from '../src/neo4j/graph-client';
import { wipeGraph } from '../src/neo4j/wipe';
import { loadWorldIntoGraph } from '../src/seeding/world-graph';
import { generateWorld } from '../src/simulators/world';
import { APPROVE_MUTATION, MATCH_CHANGED_SUBSCRIPTION } from '../src/web/review/documents';

const TARGET_P99_MS = 250;
const KEY = 'bench-admin-key-0123456789abcdef';

interface Mem {
  heapUsed: number;
  rss: number;
}

export interface FanoutFigures {
  setup: 'in-process' | 'redis' | 'floor (plain ws)';
  instances: number;
  clients: number;
  warmup: number;
  approvals: number;
  /** Send of approveMatch to the last client holding the event, per approval. */
  lastMs: { p50: number; p99: number; max: number };
  /** Send to the first client holding it. */
  firstMs: { p50: number; p99: number };
  /** The mutation's own HTTP round trip. */
  mutationMs: { p50: number };
  /** Of the subscriber instance, per idle subscriber (one socket, one subscription). */
  memoryPerSubscriber?: { heapBytes: number; rssBytes: number };
}

export interface SubscriptionBenchFigures {
  world: { creators: number; accounts: number; matches: number };
  results: FanoutFigures[];
  target: { p99Ms: number; met: Record<string, boolean> };
  machine: { cpus: number; loadavgBefore: number; loadavgAfter: number };
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (x: number) => Math.round(x * 10) / 10;

// ---- the child: one API instance --------------------------------------------------------------

type ToChild = { type: 'mem'; id: number } | { type: 'canary'; id: number; matchId: string } | { type: 'floor'; id: number; matchId: string } | { type: 'close'; id: number };
type Request = ToChild extends infer T ? (T extends ToChild ? Omit<T, 'id'> : never) : never;
type FromChild = { type: 'ready'; url: string; wsUrl: string; floorUrl: string } | { type: 'done'; id: number; mem?: Mem; sockets?: number };

async function serve(): Promise<void> {
  const redisUrl = process.env.BENCH_SUBS_REDIS || undefined;
  const config = loadConfig({ LOG_LEVEL: 'silent', NEO4J_URI: process.env.BENCH_SUBS_NEO4J!, API_KEYS: `admin:${KEY}`, RATE_LIMIT_PER_MINUTE: '100000000', PORT: '0', HOST: '127.0.0.1', ...(redisUrl ? { REDIS_URL: redisUrl } : {}) });
  const graph = new GraphClient(createDriver({ uri: process.env.BENCH_SUBS_NEO4J! }));
  const pubsub = createPubSubHandle(redisUrl);
  const api = await startApi(await buildApiSchema(pubsub.pubSub), { config, graph, bus: pubsub.bus, logger: silentLogger }, { port: 0, host: '127.0.0.1' });
  // The floor's sockets: a bare ws server that sends one precomputed message to every socket.
  const floor = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  await new Promise((r) => floor.once('listening', r));
  const send = (m: FromChild) => process.send!(m);
  process.on('message', async (m: ToChild) => {
    if (m.type === 'mem') {
      global.gc?.();
      global.gc?.();
      const u = process.memoryUsage();
      send({ type: 'done', id: m.id, mem: { heapUsed: u.heapUsed, rss: u.rss } });
    } else if (m.type === 'canary') {
      pubsub.pubSub.publish(MATCH_CHANGED, makeEvent({ matchId: m.matchId, kind: 'SCORE_CHANGED', previousStatus: null, previousScore: null, status: 'PENDING', score: 0, note: 'canary' }));
      send({ type: 'done', id: m.id });
    } else if (m.type === 'floor') {
      // The floor's approval: one statement sets the status and reads what the desk shows; the
      // event is serialised once and the same bytes go to every socket.
      const rows = await graph.runText(
        'MATCH (t:Account)-[m:MATCHED_TO {id: $id}]->(x:Account) SET m.status = "MANUAL", m.updatedAt = datetime() RETURN m.id AS id, m.score AS score, m.status AS status, m.evidence AS evidence, [t {.id, .platform, .username, .displayName, .bio, .bioLink, .followers, .avatarUrl, .profileUrl}, x {.id, .platform, .username, .displayName, .bio, .bioLink, .followers, .avatarUrl, .profileUrl}] AS accounts',
        { id: m.matchId },
      );
      const msg = JSON.stringify({ type: 'next', payload: { data: { matchChanged: { kind: 'APPROVED', match: rows[0] } } } });
      for (const s of floor.clients) s.send(msg);
      send({ type: 'done', id: m.id, sockets: floor.clients.size });
    } else if (m.type === 'close') {
      floor.close();
      await api.close();
      await pubsub.close();
      await graph.close();
      send({ type: 'done', id: m.id });
      process.exit(0);
    }
  });
  send({ type: 'ready', url: api.url, wsUrl: api.wsUrl, floorUrl: `ws://127.0.0.1:${(floor.address() as { port: number }).port}` });
}

interface Instance {
  url: string;
  wsUrl: string;
  floorUrl: string;
  ask(m: Request): Promise<FromChild & { type: 'done' }>;
  child: ChildProcess;
}

async function startInstance(neo4jUri: string, redisUrl: string | undefined): Promise<Instance> {
  const child = fork(__filename, ['serve'], {
    // BENCH_SUBS_PROF=<dir>: CPU profiles of the API instances (for finding where fan-out time goes).
    execArgv: ['--expose-gc', ...(process.env.BENCH_SUBS_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SUBS_PROF}`] : [])],
    env: { ...process.env, BENCH_SUBS_NEO4J: neo4jUri, BENCH_SUBS_REDIS: redisUrl ?? '' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (m: FromChild & { type: 'done' }) => void>();
  let next = 0;
  const ready = new Promise<FromChild & { type: 'ready' }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench API instance exited with ${code}`)));
    child.on('message', (m: FromChild) => (m.type === 'ready' ? resolve(m) : waiting.get(m.id)?.(m)));
  });
  const r = await ready;
  return {
    ...r,
    child,
    ask: (m) =>
      new Promise((resolve) => {
        const id = ++next;
        waiting.set(id, resolve);
        child.send({ ...m, id });
      }),
  };
}

// ---- the clients -------------------------------------------------------------------------------

/**
 * Arrival times (performance.now()) of each client's APPROVED events, in order, and a wait for the
 * k-th event to have reached every client that wakes on the last arrival (no polling: the clients
 * share this process with nothing else to do, and a busy wait would take a core from the servers).
 */
class Arrivals {
  readonly times: number[][];
  private readonly counts: number[] = [];
  private readonly waiters = new Map<number, () => void>();
  constructor(readonly clients: number) {
    this.times = Array.from({ length: clients }, () => []);
  }
  record(client: number, at: number): void {
    const k = this.times[client].push(at) - 1;
    this.counts[k] = (this.counts[k] ?? 0) + 1;
    if (this.counts[k] === this.clients) this.waiters.get(k)?.();
  }
  /** Resolves once every client holds event `k` (0-based); refuses after a minute. */
  all(k: number): Promise<void> {
    if ((this.counts[k] ?? 0) === this.clients) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`only ${this.counts[k] ?? 0} of ${this.clients} clients received event ${k + 1}`)), 60_000);
      this.waiters.set(k, () => {
        clearTimeout(timer);
        this.waiters.delete(k);
        resolve();
      });
    });
  }
}

async function subscribeAll(wsUrl: string, n: number, canary: () => Promise<unknown>): Promise<{ clients: Client[]; arrivals: Arrivals }> {
  const arrivals = new Arrivals(n);
  const live = new Array<boolean>(n).fill(false);
  const errors: unknown[] = [];
  const clients: Client[] = [];
  for (let i = 0; i < n; i++) {
    const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, connectionParams: { authorization: `Bearer ${KEY}` } });
    clients.push(client);
    client.subscribe(
      { query: MATCH_CHANGED_SUBSCRIPTION },
      {
        next: (v: { data?: { matchChanged?: { kind: string } } | null; errors?: unknown }) => {
          const at = performance.now();
          if (v.errors) errors.push(v.errors);
          const kind = v.data?.matchChanged?.kind;
          if (kind === 'APPROVED') arrivals.record(i, at);
          else if (kind === 'SCORE_CHANGED') live[i] = true;
        },
        error: (e) => errors.push(e),
        complete: () => undefined,
      },
    );
    // Connect in slices: 1,000 simultaneous handshakes would measure the accept queue, not fan-out.
    if (i % 50 === 49) await new Promise((r) => setImmediate(r));
  }
  // Live once every client has seen a canary event (published again until then).
  const deadline = Date.now() + 120_000;
  while (live.some((x) => !x)) {
    if (errors.length > 0) throw new Error(`subscription failed: ${JSON.stringify(errors[0]).slice(0, 500)}`);
    if (Date.now() > deadline) throw new Error(`only ${live.filter(Boolean).length} of ${n} subscriptions went live`);
    await canary();
    await new Promise((r) => setTimeout(r, 200));
  }
  return { clients, arrivals };
}

async function timeApprovals(
  approve: (matchId: string) => Promise<void>,
  arrivals: Arrivals,
  matchIds: string[],
  warmup: number,
  approvals: number,
): Promise<Pick<FanoutFigures, 'lastMs' | 'firstMs' | 'mutationMs'>> {
  const last: number[] = [];
  const first: number[] = [];
  const mutation: number[] = [];
  for (let k = 0; k < warmup + approvals; k++) {
    const t0 = performance.now();
    await approve(matchIds[k % matchIds.length]);
    const tm = performance.now() - t0;
    await arrivals.all(k);
    if (k < warmup) continue;
    const got = arrivals.times.map((a) => a[k] - t0);
    last.push(Math.max(...got));
    first.push(Math.min(...got));
    mutation.push(tm);
  }
  return {
    lastMs: { p50: round(quantile(last, 0.5)), p99: round(quantile(last, 0.99)), max: round(Math.max(...last)) },
    firstMs: { p50: round(quantile(first, 0.5)), p99: round(quantile(first, 0.99)) },
    mutationMs: { p50: round(quantile(mutation, 0.5)) },
  };
}

async function graphqlApprove(url: string, id: string): Promise<void> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` }, body: JSON.stringify({ query: APPROVE_MUTATION, variables: { id } }) });
  const body = (await res.json()) as { errors?: unknown };
  if (body.errors) throw new Error(`approveMatch failed: ${JSON.stringify(body.errors).slice(0, 300)}`);
}

async function fanout(
  setup: 'in-process' | 'redis',
  neo4jUri: string,
  redisUrl: string,
  opts: { clients: number; warmup: number; approvals: number; matchIds: string[] },
  log: (l: string) => void,
): Promise<FanoutFigures> {
  const a = await startInstance(neo4jUri, setup === 'redis' ? redisUrl : undefined);
  const b = setup === 'redis' ? await startInstance(neo4jUri, redisUrl) : a;
  const subs: Client[] = [];
  try {
    const before = (await b.ask({ type: 'mem' })).mem!;
    // The canary goes in where approvals go in (A), so through Redis in the redis set-up.
    const { clients, arrivals } = await subscribeAll(b.wsUrl, opts.clients, () => a.ask({ type: 'canary', matchId: opts.matchIds[0] }));
    subs.push(...clients);
    const after = (await b.ask({ type: 'mem' })).mem!;
    // The canaries each client got are not APPROVED events: the arrays hold approvals only.
    const timed = await timeApprovals((id) => graphqlApprove(a.url, id), arrivals, opts.matchIds, opts.warmup, opts.approvals);
    const out: FanoutFigures = {
      setup,
      instances: setup === 'redis' ? 2 : 1,
      clients: opts.clients,
      warmup: opts.warmup,
      approvals: opts.approvals,
      ...timed,
      memoryPerSubscriber: { heapBytes: Math.round((after.heapUsed - before.heapUsed) / opts.clients), rssBytes: Math.round((after.rss - before.rss) / opts.clients) },
    };
    log(
      `${setup.padEnd(10)} ${opts.clients} clients: last client p50 ${out.lastMs.p50} ms, p99 ${out.lastMs.p99} ms (max ${out.lastMs.max}); first p50 ${out.firstMs.p50} ms; mutation p50 ${out.mutationMs.p50} ms; ` +
        `per idle subscriber ${(out.memoryPerSubscriber!.heapBytes / 1024).toFixed(1)} KiB heap, ${(out.memoryPerSubscriber!.rssBytes / 1024).toFixed(1)} KiB RSS`,
    );
    return out;
  } finally {
    await Promise.all(subs.map((c) => c.dispose()));
    await a.ask({ type: 'close' });
    if (b !== a) await b.ask({ type: 'close' });
  }
}

/** The floor: the subscriber instance sends one precomputed message per event to plain sockets. */
async function floorFanout(neo4jUri: string, opts: { clients: number; warmup: number; approvals: number; matchIds: string[] }, log: (l: string) => void): Promise<FanoutFigures> {
  const a = await startInstance(neo4jUri, undefined);
  const sockets: WebSocket[] = [];
  try {
    const arrivals = new Arrivals(opts.clients);
    for (let i = 0; i < opts.clients; i++) {
      const s = new WebSocket(a.floorUrl);
      s.on('message', () => arrivals.record(i, performance.now()));
      sockets.push(s);
      await new Promise((r, j) => (s.once('open', r), s.once('error', j)));
    }
    const timed = await timeApprovals(async (id) => void (await a.ask({ type: 'floor', matchId: id })), arrivals, opts.matchIds, opts.warmup, opts.approvals);
    log(`floor      ${opts.clients} plain ws sockets, one read and one message per event: last client p50 ${timed.lastMs.p50} ms, p99 ${timed.lastMs.p99} ms (max ${timed.lastMs.max})`);
    return { setup: 'floor (plain ws)', instances: 1, clients: opts.clients, warmup: opts.warmup, approvals: opts.approvals, ...timed };
  } finally {
    for (const s of sockets) s.close();
    await a.ask({ type: 'close' });
  }
}

export async function run(ctx: { graph: GraphClient; log: (l: string) => void; neo4jUri?: string }): Promise<SubscriptionBenchFigures> {
  const { graph, log } = ctx;
  if (!ctx.neo4jUri) throw new Error('the subscriptions bench starts API instances of its own: run it through bench/run.ts (it passes neo4jUri)');
  const loadBefore = loadavg()[0];
  const clients = Number(process.env.BENCH_SUBS_CLIENTS ?? 1000);
  const approvals = Number(process.env.BENCH_SUBS_APPROVALS ?? 100);
  const warmup = Number(process.env.BENCH_SUBS_WARMUP ?? 5);
  const creators = Number(process.env.BENCH_SUBS_CREATORS ?? 120);
  const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

  await wipeGraph(graph);
  const world = generateWorld({ creators, seed: 42 });
  const loaded = await loadWorldIntoGraph(graph, world);
  await runMatching(graph, nullBus, { matching: loadConfig({ LOG_LEVEL: 'silent' }).matching });
  const matchIds = (await graph.runText('MATCH ()-[m:MATCHED_TO]->() RETURN m.id AS id ORDER BY m.status = "PENDING" DESC, m.id LIMIT 200')).map((r) => r.id as string);
  if (matchIds.length === 0) throw new Error('the bench world has no matches to approve');
  log(`world: ${creators} creators, ${loaded.accounts} accounts, ${matchIds.length} matches approved in turn; ${clients} clients, ${warmup} warm-up approvals (not counted), ${approvals} timed`);
  const opts = { clients, warmup, approvals, matchIds };
  try {
    // BENCH_SUBS_ONLY=in-process (or redis): that set-up alone, after the floor.
    const only = process.env.BENCH_SUBS_ONLY;
    const results = [await floorFanout(ctx.neo4jUri, opts, log)];
    for (const setup of ['in-process', 'redis'] as const) if (!only || only === setup) results.push(await fanout(setup, ctx.neo4jUri, redisUrl, opts, log));
    const floor = results[0].lastMs.p50;
    for (const r of results.slice(1)) log(`${r.setup}: last-client p50 ${round(r.lastMs.p50 / floor)}x the floor's`);
    const out: SubscriptionBenchFigures = {
      world: { creators, accounts: loaded.accounts, matches: matchIds.length },
      results,
      target: { p99Ms: TARGET_P99_MS, met: Object.fromEntries(results.slice(1).map((r) => [r.setup, r.lastMs.p99 < TARGET_P99_MS])) },
      machine: { cpus: cpus().length, loadavgBefore: loadBefore, loadavgAfter: loadavg()[0] },
    };
    log(`target p99 < ${TARGET_P99_MS} ms: ${Object.entries(out.target.met).map(([k, v]) => `${k} ${v ? 'met' : 'MISSED'}`).join(', ')} (load average ${loadBefore.toFixed(2)} -> ${out.machine.loadavgAfter.toFixed(2)})`);
    return out;
  } finally {
    await wipeGraph(graph);
  }
}

if (require.main === module && process.argv[2] === 'serve') void serve();
