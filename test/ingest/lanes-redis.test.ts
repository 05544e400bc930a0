/**
 * The lanes' BullMQ path (REDIS_URL set): two lane runtimes sharing nothing but Redis (as two
 * worker processes would) and the graph take one backfill, enqueued through only one of them,
 * between them. Every job runs exactly once, both runtimes' workers run some, and every account
 * and post lands in the graph exactly once.
 *
 * Needs the Redis at 127.0.0.1:6379; each run uses its own key prefix and deletes its keys.
 */
import IORedis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { backfillAccounts, type BackfillAccount } from '../../src/ingest/backfill';
import type { LaneJob, PlatformSync, SyncResult } from '../../src/ingest/lane';
import { createLanes, type Lanes } from '../../src/ingest/lanes';
import { syncTikTokPosts, syncXPosts } from '../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../src/ingest/profile-sync';
import { type IngestContext } from '../../src/ingest/sync';
import type { Platform } from '../../src/graph/model';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { createProviderClients, type ProviderClients } from '../../src/providers';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN, startSimulators, type Simulators } from '../../src/simulators/start';
import { generateWorld, type SimAccount, type World } from '../../src/simulators/world';
import { freshGraph } from '../support/graph';

const REDIS_URL = 'redis://127.0.0.1:6379';
const PREFIX = `cg-test-lanes-${process.pid}-${randomUUID().slice(0, 8)}`;
const WORLD_DAYS = 5;

/** One "process": its own provider clients and lanes (workers), recording every job it runs. */
interface Runtime {
  name: string;
  clients: ProviderClients;
  lanes: Lanes;
  ran: string[];
}

let graph: GraphClient;
let world: World;
let sims: Simulators;
let runtimes: Runtime[] = [];

/** A job's identity: its kind, lane and the users it names (every enqueued job names distinct ones). */
const jobKey = (platform: Platform, job: { kind: string; ids: string[] }) => `${platform}:${job.kind}:${[...job.ids].sort().join(',')}`;

function startRuntime(name: string): Runtime {
  const clients = createProviderClients({
    tiklive: { baseUrl: sims.tiklive.url, key: DEFAULT_TIKLIVE_KEY, requestsPerMinute: 600_000, monthlyCredits: 1_000_000 },
    x: { baseUrl: sims.x.url, bearerToken: DEFAULT_X_TOKEN },
    // A quirky record's body is cut off once; retry without real waiting.
    retry: { attempts: 10 },
    clock: { sleep: async () => {} },
  });
  const ran: string[] = [];
  const ctx: IngestContext = { graph, clients, logger: silentLogger, now: () => new Date(world.now) };
  const recorded = (platform: Platform, s: PlatformSync): PlatformSync => ({
    profiles: (refs, o) => {
      ran.push(jobKey(platform, { kind: 'profiles', ids: refs.map((r) => r.userId ?? `@${r.username}`) }));
      return s.profiles(refs, o);
    },
    posts: (ids, o) => {
      ran.push(jobKey(platform, { kind: 'posts', ids }));
      return s.posts(ids, o);
    },
  });
  const lanes = createLanes({
    clients,
    sync: {
      TIKTOK: recorded('TIKTOK', { profiles: (r, o) => syncTikTokProfiles(ctx, r, o), posts: (u, o) => syncTikTokPosts(ctx, u, o) }),
      X: recorded('X', { profiles: (r, o) => syncXProfiles(ctx, r, o), posts: (u, o) => syncXPosts(ctx, u, o) }),
    },
    redisUrl: REDIS_URL,
    keyPrefix: PREFIX,
    concurrency: 2,
    logger: silentLogger,
  });
  return { name, clients, lanes, ran };
}

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

async function keyCount(): Promise<number> {
  const redis = new IORedis(REDIS_URL, { maxRetriesPerRequest: 3 });
  try {
    return (await redis.keys(`${PREFIX}:*`)).length;
  } finally {
    await redis.quit().catch(() => redis.disconnect());
  }
}

beforeAll(async () => {
  graph = await freshGraph();
  world = generateWorld({ seed: 7, creators: 10, days: WORLD_DAYS, malformedRate: 0 });
  sims = await startSimulators(world, { clock: () => world.now, tiklive: { rateLimit: 100_000 } });
  // A few ms per request, so a job lasts long enough for the other runtime's workers to take the next ones.
  sims.tiklive.setMode({ latencyMs: 5 });
  sims.x.setMode({ latencyMs: 5 });
  runtimes = [startRuntime('A'), startRuntime('B')];
}, 60_000);

afterAll(async () => {
  for (const r of runtimes) {
    await r.lanes.close();
    await r.clients.close();
  }
  await sims?.close();
  await deleteKeys();
  await graph?.close();
}, 60_000);

