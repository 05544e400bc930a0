/**
 * Fault: a lane worker process is killed (SIGKILL) mid-batch with REDIS_URL (BullMQ queues). The
 * jobs it held run again on a new worker process, and the graph ends equal to the simulated world
 * (the ground truth) with nothing written twice: the lanes' writes are idempotent.
 *
 * The workers are child processes (test/faults/support/lane-worker.ts, compiled by `npm test`'s
 * pretest); this process only enqueues, through lanes that run no jobs. The kill is triggered by
 * the first posts batch worker A reports written, the jobs A held are read from Redis (still
 * `active`, their lock lapsing), and B takes them once its stalled-job check finds them. The
 * queues live under a key prefix of this run's own, deleted afterwards.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { backfillAccounts, type BackfillAccount } from '../../src/ingest/backfill';
import type { PlatformSync } from '../../src/ingest/lane';
import { createLanes, type Lanes } from '../../src/ingest/lanes';
import type { Platform } from '../../src/graph/model';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { createProviderClients, type ProviderClients } from '../../src/providers';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators, type Simulators } from '../../src/simulators/start';
import { generateWorld, type SimAccount, type World } from '../../src/simulators/world';
import { freshGraph, workerNeo4jUri } from '../support/graph';

jest.setTimeout(180_000);

const REDIS_URL = process.env.CG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PREFIX = `cg-test-kill-${process.pid}-${randomUUID().slice(0, 8)}`;
const WORKER = join(__dirname, '..', '..', 'dist', 'test', 'faults', 'support', 'lane-worker.js');
const WORLD_DAYS = 5;
/** A dead worker's job is free again this long after its last lock renewal; B looks for such jobs every second. */
const LOCK_MS = 5000;
const STALLED_MS = 1000;

const jobKey = (platform: Platform, kind: string, ids: string[]) => `${platform}:${kind}:${[...ids].sort().join(',')}`;

interface WorkerEvent {
  event: 'ready' | 'active' | 'wrote' | 'done';
  job?: string;
  active?: string[];
}

interface WorkerProc {
  child: ChildProcess;
  events: WorkerEvent[];
  exited: Promise<number | null>;
  /** Resolves with the first event (already seen or to come) that `pred` accepts; rejects on exit or after `ms`. */
  waitFor(pred: (e: WorkerEvent) => boolean, ms: number, what: string): Promise<WorkerEvent>;
  /** Called synchronously on every event as it arrives. */
  onEvent?: (e: WorkerEvent) => void;
  output(): string;
}

const workers: WorkerProc[] = [];

function startWorker(): WorkerProc {
  const child = spawn(process.execPath, [WORKER], {
    env: {
      PATH: process.env.PATH,
      CG_NEO4J_URI: workerNeo4jUri(),
      CG_REDIS_URL: REDIS_URL,
      CG_PREFIX: PREFIX,
      CG_TIKLIVE_URL: sims.tiklive.url,
      CG_X_URL: sims.x.url,
      CG_WORLD_NOW: String(world.now),
      CG_LOCK_MS: String(LOCK_MS),
      CG_STALLED_MS: String(STALLED_MS),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: WorkerEvent[] = [];
  const listeners = new Set<() => void>();
  let stderr = '';
  let buf = '';
  const proc: WorkerProc = {
    child,
    events,
    exited: new Promise((res) => child.once('exit', (code) => res(code))),
    waitFor(pred, ms, what) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.find(pred);
          if (!hit) return false;
          done();
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`${what}: not within ${ms} ms\n${stderr}`));
        }, ms);
        const onExit = () => {
          if (check()) return;
          done();
          reject(new Error(`${what}: the worker exited first\n${stderr}`));
        };
        const done = () => {
          clearTimeout(timer);
          listeners.delete(listener);
          child.off('exit', onExit);
        };
        const listener = () => void check();
        if (check()) return;
        listeners.add(listener);
        child.once('exit', onExit);
      });
    },
    output: () => stderr,
  };
  child.stdout!.on('data', (d: Buffer) => {
    buf += d.toString();
    let nl: number;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const e = JSON.parse(line) as WorkerEvent;
      events.push(e);
      proc.onEvent?.(e);
      for (const l of [...listeners]) l();
    }
  });
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  workers.push(proc);
  return proc;
}

