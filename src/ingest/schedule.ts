/**
 * The lanes' timetable: profiles daily, posts hourly for TIER1/ACTIVE creators and daily for the
 * LONG_TAIL, and the weekly matching run, each on a configurable cron expression (UTC).
 *
 * In process the ticks come from croner; with a Redis URL they are BullMQ job schedulers in one
 * shared queue, so with several worker processes each tick runs once, on whichever process takes
 * it. Either way a tick only enqueues lane jobs (or calls the matcher), and a tick that is still
 * running when the next one is due is skipped rather than stacked.
 */
import { Cron } from 'croner';
import { Queue, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { Platform, TrackingTier } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { DAY_MS } from './backfill';
import type { LaneJob, SyncResult } from './lane';
import type { Lanes } from './lanes';

export const SCHEDULED_JOBS = ['profiles', 'posts-active', 'posts-long-tail', 'matching'] as const;
export type ScheduledJobName = (typeof SCHEDULED_JOBS)[number];

export interface Cadences {
  profiles: string;
  postsActive: string;
  postsLongTail: string;
  matching: string;
}

export interface ScheduledJobInfo {
  name: ScheduledJobName;
  pattern: string;
  nextRunAt: Date | null;
  lastRunAt: Date | null;
  running: boolean;
}

export interface Scheduler {
  /** 'croner' in process, 'bullmq' with Redis. */
  readonly backend: 'croner' | 'bullmq';
  jobs(): ScheduledJobInfo[];
  /** Runs one job now, in this process, and resolves with what it returned. */
  trigger(name: ScheduledJobName): Promise<unknown>;
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  cadences: Cadences;
  tasks: Record<ScheduledJobName, () => Promise<unknown>>;
  /** BullMQ job schedulers in Redis when set. Default: croner in process. */
  redisUrl?: string;
  /** Redis key prefix. Default "creator-graph". */
  keyPrefix?: string;
  logger?: Logger;
}

const PATTERN_OF: Record<ScheduledJobName, keyof Cadences> = {
  profiles: 'profiles',
  'posts-active': 'postsActive',
  'posts-long-tail': 'postsLongTail',
  matching: 'matching',
};

export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  const logger = (opts.logger ?? silentLogger).child({ part: 'schedule' });
  const state = new Map<ScheduledJobName, { lastRunAt: Date | null; running?: Promise<unknown> }>(
    SCHEDULED_JOBS.map((n) => [n, { lastRunAt: null }]),
  );
  /** Runs a task unless it is already running (then joins the running one). */
  const run = (name: ScheduledJobName): Promise<unknown> => {
    const s = state.get(name)!;
    if (s.running) return s.running;
    const t0 = Date.now();
    s.lastRunAt = new Date();
    s.running = opts.tasks[name]()
      .then((res) => {
        logger.info({ job: name, ms: Date.now() - t0 }, 'scheduled job finished');
        return res;
      })
      .finally(() => {
        s.running = undefined;
      });
    return s.running;
  };
  const patterns = Object.fromEntries(SCHEDULED_JOBS.map((n) => [n, opts.cadences[PATTERN_OF[n]]])) as Record<
    ScheduledJobName,
    string
  >;
  // Croner also computes next runs for the BullMQ backend, so both report the same timetable.
  const timers = SCHEDULED_JOBS.map(
    (name) =>
      [
        name,
        new Cron(
          patterns[name],
          // No croner `name`: its registry is process-wide, and two apps in one process must coexist.
          { timezone: 'UTC', paused: !!opts.redisUrl, unref: true, protect: true },
          () => {
            run(name).catch((err: unknown) => logger.error({ err, job: name }, 'scheduled job failed'));
          },
        ),
      ] as const,
  );
  const info = (): ScheduledJobInfo[] =>
    timers.map(([name, cron]) => ({
      name,
      pattern: patterns[name],
      nextRunAt: cron.nextRun() ?? null,
      lastRunAt: state.get(name)!.lastRunAt,
      running: !!state.get(name)!.running,
    }));

  if (!opts.redisUrl) {
    logger.info({ jobs: patterns }, 'schedule started (in process)');
    return {
      backend: 'croner',
      jobs: info,
      trigger: run,
      async stop() {
        for (const [, c] of timers) c.stop();
        await Promise.allSettled([...state.values()].map((s) => s.running));
      },
    };
  }

  const prefix = opts.keyPrefix ?? 'creator-graph';
  const connections = [0, 1].map(() => new IORedis(opts.redisUrl!, { maxRetriesPerRequest: null }));
  const queue = new Queue('schedule', { connection: connections[0], prefix });
  for (const name of SCHEDULED_JOBS) {
    await queue.upsertJobScheduler(name, { pattern: patterns[name], tz: 'UTC' }, { name, opts: { removeOnComplete: 100, removeOnFail: 100 } });
  }
  const worker = new Worker(
    'schedule',
    async (job) => {
      const name = job.name as ScheduledJobName;
      if (!SCHEDULED_JOBS.includes(name)) return undefined;
      await run(name);
      return true;
    },
    { connection: connections[1], prefix, concurrency: SCHEDULED_JOBS.length },
  );
  worker.on('error', (err) => logger.warn({ err }, 'schedule worker error'));
  logger.info({ jobs: patterns }, 'schedule started (BullMQ job schedulers)');
  return {
    backend: 'bullmq',
    jobs: info,
    trigger: run,
    async stop() {
      for (const [, c] of timers) c.stop();
      await worker.close();
      await queue.close();
      await Promise.allSettled([...state.values()].map((s) => s.running));
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

// ---------------------------------------------------------------- what the ticks do

export interface RefreshDeps {
  graph: GraphClient;
  lanes: Lanes;
  /** The ingestion clock. Default real time. */
  now?: () => Date;
  /** Oldest post a refresh reads, in days (the backfill window). */
  backfillDays: number;
  /** Posts of the last this-many hours are read again for fresh metrics. Default 48. */
  recentHours?: number;
  logger?: Logger;
  /** Called after every finished lane job (the CLI's progress bars). */
  onProgress?: (platform: Platform, jobsDone: number, jobsTotal: number) => void;
}

export interface RefreshSummary {
  accounts: number;
  jobs: number;
  accountsWritten: number;
  posts: number;
  errors: number;
}

interface ScheduledAccount {
  accountId: string;
  platform: Platform;
  platformUserId: string;
  username: string;
  lastPostAt: Date | null;
  tier: TrackingTier;
}

const ALL_TIERS: TrackingTier[] = ['TIER1', 'ACTIVE', 'LONG_TAIL'];

async function runJobs(deps: RefreshDeps, jobs: { platform: Platform; job: LaneJob }[], summary: RefreshSummary) {
  const logger = deps.logger ?? silentLogger;
  summary.jobs += jobs.length;
  const total = { TIKTOK: 0, X: 0 };
  const done = { TIKTOK: 0, X: 0 };
  for (const j of jobs) total[j.platform]++;
  for (const p of ['TIKTOK', 'X'] as Platform[]) deps.onProgress?.(p, 0, total[p]);
  await Promise.all(
    jobs.map(async ({ platform, job }) => {
      let res: SyncResult;
      try {
        res = await deps.lanes.get(platform).run(job);
      } catch (err) {
        summary.errors++;
        logger.warn({ err, platform }, 'scheduled lane job failed');
        return;
      } finally {
        deps.onProgress?.(platform, ++done[platform], total[platform]);
      }
      if (job.kind === 'profiles') summary.accountsWritten += res.accounts.length;
      summary.posts += res.posts;
      summary.errors += res.errors.length;
    }),
  );
}

function perPlatform<T>(items: T[], platformOf: (t: T) => Platform): Record<Platform, T[]> {
  return { TIKTOK: items.filter((i) => platformOf(i) === 'TIKTOK'), X: items.filter((i) => platformOf(i) === 'X') };
}

/** The daily profile refresh of every tracked account (X in batches of 100, as one request each). */
export async function refreshProfiles(deps: RefreshDeps, platform: Platform | null = null): Promise<RefreshSummary> {
  const rows = await deps.graph.read<ScheduledAccount>('tracking/scheduled-accounts', { tiers: ALL_TIERS, platform });
  const summary: RefreshSummary = { accounts: rows.length, jobs: 0, accountsWritten: 0, posts: 0, errors: 0 };
  const jobs: { platform: Platform; job: LaneJob }[] = [];
  const groups = perPlatform(rows, (r) => r.platform);
  for (const p of ['TIKTOK', 'X'] as Platform[]) {
    const size = p === 'X' ? 100 : 10;
    for (let i = 0; i < groups[p].length; i += size) {
      const part = groups[p].slice(i, i + size);
      jobs.push({ platform: p, job: { kind: 'profiles', refs: part.map((a) => ({ userId: a.platformUserId, username: a.username })) } });
    }
  }
  await runJobs(deps, jobs, summary);
  return summary;
}

/**
 * New posts of tracked accounts in the given tiers. Each account is read back to its last known
 * post, and at least `recentHours` back so that young posts' metrics are refreshed, never further
 * than the backfill window.
 */
export async function refreshPosts(
  deps: RefreshDeps,
  tiers: TrackingTier[],
  platform: Platform | null = null,
): Promise<RefreshSummary> {
  const rows = await deps.graph.read<ScheduledAccount>('tracking/scheduled-accounts', { tiers, platform });
  const now = (deps.now ?? (() => new Date()))().getTime();
  const floor = now - deps.backfillDays * DAY_MS;
  const recent = now - (deps.recentHours ?? 48) * 3_600_000;
  const withSince = rows
    .map((r) => ({ ...r, since: Math.max(floor, Math.min(recent, r.lastPostAt?.getTime() ?? floor)) }))
    .sort((a, b) => a.since - b.since);
  const summary: RefreshSummary = { accounts: rows.length, jobs: 0, accountsWritten: 0, posts: 0, errors: 0 };
  const jobs: { platform: Platform; job: LaneJob }[] = [];
  const groups = perPlatform(withSince, (r) => r.platform);
  for (const p of ['TIKTOK', 'X'] as Platform[]) {
    // Sorted by since, so a chunk's earliest `since` costs its other accounts little extra.
    for (let i = 0; i < groups[p].length; i += 10) {
      const part = groups[p].slice(i, i + 10);
      jobs.push({
        platform: p,
        job: { kind: 'posts', userIds: part.map((a) => a.platformUserId), since: new Date(part[0].since).toISOString() },
      });
    }
  }
  await runJobs(deps, jobs, summary);
  return summary;
}
