/**
 * One lane worker process for test/faults/worker-kill.test.ts: the real lanes over BullMQ (a key
 * prefix of the test's own), the real provider clients pointed at the test's simulators, the
 * real sync functions writing to the test's Neo4j. It runs jobs only (the test enqueues).
 *
 * Run compiled (node dist/test/faults/support/lane-worker.js), configured by environment:
 * CG_NEO4J_URI, CG_REDIS_URL, CG_PREFIX, CG_TIKLIVE_URL, CG_X_URL, CG_WORLD_NOW (epoch ms),
 * CG_LOCK_MS, CG_STALLED_MS. Reports on stdout, one JSON object a line:
 * {"event":"ready"} once its Redis connections answer, {"event":"active","job":K} when a job starts,
 * {"event":"wrote","active":[K...]} after each posts batch it writes, {"event":"done","job":K} when a job ends.
 */
import type { PlatformSync } from '../../../src/ingest/lane';
import { createLanes } from '../../../src/ingest/lanes';
import { syncTikTokPosts, syncXPosts } from '../../../src/ingest/post-sync';
import { syncTikTokProfiles, syncXProfiles } from '../../../src/ingest/profile-sync';
import type { IngestContext } from '../../../src/ingest/sync';
import type { Platform } from '../../../src/graph/model';
import { silentLogger } from '../../../src/log';
import { createDriver } from '../../../src/neo4j/driver';
import { GraphClient } from '../../../src/neo4j/graph-client';
import { createProviderClients } from '../../../src/providers';
import { DEFAULT_TIKLIVE_KEY, DEFAULT_X_TOKEN } from '../../../src/simulators/start';

/** A job's identity: lane, kind and the users it names (every job the test enqueues names distinct ones). */
const jobKey = (platform: Platform, kind: string, ids: string[]) => `${platform}:${kind}:${[...ids].sort().join(',')}`;

const env = (name: string): string => {
  const v = process.env[name];
  if (!v) throw new Error(`lane-worker: ${name} is not set`);
  return v;
};

function say(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

async function main(): Promise<void> {
  const graph = new GraphClient(createDriver({ uri: env('CG_NEO4J_URI') }));
  const worldNow = Number(env('CG_WORLD_NOW'));
  const clients = createProviderClients({
    tiklive: { baseUrl: env('CG_TIKLIVE_URL'), key: DEFAULT_TIKLIVE_KEY, requestsPerMinute: 600_000, monthlyCredits: 1_000_000 },
    x: { baseUrl: env('CG_X_URL'), bearerToken: DEFAULT_X_TOKEN },
    retry: { attempts: 10 },
    clock: { sleep: async () => undefined },
  });
  const ctx: IngestContext = { graph, clients, logger: silentLogger, now: () => new Date(worldNow) };

  // Posts jobs in flight, reported with each posts batch written (the write belongs to one of them).
  const current = new Set<string>();
  graph.observe((e) => {
    if (e.name === 'graph/upsert-posts') say({ event: 'wrote', active: [...current] });
  });
  const traced = (platform: Platform, s: PlatformSync): PlatformSync => ({
    profiles: async (refs, o) => {
      const job = jobKey(platform, 'profiles', refs.map((r) => r.userId ?? `@${r.username}`));
      say({ event: 'active', job });
      const res = await s.profiles(refs, o);
      say({ event: 'done', job });
      return res;
    },
    posts: async (ids, o) => {
      const job = jobKey(platform, 'posts', ids);
      say({ event: 'active', job });
      current.add(job);
      try {
        return await s.posts(ids, o);
      } finally {
        current.delete(job);
        say({ event: 'done', job });
      }
    },
  });
  const lanes = createLanes({
    clients,
    sync: {
      TIKTOK: traced('TIKTOK', { profiles: (r, o) => syncTikTokProfiles(ctx, r, o), posts: (u, o) => syncTikTokPosts(ctx, u, o) }),
      X: traced('X', { profiles: (r, o) => syncXProfiles(ctx, r, o), posts: (u, o) => syncXPosts(ctx, u, o) }),
    },
    redisUrl: env('CG_REDIS_URL'),
    keyPrefix: env('CG_PREFIX'),
    concurrency: 2,
    lockMs: Number(env('CG_LOCK_MS')),
    stalledCheckMs: Number(env('CG_STALLED_MS')),
    logger: silentLogger,
  });
  // Answers once the queues' Redis connections work; the workers take jobs from then on.
  await lanes.status();
  say({ event: 'ready', pid: process.pid });

  const stop = async () => {
    await lanes.close();
    await clients.close();
    await graph.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`lane-worker failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