let graph: GraphClient;
let world: World;
let sims: Simulators;
let clients: ProviderClients;
let producer: Lanes;

async function deleteKeys(): Promise<number> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 3 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${PREFIX}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
  return deleted;
}

/** Jobs BullMQ lists as active (held by a worker) in both lanes' queues, as job keys. */
async function activeJobs(): Promise<string[]> {
  const out: string[] = [];
  for (const [platform, name] of [['TIKTOK', 'ingest-tiktok'], ['X', 'ingest-x']] as const) {
    const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const q = new Queue(name, { connection, prefix: PREFIX });
    try {
      for (const j of await q.getActive()) {
        const d = j.data as { kind: string; userIds?: string[]; refs?: { userId?: string }[] };
        out.push(jobKey(platform, d.kind, d.userIds ?? (d.refs ?? []).map((r) => r.userId ?? '')));
      }
    } finally {
      await q.close();
      await connection.quit().catch(() => connection.disconnect());
    }
  }
  return out.sort();
}

beforeAll(async () => {
  expect(existsSync(WORKER)).toBe(true); // compiled by `npm test`'s pretest (npm run build:ts)
  graph = await freshGraph();
  world = generateWorld({ seed: 11, creators: 10, days: WORLD_DAYS, malformedRate: 0 });
  sims = await startSimulators(world, { clock: () => world.now, tiklive: { rateLimit: 100_000 } });
  // A few ms per request: jobs last long enough to be caught in the middle.
  sims.tiklive.setMode({ latencyMs: 10 });
  sims.x.setMode({ latencyMs: 10 });
  clients = createProviderClients({
    tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY },
    x: { baseUrl: sims.x.url, bearerToken: DEFAULT_X_TOKEN },
  });
  const never: PlatformSync = {
    profiles: () => Promise.reject(new Error('the producer runs no jobs')),
    posts: () => Promise.reject(new Error('the producer runs no jobs')),
  };
  producer = createLanes({ clients, sync: { TIKTOK: never, X: never }, redisUrl: REDIS_URL, keyPrefix: PREFIX, work: false, logger: silentLogger });
}, 60_000);

afterAll(async () => {
  for (const w of workers) {
    if (w.child.exitCode === null && w.child.signalCode === null) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
  }
  await producer?.close();
  await clients?.close();
  await sims?.close();
  await deleteKeys();
  await graph?.close();
}, 60_000);

