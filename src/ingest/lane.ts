/**
 * One ingestion lane: a queue of jobs for one platform, a worker running them through the
 * pipeline's sync functions with that platform's own client, and the lane's health as
 * `Query.ingestion` reports it.
 *
 * Lanes share nothing but the graph, so a slow or failing X never holds up TikTok. When a job
 * comes back with out-of-credits errors (our monthly budget, the provider's balance, X's usage
 * cap) the lane pauses itself: no new jobs start, the affected part of the job waits, and the lane
 * reopens when its budget does (checked by a timer, never by spending requests).
 */
import type { Platform } from '../graph/model';
import { PAUSE_CODES, syncCodeOr, type SyncErrorCode } from '../error-codes';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { LaneClientStatus } from '../providers';
import type { ResponseCounts } from '../providers/status';
import { whileGraphDown } from '../neo4j/unavailable';
import { platformPrefix } from '../graph/model';
import { createMemoryQueue, LaneClosedError, type LaneQueue } from './lane-queue';
import type { ProfileRef, ProfileSyncOptions, SyncResult } from './sync';

export type { ProfileRef, SyncResult };

/**
 * Jobs are plain data so that they can travel through Redis. An `interactive` job must not wait
 * (a user is waiting, or the answer is only worth having now, as discovery's candidate lookups):
 * it never waits out a budget pause (it fails fast with the pause's error instead), while it
 * still pauses the lane for everyone else when it runs into the end of the budget.
 */
export type LaneJob =
  | { kind: 'profiles'; refs: ProfileRef[]; opts?: ProfileSyncOptions; interactive?: boolean }
  | { kind: 'posts'; userIds: string[]; since: string; interactive?: boolean };

/** What a lane runs its jobs with: the pipeline's functions bound to one platform. */
export interface PlatformSync {
  profiles(refs: ProfileRef[], opts?: ProfileSyncOptions): Promise<SyncResult>;
  posts(userIds: string[], opts: { since: Date }): Promise<SyncResult>;
}

/** Whether the lane may spend requests now; `until` is when to look again. */
export type GateState = { open: true } | { open: false; until: Date; reason: string };

export type LaneState = 'IDLE' | 'RUNNING' | 'BACKING_OFF' | 'FAILING' | 'DISABLED';

export interface LaneStatusSnapshot {
  platform: Platform;
  provider: string;
  state: LaneState;
  lastSuccessAt: Date | null;
  lastErrorAt: Date | null;
  lastError: string | null;
  requestsLastHour: number;
  /** Provider requests (attempts, retries included) since start by outcome: 2xx, 429, 5xx, network, ... */
  requests: ResponseCounts;
  rateLimitResetAt: Date | null;
  /** Jobs waiting or running. */
  queueDepth: number;
  paused: boolean;
  jobsDone: number;
  jobsFailed: number;
  /** Times a job ran again because Neo4j was unavailable (restart, failover) while it wrote. */
  jobsRetried: number;
  accountsWritten: number;
  postsWritten: number;
  creditsUsed: number | null;
  creditsLimit: number | null;
}


export interface LaneOptions {
  platform: Platform;
  provider: string;
  sync: PlatformSync;
  /** The lane's client health (provider status plus limiter queue). */
  clientStatus: () => Promise<LaneClientStatus>;
  /**
   * Whether the budget allows requests now. Default: always open. When a job reports budget
   * errors and the gate still says open (X has no local budget), the lane waits `budgetPauseMs`.
   */
  gate?: () => Promise<GateState>;
  /** Builds the job queue. Default: in process (fastq). */
  queue?: (processor: (job: LaneJob) => Promise<SyncResult>) => LaneQueue<LaneJob, SyncResult>;
  /** Jobs run at once by this process. Default 2. */
  concurrency?: number;
  /** How long to stay paused when budget errors come without a known reopening time. Default 15 min. */
  budgetPauseMs?: number;
  /** Longest wait between two looks at a closed gate. Default 60 s. */
  recheckMs?: number;
  /**
   * How long a job keeps running again while Neo4j is unavailable (its writes are idempotent, so a
   * job cut by a restart is simply run once more). Interactive jobs are not retried: a user is
   * waiting. Default 10 minutes.
   */
  graphDownBudgetMs?: number;
  logger?: Logger;
  /** Tests: fake time. */
  now?: () => number;
}

