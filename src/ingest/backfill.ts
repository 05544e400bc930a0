/**
 * Loads the posts of the last N days for a set of accounts through their lanes, and records each
 * account as backfilled once its window is in the graph. A creator's `backfilled` flag follows
 * from its accounts (see graph/mark-backfilled.cypher), so list queries show a tracked creator
 * only when every platform it is on has its window loaded.
 *
 * An account the provider reports gone or private counts as done (there is nothing more to
 * load); a lane failure (timeouts, 5xx after retries, a closed lane) leaves the account pending,
 * to be picked up by the next `resumeBackfills` (at start-up and with the daily profile run).
 */
import { ENTITY_ERROR_CODES } from '../error-codes';
import type { SyncErrorCode } from '../error-codes';
import { markBackfilled, settleBackfilled } from '../graph/creators';
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { whileGraphDown } from '../neo4j/unavailable';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { Lanes } from './lanes';

export const DAY_MS = 24 * 3_600_000;

export interface BackfillAccount {
  /** "tiktok:<id>" / "x:<id>". */
  accountId: string;
  platform: Platform;
  platformUserId: string;
  /** Window in days; default the call's `days`. */
  days?: number;
}

export interface BackfillProgress {
  platform: Platform;
  accountsDone: number;
  accountsFailed: number;
  accountsTotal: number;
  posts: number;
}

export interface BackfillOptions {
  /** Days of posts to load. Required unless every account carries its own. */
  days: number;
  /** Accounts per lane job. Default 10: small enough to spread over a lane's workers. */
  chunkSize?: number;
  /** Jump the lane queue (a user is waiting). Default false. */
  priority?: boolean;
  /** Called after every finished job. */
  onProgress?: (p: BackfillProgress) => void;
}

export interface BackfillSummary {
  accounts: number;
  /** Accounts whose window is loaded (or that are gone). */
  done: string[];
  failed: { accountId: string; code: SyncErrorCode; message: string }[];
  posts: number;
  amplifications: number;
  deactivated: string[];
  /** Creators whose `backfilled` flag turned true during this run. */
  creatorsBackfilled: string[];
  elapsedMs: number;
}

export interface BackfillDeps {
  graph: GraphClient;
  lanes: Lanes;
  /** The ingestion clock (the simulators' clock in the demo). Default: real time. */
  now?: () => Date;
  logger?: Logger;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function backfillAccounts(
  deps: BackfillDeps,
  accounts: BackfillAccount[],
  opts: BackfillOptions,
): Promise<BackfillSummary> {
  const t0 = Date.now();
  const logger = deps.logger ?? silentLogger;
  const now = (deps.now ?? (() => new Date()))();
  const summary: BackfillSummary = {
    accounts: accounts.length,
    done: [],
    failed: [],
    posts: 0,
    amplifications: 0,
    deactivated: [],
    creatorsBackfilled: [],
    elapsedMs: 0,
  };
  const size = Math.max(1, opts.chunkSize ?? 10);

  const runPlatform = async (platform: Platform, list: BackfillAccount[]) => {
    const progress: BackfillProgress = { platform, accountsDone: 0, accountsFailed: 0, accountsTotal: list.length, posts: 0 };
    // One job per chunk of accounts sharing a window, so a job has one `since`.
    const byDays = new Map<number, BackfillAccount[]>();
    for (const a of list) {
      const d = a.days ?? opts.days;
      byDays.set(d, [...(byDays.get(d) ?? []), a]);
    }
    const jobs = [...byDays].flatMap(([days, group]) => chunk(group, size).map((part) => ({ days, part })));
    await Promise.all(
      jobs.map(async ({ days, part }) => {
        const since = new Date(now.getTime() - days * DAY_MS);
        const failed = new Map<string, { code: SyncErrorCode; message: string }>();
        try {
          const res = await deps.lanes.get(platform).run(
            { kind: 'posts', userIds: part.map((a) => a.platformUserId), since: since.toISOString() },
            { priority: opts.priority },
          );
          summary.posts += res.posts;
          summary.amplifications += res.amplifications;
          summary.deactivated.push(...res.deactivated);
          progress.posts += res.posts;
          const lanewide = res.errors.filter((e) => !ENTITY_ERROR_CODES.has(e.code));
          for (const e of lanewide) {
            const hit = part.filter((a) => a.platformUserId === e.ref || a.accountId === e.ref);
            // An error we cannot pin on one account fails the whole job: better loaded twice than never.
            for (const a of hit.length > 0 ? hit : part) failed.set(a.accountId, { code: e.code, message: e.message });
          }
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          for (const a of part) failed.set(a.accountId, { code: 'LANE_ERROR', message });
        }
        const done = part.filter((a) => !failed.has(a.accountId));
        for (const [accountId, f] of failed) summary.failed.push({ accountId, ...f });
        if (done.length > 0) {
          try {
            // Idempotent bookkeeping: outlasts a Neo4j restart as the lane's jobs do.
            const rows = await whileGraphDown(
              () => markBackfilled(deps.graph, done.map((a) => a.accountId), since.toISOString(), new Date().toISOString()),
              { logger, what: 'mark backfilled' },
            );
            summary.done.push(...done.map((a) => a.accountId));
            summary.creatorsBackfilled.push(...rows.filter((r) => r.done).map((r) => r.creatorId));
          } catch (err) {
            logger.error({ err }, 'could not record backfilled accounts');
            for (const a of done) summary.failed.push({ accountId: a.accountId, code: 'GRAPH_ERROR', message: String(err) });
          }
        }
        progress.accountsDone += done.length;
        progress.accountsFailed += failed.size;
        opts.onProgress?.({ ...progress });
      }),
    );
  };

  const platforms: Platform[] = ['TIKTOK', 'X'];
  await Promise.all(platforms.map((p) => runPlatform(p, accounts.filter((a) => a.platform === p))));
  // Matching may merge two creators while their accounts are being marked, and a merge that read
  // the flags before a concurrent mark committed keeps a stale `false`: settle every touched
  // creator once more now that all marks are in (idempotent).
  if (summary.done.length > 0) {
    try {
      const rows = await whileGraphDown(() => settleBackfilled(deps.graph, summary.done), { logger, what: 'settle backfilled' });
      summary.creatorsBackfilled.push(...rows.filter((r) => r.done).map((r) => r.creatorId));
    } catch (err) {
      logger.warn({ err }, 'could not settle creators backfilled flags');
    }
  }
  summary.creatorsBackfilled = [...new Set(summary.creatorsBackfilled)];
  summary.elapsedMs = Date.now() - t0;
  if (summary.failed.length > 0) {
    logger.warn({ failed: summary.failed.length, sample: summary.failed.slice(0, 3) }, 'backfill left accounts pending');
  }
  return summary;
}

/** Accounts of tracked creators still waiting for their window (after a restart or a failure). */
export async function pendingBackfill(graph: GraphClient, defaultDays: number): Promise<BackfillAccount[]> {
  const rows = await graph.read<{ accountId: string; platform: Platform; platformUserId: string; days: number }>(
    'tracking/unbackfilled-accounts',
    { defaultDays },
  );
  return rows.map((r) => ({ accountId: r.accountId, platform: r.platform, platformUserId: r.platformUserId, days: Number(r.days) }));
}