it('runs the jobs of a worker killed mid-batch again on a new worker; the graph equals the world, nothing twice', async () => {
  const live = (acc: SimAccount | null): acc is SimAccount => !!acc && !acc.private && acc.deletedAt === null;
  const byPlatform: Record<Platform, SimAccount[]> = {
    TIKTOK: world.creators.map((c) => c.tiktok).filter(live),
    X: world.creators.map((c) => c.x).filter(live),
  };
  const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));

  const a = startWorker();
  await a.waitFor((e) => e.event === 'ready', 60_000, 'worker A ready');

  // Profiles through A, undisturbed.
  const profileResults = await Promise.all(
    (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
      chunks(byPlatform[platform], 3).map((part) => producer.get(platform).run({ kind: 'profiles', refs: part.map((acc) => ({ userId: acc.id })) })),
    ),
  );
  expect(profileResults.flatMap((r) => r.errors)).toEqual([]);
  const accounts: BackfillAccount[] = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
    byPlatform[platform].map((acc) => ({ accountId: `${platform === 'TIKTOK' ? 'tiktok' : 'x'}:${acc.id}`, platform, platformUserId: acc.id })),
  );

  // The backfill: on A's first posts batch written, SIGKILL it at once (from the stdout handler).
  let killedAt = 0;
  const t0 = Date.now();
  a.onEvent = (e) => {
    if (e.event === 'wrote' && !killedAt) {
      a.child.kill('SIGKILL');
      killedAt = Date.now() - t0;
    }
  };
  const backfill = backfillAccounts({ graph, lanes: producer, now: () => new Date(world.now) }, accounts, { days: WORLD_DAYS + 1, chunkSize: 2 });
  await a.waitFor((e) => e.event === 'wrote', 60_000, 'worker A writing posts');
  await a.exited;
  expect(a.child.signalCode).toBe('SIGKILL');

  // What A held when it died: still `active` in Redis (nobody has taken them back yet). Every job
  // A had started and not finished is among them (a job it had just taken, or just finished but
  // not yet reported to Redis, may be too).
  const heldAtKill = await activeJobs();
  const unfinished = a.events
    .filter((e) => e.event === 'active' && !a.events.some((d) => d.event === 'done' && d.job === e.job))
    .map((e) => e.job!);
  expect(unfinished.length).toBeGreaterThan(0);
  expect(unfinished.filter((j) => !heldAtKill.includes(j))).toEqual([]);
  const postsBeforeKill = Number((await graph.runText('MATCH (p:Post) RETURN count(p) AS n'))[0].n);

  // A new worker: it takes the waiting jobs at once, and A's once their locks lapse.
  const b = startWorker();
  const summary = await backfill;
  const recoveredAt = Date.now() - t0;
  expect(summary.failed).toEqual([]);
  expect(new Set(summary.done)).toEqual(new Set(accounts.map((x) => x.accountId)));
  const doneBy = (w: WorkerProc) => w.events.filter((e) => e.event === 'done').map((e) => e.job!);
  for (const job of heldAtKill) expect([job, doneBy(b).includes(job)]).toEqual([job, true]);
  const postJobs = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
    chunks(accounts.filter((x) => x.platform === platform), 2).map((part) => jobKey(platform, 'posts', part.map((x) => x.platformUserId))),
  );
  expect(new Set([...doneBy(a), ...doneBy(b)].filter((j) => j.includes(':posts:')))).toEqual(new Set(postJobs));
  expect(await activeJobs()).toEqual([]);

  // Ground truth: every account once, every visible post of theirs once, authored once.
  const accRows = await graph.runText('MATCH (n:Account) RETURN n.id AS id, count(*) AS c');
  expect(accRows.filter((r) => Number(r.c) !== 1)).toEqual([]);
  expect(new Set(accRows.map((r) => r.id as string))).toEqual(new Set(accounts.map((x) => x.accountId)));
  const postRows = await graph.runText('MATCH (p:Post) RETURN p.id AS id, count(*) AS c');
  expect(postRows.filter((r) => Number(r.c) !== 1)).toEqual([]);
  const expectedPosts = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) => {
    const data = platform === 'TIKTOK' ? world.tiktok : world.x;
    const prefix = platform === 'TIKTOK' ? 'tiktok' : 'x';
    return byPlatform[platform].flatMap((acc) =>
      (data.postsByAuthor.get(acc.id) ?? []).filter((p) => p.createdAt <= world.now).map((p) => `${prefix}:${p.id}`),
    );
  });
  expect(expectedPosts.length).toBeGreaterThan(30);
  expect(postsBeforeKill).toBeLessThan(expectedPosts.length);
  const stored = new Set(postRows.map((r) => r.id as string));
  expect(expectedPosts.filter((id) => !stored.has(id))).toEqual([]);
  const authored = await graph.runText(
    'MATCH (a:Account)-[r:POSTED]->(p:Post) WHERE a.id IN $ids RETURN count(r) AS edges, count(DISTINCT p) AS posts',
    { ids: accounts.map((x) => x.accountId) },
  );
  expect(Number(authored[0].posts)).toBe(expectedPosts.length);
  expect(Number(authored[0].edges)).toBe(expectedPosts.length);

  console.log(
    `[fault worker kill] worker A killed (SIGKILL) at ${killedAt} ms on its first posts batch, holding ${heldAtKill.length} active job(s) ` +
      `(${postsBeforeKill} posts in the graph then); worker B ran them again and the backfill finished at ${recoveredAt} ms ` +
      `with 0 failures; A finished ${doneBy(a).length} jobs, B ${doneBy(b).length}; ${postJobs.length} posts jobs; ` +
      `${accounts.length} accounts and ${expectedPosts.length} posts = ground truth, none duplicated`,
  );
});