export function mergeResults(a: SyncResult, b: SyncResult): SyncResult {
  return {
    accounts: [...new Set([...a.accounts, ...b.accounts])],
    posts: a.posts + b.posts,
    amplifications: a.amplifications + b.amplifications,
    deactivated: [...new Set([...a.deactivated, ...b.deactivated])],
    errors: [...a.errors, ...b.errors],
  };
}

/**
 * The part of a job that failed for lack of budget, to run again once the lane reopens. Error refs
 * name what was asked: "<platform>:<user id>" or "@handle" (see pipeline.ts SyncError).
 */
function retryPart(platform: Platform, job: LaneJob, refs: Set<string>): LaneJob | undefined {
  const prefix = platformPrefix(platform);
  const named = (r: ProfileRef) =>
    (r.userId !== undefined && (refs.has(`${prefix}:${r.userId}`) || refs.has(r.userId))) ||
    (r.username !== undefined && (refs.has(`@${r.username.replace(/^@/, '')}`) || refs.has(r.username)));
  if (job.kind === 'profiles') {
    const hit = job.refs.filter(named);
    // A ref we cannot recognise: rerun everything (writes are idempotent, the cache saves credits).
    const rest = hit.length > 0 ? hit : job.refs;
    return rest.length ? { ...job, refs: rest } : undefined;
  }
  const hit = job.userIds.filter((u) => refs.has(`${prefix}:${u}`) || refs.has(u));
  const rest = hit.length > 0 ? hit : job.userIds;
  return rest.length ? { ...job, userIds: rest } : undefined;
}

export class Lane {
  readonly platform: Platform;
  readonly provider: string;
  private readonly queue: LaneQueue<LaneJob, SyncResult>;
  private readonly logger: Logger;
  private readonly now: () => number;
  private closed = false;
  /** byGate: the budget gate closed the lane (reopen when it opens); otherwise a timed pause. */
  private pausedFor?: { until: Date; reason: string; at: number; byGate: boolean };
  private reopenTimer?: NodeJS.Timeout;
  private waiters: (() => void)[] = [];
  private lastJobError?: { message: string; at: number };
  private readonly counters = { jobsDone: 0, jobsFailed: 0, jobsRetried: 0, accountsWritten: 0, postsWritten: 0 };

  constructor(private readonly opts: LaneOptions) {
    this.platform = opts.platform;
    this.provider = opts.provider;
    this.logger = (opts.logger ?? silentLogger).child({ lane: opts.platform });
    this.now = opts.now ?? Date.now;
    const processor = (job: LaneJob) => this.process(job);
    this.queue = opts.queue
      ? opts.queue(processor)
      : createMemoryQueue({ name: opts.platform.toLowerCase(), concurrency: opts.concurrency ?? 2, processor });
  }

  /** Queues a job and resolves with what it wrote once it ran. `priority` jumps the queue (a user is waiting). */
  run(job: LaneJob, opts: { priority?: boolean } = {}): Promise<SyncResult> {
    if (this.closed) return Promise.reject(new LaneClosedError(this.platform));
    if (job.interactive && this.pausedFor) return Promise.resolve(this.refused(job, this.pausedFor.reason));
    return this.queue.push(job, opts);
  }

  /** The answer to an interactive job on a paused lane: every ref fails with the pause's reason. */
  private refused(job: LaneJob, reason: string): SyncResult {
    const prefix = platformPrefix(this.platform);
    const refs =
      job.kind === 'profiles'
        ? job.refs.map((r) => (r.userId ? `${prefix}:${r.userId}` : `@${r.username ?? ''}`))
        : job.userIds.map((u) => `${prefix}:${u}`);
    const code = syncCodeOr(/^[A-Z_]+(?=:)/.exec(reason)?.[0], 'QUOTA');
    return { accounts: [], posts: 0, amplifications: 0, deactivated: [], errors: refs.map((ref) => ({ ref, code, message: reason })) };
  }