describe('lanes on BullMQ (REDIS_URL)', () => {
  it('two runtimes share one backfill; every job runs once and every account and post is written once', async () => {
    const [a, b] = runtimes;
    const live = (acc: SimAccount | null): acc is SimAccount => !!acc && !acc.private && acc.deletedAt === null;
    const byPlatform = {
      TIKTOK: world.creators.map((c) => c.tiktok).filter(live),
      X: world.creators.map((c) => c.x).filter(live),
    };
    expect(byPlatform.TIKTOK.length).toBeGreaterThanOrEqual(5);
    expect(byPlatform.X.length).toBeGreaterThanOrEqual(5);

    // Profiles first, all enqueued through A, in small jobs.
    const chunks = <T>(xs: T[], n: number) => Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, i * n + n));
    const profileJobs: { platform: Platform; job: LaneJob }[] = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
      chunks(byPlatform[platform], 2).map((part) => ({
        platform,
        job: { kind: 'profiles' as const, refs: part.map((acc) => ({ userId: acc.id })) },
      })),
    );
    const profileResults: SyncResult[] = await Promise.all(profileJobs.map(({ platform, job }) => a.lanes.get(platform).run(job)));
    expect(profileResults.flatMap((r) => r.errors)).toEqual([]);
    const accounts: BackfillAccount[] = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
      byPlatform[platform].map((acc) => ({
        accountId: `${platform === 'TIKTOK' ? 'tiktok' : 'x'}:${acc.id}`,
        platform,
        platformUserId: acc.id,
      })),
    );
    expect(new Set(profileResults.flatMap((r) => r.accounts))).toEqual(new Set(accounts.map((x) => x.accountId)));

    // The backfill, enqueued through A only: 2 accounts a job, the whole simulated window.
    const summary = await backfillAccounts({ graph, lanes: a.lanes, now: () => new Date(world.now) }, accounts, {
      days: WORLD_DAYS + 1,
      chunkSize: 2,
    });
    expect(summary.failed).toEqual([]);
    expect(new Set(summary.done)).toEqual(new Set(accounts.map((x) => x.accountId)));

    // Each job ran exactly once, across both runtimes.
    const postJobs = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) =>
      chunks(accounts.filter((x) => x.platform === platform), 2).map((part) =>
        jobKey(platform, { kind: 'posts', ids: part.map((x) => x.platformUserId) }),
      ),
    );
    const expectedJobs = [
      ...profileJobs.map(({ platform, job }) =>
        jobKey(platform, { kind: 'profiles', ids: job.kind === 'profiles' ? job.refs.map((r) => r.userId!) : [] }),
      ),
      ...postJobs,
    ].sort();
    const ran = [...a.ran, ...b.ran].sort();
    expect(ran).toEqual(expectedJobs);

    // Both runtimes' workers took part, and their lane counters agree with what ran.
    const [statusA, statusB] = await Promise.all([a.lanes.status(), b.lanes.status()]);
    const done = (s: typeof statusA) => s.reduce((n, l) => n + l.jobsDone, 0);
    expect(a.ran.length).toBeGreaterThan(0);
    expect(b.ran.length).toBeGreaterThan(0);
    expect(done(statusA)).toBe(a.ran.length);
    expect(done(statusB)).toBe(b.ran.length);
    expect([...statusA, ...statusB].every((l) => l.jobsFailed === 0 && l.queueDepth === 0)).toBe(true);

    // Every account once, every post of theirs once.
    const accRows = await graph.runText('MATCH (n:Account) RETURN n.id AS id, count(*) AS c');
    const accCounts = new Map(accRows.map((r) => [r.id as string, Number(r.c)]));
    for (const x of accounts) expect([x.accountId, accCounts.get(x.accountId)]).toEqual([x.accountId, 1]);
    const postRows = await graph.runText('MATCH (p:Post) RETURN p.id AS id, count(*) AS c');
    expect(postRows.filter((r) => Number(r.c) !== 1)).toEqual([]);
    const postIds = new Set(postRows.map((r) => r.id as string));
    const expectedPosts = (['TIKTOK', 'X'] as Platform[]).flatMap((platform) => {
      const data = platform === 'TIKTOK' ? world.tiktok : world.x;
      const prefix = platform === 'TIKTOK' ? 'tiktok' : 'x';
      return byPlatform[platform].flatMap((acc) =>
        (data.postsByAuthor.get(acc.id) ?? []).filter((p) => p.createdAt <= world.now).map((p) => `${prefix}:${p.id}`),
      );
    });
    expect(expectedPosts.length).toBeGreaterThan(30);
    expect(expectedPosts.filter((id) => !postIds.has(id))).toEqual([]);
    const authored = await graph.runText(
      'MATCH (a:Account)-[r:POSTED]->(p:Post) WHERE a.id IN $ids RETURN count(r) AS edges, count(DISTINCT p) AS posts',
      { ids: accounts.map((x) => x.accountId) },
    );
    expect(Number(authored[0].posts)).toBe(expectedPosts.length);
    expect(Number(authored[0].edges)).toBe(expectedPosts.length);
    expect(summary.posts).toBeGreaterThanOrEqual(expectedPosts.length);
    expect(await keyCount()).toBeGreaterThan(0); // the queues really lived in Redis under this run's prefix

    console.log(
      `lanes on BullMQ: ${ran.length} jobs (${profileJobs.length} profiles, ${postJobs.length} posts), ` +
        `runtime A ran ${a.ran.length}, B ran ${b.ran.length}; ${accounts.length} accounts, ${expectedPosts.length} posts; ` +
        `backfill ${summary.elapsedMs} ms`,
    );
  }, 60_000);
});