  /** True while the lane waits for its budget to reopen. */
  get paused(): boolean {
    return this.pausedFor !== undefined;
  }

  async depth(): Promise<number> {
    return this.queue.depth();
  }

  async status(): Promise<LaneStatusSnapshot> {
    const [client, depth] = await Promise.all([this.opts.clientStatus(), this.queue.depth()]);
    const lastClientError = client.lastErrorAt?.getTime() ?? -Infinity;
    const useJobError = this.lastJobError !== undefined && this.lastJobError.at > lastClientError;
    const lastErrorAt = useJobError ? new Date(this.lastJobError!.at) : (client.lastErrorAt ?? null);
    let lastError = useJobError ? this.lastJobError!.message : (client.lastError ?? null);
    if (this.pausedFor) lastError = this.pausedFor.reason;
    const failing = lastErrorAt !== null && lastErrorAt.getTime() > (client.lastSuccessAt?.getTime() ?? -Infinity);
    let state: LaneState;
    if (!client.configured) state = 'DISABLED';
    else if (this.pausedFor || client.backingOff) state = 'BACKING_OFF';
    else if (failing) state = 'FAILING';
    else if (depth > 0) state = 'RUNNING';
    else state = 'IDLE';
    const resetAt = [this.pausedFor?.until, client.rateLimitResetAt]
      .filter((d): d is Date => d instanceof Date)
      .sort((a, b) => b.getTime() - a.getTime())[0];
    return {
      platform: this.platform,
      provider: this.provider,
      state,
      lastSuccessAt: client.lastSuccessAt ?? null,
      lastErrorAt: this.pausedFor ? new Date(this.pausedFor.at) : lastErrorAt,
      lastError,
      requestsLastHour: client.requestsLastHour,
      requests: client.responses ?? { '2xx': 0, '3xx': 0, '4xx': 0, '429': 0, '5xx': 0, network: 0 },
      rateLimitResetAt: resetAt ?? null,
      queueDepth: depth,
      paused: this.paused,
      ...this.counters,
      creditsUsed: client.budget?.used ?? null,
      creditsLimit: client.budget?.limit ?? null,
    };
  }

  /** Pauses the lane until `until`, or (byGate) until the budget gate says open again. */
  pause(until: Date, reason: string, byGate = false): void {
    if (this.closed) return;
    const first = !this.pausedFor;
    this.pausedFor = { until, reason, at: this.pausedFor?.at ?? this.now(), byGate };
    this.queue.pause();
    if (first) this.logger.warn({ until, reason }, 'lane paused: budget exhausted');
    this.scheduleRecheck();
  }

  /** Reopens the lane now (also used when the budget is raised by hand). */
  resume(): void {
    if (!this.pausedFor) return;
    this.pausedFor = undefined;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    this.reopenTimer = undefined;
    this.logger.info('lane resumed');
    if (!this.closed) this.queue.resume();
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.reopenTimer) clearTimeout(this.reopenTimer);
    // Waiting jobs give up with what they have, so shutdown never hangs on a month-long pause.
    const w = this.waiters;
    this.waiters = [];
    for (const fn of w) fn();
    await this.queue.close();
  }

  private scheduleRecheck(): void {
    if (this.reopenTimer || !this.pausedFor || this.closed) return;
    const wait = Math.max(10, Math.min(this.pausedFor.until.getTime() - this.now(), this.opts.recheckMs ?? 60_000));
    this.reopenTimer = setTimeout(() => {
      this.reopenTimer = undefined;
      void this.recheck();
    }, wait);
    this.reopenTimer.unref();
  }

  private async recheck(): Promise<void> {
    if (!this.pausedFor || this.closed) return;
    if (!this.pausedFor.byGate) {
      if (this.now() >= this.pausedFor.until.getTime()) this.resume();
      else this.scheduleRecheck();
      return;
    }
    const gate = await this.gateState();
    if (!this.pausedFor) return;
    if (gate.open) this.resume(); // budget reset, raised, or the provider's cool-off is over
    else {
      this.pausedFor = { ...this.pausedFor, until: gate.until, reason: gate.reason };
      this.scheduleRecheck();
    }
  }

  private async gateState(): Promise<GateState> {
    try {
      return this.opts.gate ? await this.opts.gate() : { open: true };
    } catch (err) {
      this.logger.warn({ err }, 'budget gate check failed; assuming open');
      return { open: true };
    }
  }

  private waitUntilOpen(): Promise<void> {
    if (!this.pausedFor || this.closed) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private async execute(job: LaneJob): Promise<SyncResult> {
    const run = () =>
      job.kind === 'profiles'
        ? this.opts.sync.profiles(job.refs, job.opts)
        : this.opts.sync.posts(job.userIds, { since: new Date(job.since) });
    if (job.interactive) return run();
    // Neo4j restarting mid-job: the job runs again from the start once the graph answers (every
    // write is an idempotent MERGE; the provider responses it fetches again are mostly cached).
    return whileGraphDown(run, {
      budgetMs: this.opts.graphDownBudgetMs,
      logger: this.logger,
      what: `${job.kind} job`,
      onRetry: () => void this.counters.jobsRetried++,
    });
  }

  /** How long a pause lasts: until the budget gate reopens, the rate-limit window resets, or a fixed time. */
  private async pauseFor(e: { code: SyncErrorCode; message: string }): Promise<{ until: Date; reason: string; byGate: boolean }> {
    const own = `${e.code}: ${e.message}`;
    if (e.code === 'RATE_LIMITED') {
      const reset = (await this.opts.clientStatus()).rateLimitResetAt;
      const until = reset && reset.getTime() > this.now() ? reset : new Date(this.now() + 60_000);
      return { until, reason: own, byGate: false };
    }
    const g = await this.gateState();
    if (!g.open) return { until: g.until, reason: g.reason, byGate: true };
    return { until: new Date(this.now() + (this.opts.budgetPauseMs ?? 15 * 60_000)), reason: own, byGate: false };
  }

  private async process(job: LaneJob): Promise<SyncResult> {
    if (job.interactive) {
      // A user is waiting: never held. Cached answers cost nothing, and a request the budget
      // refuses comes back as the job's error.
      if (this.pausedFor) return this.refused(job, this.pausedFor.reason);
    } else {
      const gate = await this.gateState();
      if (!gate.open) this.pause(gate.until, gate.reason, true);
      await this.waitUntilOpen();
    }
    if (this.closed) return this.refused(job, `LANE_CLOSED: the ${this.platform} lane is shutting down`);
    try {
      let result = await this.execute(job);
      for (;;) {
        const starved = result.errors.filter((e) => PAUSE_CODES.has(e.code));
        if (starved.length === 0 || this.closed) break;
        const again = retryPart(this.platform, job, new Set(starved.map((e) => e.ref)));
        if (!again) break;
        const { until, reason, byGate } = await this.pauseFor(starved[0]);
        this.pause(until, reason, byGate);
        if (job.interactive) break;
        await this.waitUntilOpen();
        if (this.closed) break;
        const kept = { ...result, errors: result.errors.filter((e) => !PAUSE_CODES.has(e.code)) };
        result = mergeResults(kept, await this.execute(again));
      }
      this.counters.jobsDone++;
      this.counters.accountsWritten += job.kind === 'profiles' ? result.accounts.length : 0;
      this.counters.postsWritten += result.posts;
      return result;
    } catch (err) {
      this.counters.jobsFailed++;
      const message = err instanceof Error ? err.message : String(err);
      this.lastJobError = { message: `job failed: ${message}`, at: this.now() };
      this.logger.error({ err, kind: job.kind }, 'lane job failed');
      throw err;
    }
  }
}
