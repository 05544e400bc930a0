/**
 * Starting and stopping to track creators: `trackCreator` resolves the handles a user gives,
 * stores the profiles through the lanes, and loads the backfill window in the background;
 * `untrackCreator` takes a creator off the schedules; `refreshAccount` refetches one account now.
 *
 * A user's mistake or a provider's "no such account" comes back as a UserError in the payload
 * (BAD_USER_INPUT, INVALID_HANDLE, NOT_FOUND, PRIVATE, ALREADY_TRACKED, and LANE_UNAVAILABLE or
 * PROVIDER_ERROR when a lane cannot answer), never as a thrown error: the resolver stays thin and
 * the API never crashes on bad input.
 */
import { accountsByCreators, accountsByIds, accountByUsername } from '../graph/read';
import { HANDLE_RULES, parseHandle } from './handles';
import { setCreatorTracking } from '../graph/creators';
import { userErrorCode, type ReviewErrorCode, type UserErrorCode } from '../error-codes';
import { accountId as toAccountId, parsePlatformId, type Platform, type TrackingTier } from '../graph/model';
import type { AccountRow } from '../graph/rows';
import type { GraphClient } from '../neo4j/graph-client';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { isProviderError, type ProviderClients } from '../providers';
import { backfillAccounts, DAY_MS, pendingBackfill, type BackfillAccount, type BackfillSummary } from './backfill';
import type { Lanes } from './lanes';
import type { SyncResult } from './sync';

/**
 * Joins two accounts (one per platform) as one creator. Resolves to the reason when the link is
 * refused in a way the user can act on (an account already matched elsewhere); throws otherwise.
 */
export type LinkAccounts = (accountIds: string[], actor: string, note: string) => Promise<{ code: ReviewErrorCode; message: string } | undefined>;

export interface TrackInput {
  tiktokUsername?: string | null;
  xUsername?: string | null;
  displayName?: string | null;
  tier?: TrackingTier | null;
  backfillDays?: number | null;
}

export interface TrackError {
  field?: string[];
  message: string;
  code: UserErrorCode;
}

export interface TrackOutcome {
  creatorId: string | null;
  errors: TrackError[];
}

export interface TrackingOptions {
  graph: GraphClient;
  clients: ProviderClients;
  lanes: Lanes;
  /** Joins a creator's two accounts as one (the reviewers' link, wired by the app). */
  link: LinkAccounts;
  /** Backfill window when the input gives none. Default 30. */
  backfillDays?: number;
  /** Longest backfill window accepted. Default 365. */
  maxBackfillDays?: number;
  /** The ingestion clock. Default real time. */
  now?: () => Date;
  logger?: Logger;
  /**
   * Looks for the other-platform counterpart of accounts just tracked on one platform only
   * (the matcher's discovery, wired by the app), run in the background like the backfill.
   * Default none: the weekly run's discovery finds it later.
   */
  discover?: (accountIds: string[]) => Promise<unknown>;
}

const FIELD: Record<Platform, string> = { TIKTOK: 'tiktokUsername', X: 'xUsername' };
const LANE_NAME: Record<Platform, string> = { TIKTOK: 'TikTok', X: 'X' };

interface Resolved {
  platform: Platform;
  userId: string;
  username: string;
}

export class TrackingService {
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly background = new Set<Promise<unknown>>();
  private closed = false;

  constructor(private readonly opts: TrackingOptions) {
    this.logger = (opts.logger ?? silentLogger).child({ part: 'tracking' });
    this.now = opts.now ?? (() => new Date());
  }

  get defaultDays(): number {
    return this.opts.backfillDays ?? 30;
  }

  /** Backfills still running in the background. */
  get pendingBackfills(): number {
    return this.background.size;
  }

  async track(input: TrackInput, actor = 'anonymous'): Promise<TrackOutcome> {
    const errors: TrackError[] = [];
    const given: [Platform, string][] = [];
    if (input.tiktokUsername?.trim()) given.push(['TIKTOK', input.tiktokUsername]);
    if (input.xUsername?.trim()) given.push(['X', input.xUsername]);
    if (given.length === 0) {
      return fail({ code: 'BAD_USER_INPUT', field: ['input'], message: 'give tiktokUsername, xUsername or both' });
    }
    const days = input.backfillDays ?? this.defaultDays;
    const maxDays = this.opts.maxBackfillDays ?? 365;
    if (!Number.isInteger(days) || days < 1 || days > maxDays) {
      errors.push({ code: 'BAD_USER_INPUT', field: ['input', 'backfillDays'], message: `backfillDays must be 1 to ${maxDays}` });
    }
    const handles: [Platform, string][] = [];
    for (const [platform, raw] of given) {
      const h = parseHandle(platform, raw);
      if (!h) {
        errors.push({
          code: 'INVALID_HANDLE',
          field: ['input', FIELD[platform]],
          message: `"${raw}" is not a valid ${LANE_NAME[platform]} username: ${HANDLE_RULES[platform].hint}`,
        });
      } else handles.push([platform, h]);
    }
    if (errors.length > 0) return { creatorId: null, errors };

    // Already tracked: the account is in the graph under a tracked creator.
    for (const [platform, h] of handles) {
      const row = await accountByUsername(this.opts.graph, platform, h);
      if (!row) continue;
      const [t] = await this.opts.graph.read<{ creatorId: string; tracked: boolean }>('tracking/tracking-of-accounts', {
        accountIds: [row.id],
      });
      if (t?.tracked) {
        errors.push({
          code: 'ALREADY_TRACKED',
          field: ['input', FIELD[platform]],
          message: `@${h} on ${LANE_NAME[platform]} is already tracked (creator ${t.creatorId})`,
        });
      }
    }
    if (errors.length > 0) return { creatorId: null, errors };

    for (const [platform] of handles) {
      const lane = this.opts.lanes.get(platform);
      const client = platform === 'TIKTOK' ? this.opts.clients.tiklive : this.opts.clients.x;
      if (!client.configured) {
        errors.push({ code: 'LANE_UNAVAILABLE', field: ['input', FIELD[platform]], message: `the ${LANE_NAME[platform]} lane has no credentials configured` });
      } else if (lane.paused) {
        const s = await lane.status();
        errors.push({ code: 'LANE_UNAVAILABLE', field: ['input', FIELD[platform]], message: `the ${LANE_NAME[platform]} lane is paused: ${s.lastError ?? 'budget exhausted'}` });
      }
    }
    if (errors.length > 0) return { creatorId: null, errors };

    // Resolve first (the profile cache makes the write's own lookup free), so one bad handle
    // leaves nothing half-tracked.
    const resolved: Resolved[] = [];
    await Promise.all(
      handles.map(async ([platform, h]) => {
        const r = await this.resolve(platform, h);
        if ('error' in r) errors.push(r.error);
        else resolved.push(r);
      }),
    );
    if (errors.length > 0) return { creatorId: null, errors };
    resolved.sort((a, b) => a.platform.localeCompare(b.platform));

    const tier = input.tier ?? 'LONG_TAIL';
    for (const r of resolved) {
      const res = await this.opts.lanes
        .get(r.platform)
        .run(
          {
            kind: 'profiles',
            refs: [{ userId: r.userId, username: r.username }],
            // Just resolved: the cached body is seconds old, and a user is waiting.
            opts: { tracked: true, tier, backfilled: false, useCache: true },
            interactive: true,
          },
          { priority: true },
        )
        .catch((err: unknown): SyncResult => ({ accounts: [], posts: 0, amplifications: 0, deactivated: [], errors: [{ ref: r.userId, code: 'LANE_ERROR', message: String(err) }] }));
      const err = res.errors[0];
      if (err) {
        errors.push({ code: userErrorCode(err.code), field: ['input', FIELD[r.platform]], message: `${LANE_NAME[r.platform]}: ${err.message}` });
      }
    }
    if (errors.length > 0) return { creatorId: null, errors };

    const ids = resolved.map((r) => toAccountId(r.platform, r.userId));
    if (ids.length === 2) {
      const refused = await this.opts.link(ids, actor, 'linked by trackCreator');
      if (refused) errors.push({ code: refused.code, field: ['input'], message: `tracked, but not linked as one creator: ${refused.message}` });
    }
    const creators = await setCreatorTracking(this.opts.graph, ids, { tracked: true, tier, backfillDays: days, displayName: input.displayName?.trim() || null });
    const creatorId = creators[0] ?? null;
    this.inBackground(
      resolved.map((r) => ({ accountId: toAccountId(r.platform, r.userId), platform: r.platform, platformUserId: r.userId })),
      days,
      true,
    );
    if (ids.length === 1) this.discoverInBackground(ids);
    this.logger.info({ creatorId, accounts: ids, days }, 'tracking creator; backfill started');
    return { creatorId, errors };

    function fail(e: TrackError): TrackOutcome {
      return { creatorId: null, errors: [e] };
    }
  }

  /** Stops scheduling the creator; its data stays. Returns false for an unknown id. */
  async untrack(creatorId: string): Promise<boolean> {
    const [accounts] = await accountsByCreators(this.opts.graph, [creatorId]);
    if (!accounts || accounts.length === 0) return false;
    await setCreatorTracking(this.opts.graph, accounts.map((a) => a.id), { tracked: false });
    return true;
  }

  /**
   * Refetches one account's profile (a profile sync never answers from the cache) and its recent posts now, ahead of queued
   * work. Returns the account as stored afterwards, or null for an unknown id.
   */
  async refresh(id: string): Promise<{ account: AccountRow | null; errors: TrackError[] }> {
    const parsed = parsePlatformId(id);
    const [row] = parsed ? await accountsByIds(this.opts.graph, [id]) : [null];
    if (!parsed || !row) return { account: null, errors: [] };
    const lane = this.opts.lanes.get(parsed.platform);
    const errors: TrackError[] = [];
    const client = parsed.platform === 'TIKTOK' ? this.opts.clients.tiklive : this.opts.clients.x;
    if (!client.configured || lane.paused) {
      const why = !client.configured ? 'has no credentials configured' : 'is paused (budget exhausted)';
      return { account: row, errors: [{ code: 'LANE_UNAVAILABLE', message: `the ${LANE_NAME[parsed.platform]} lane ${why}` }] };
    }
    const profile = await lane.run(
      { kind: 'profiles', refs: [{ userId: row.platformUserId, username: row.username }], interactive: true },
      { priority: true },
    );
    const since = Math.max(
      this.now().getTime() - this.defaultDays * DAY_MS,
      (row.lastPostAt?.getTime() ?? 0) - 2 * DAY_MS,
    );
    const posts = row.active
      ? await lane.run(
          { kind: 'posts', userIds: [row.platformUserId], since: new Date(since).toISOString(), interactive: true },
          { priority: true },
        )
      : { errors: [] };
    for (const e of [...profile.errors, ...posts.errors]) errors.push({ code: userErrorCode(e.code), message: e.message });
    const [after] = await accountsByIds(this.opts.graph, [id]);
    return { account: after, errors };
  }

  /**
   * Tracks many known accounts at once (the simulated world at start, the CLI): profiles in
   * batches through the lanes, then the backfill window. Returns when everything ran.
   */
  async trackMany(
    refs: { platform: Platform; username: string; tier?: TrackingTier }[],
    opts: {
      days?: number;
      /** Handles per profile job. Default 100 on X, 10 on TikTok. */
      batch?: number;
      onProfiles?: (platform: Platform, done: number, total: number) => void; onBackfill?: Parameters<typeof backfillAccounts>[2]['onProgress'] } = {},
  ): Promise<{ accounts: string[]; errors: number; backfill: BackfillSummary }> {
    const days = opts.days ?? this.defaultDays;
    // X reads 100 profiles a request; TikTok one, so small jobs spread over the lane's workers.
    const batchOf = (p: Platform) => opts.batch ?? (p === 'X' ? 100 : 10);
    const written: string[] = [];
    let errorCount = 0;
    const byTier = (p: Platform) => {
      const groups = new Map<TrackingTier, string[]>();
      for (const r of refs.filter((x) => x.platform === p)) {
        const t = r.tier ?? 'LONG_TAIL';
        groups.set(t, [...(groups.get(t) ?? []), r.username]);
      }
      return groups;
    };
    const t0 = Date.now();
    const backfills = Promise.all(
      (['TIKTOK', 'X'] as Platform[]).map(async (platform) => {
        const lane = this.opts.lanes.get(platform);
        const total = refs.filter((r) => r.platform === platform).length;
        let done = 0;
        const jobs: Promise<void>[] = [];
        for (const [tier, names] of byTier(platform)) {
          for (let i = 0; i < names.length; i += batchOf(platform)) {
            const part = names.slice(i, i + batchOf(platform));
            jobs.push(
              lane
                .run({ kind: 'profiles', refs: part.map((username) => ({ username })), opts: { tracked: true, tier, backfilled: false } })
                .then(async (res) => {
                  written.push(...res.accounts);
                  errorCount += res.errors.length;
                  if (res.accounts.length > 0) {
                    await setCreatorTracking(this.opts.graph, res.accounts, { tracked: true, tier, backfillDays: days });
                  }
                })
                .catch((err: unknown) => {
                  errorCount += part.length;
                  this.logger.warn({ err, platform }, 'profile batch failed');
                })
                .finally(() => {
                  done += part.length;
                  opts.onProfiles?.(platform, done, total);
                }),
            );
          }
        }
        await Promise.all(jobs);
        // Each lane starts its backfill as soon as its own profiles are in: X (100 profiles a
        // request) need not wait for TikTok's one-by-one lookups.
        const accounts = written
          .map((id) => ({ id, parsed: parsePlatformId(id) }))
          .filter((a): a is { id: string; parsed: NonNullable<ReturnType<typeof parsePlatformId>> } => a.parsed?.platform === platform)
          .map((a) => ({ accountId: a.id, platform: a.parsed.platform, platformUserId: a.parsed.key }));
        return backfillAccounts({ graph: this.opts.graph, lanes: this.opts.lanes, now: this.now, logger: this.logger }, accounts, {
          days,
          onProgress: opts.onBackfill,
        });
      }),
    ).then(([a, b]) => ({ ...mergeSummaries(a, b), elapsedMs: Date.now() - t0 }));
    return { accounts: written, errors: errorCount, backfill: await backfills };
  }

  /** Loads whatever tracked creators still miss (after a restart or a lane failure). */
  async resumeBackfills(onProgress?: Parameters<typeof backfillAccounts>[2]['onProgress']): Promise<BackfillSummary> {
    const pending = await pendingBackfill(this.opts.graph, this.defaultDays);
    return backfillAccounts({ graph: this.opts.graph, lanes: this.opts.lanes, now: this.now, logger: this.logger }, pending, {
      days: this.defaultDays,
      onProgress,
    });
  }

  /** Resolves when every background backfill and discovery started so far has finished. */
  async idle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  /** Stops starting background work; running backfills end when the lanes close. */
  close(): void {
    this.closed = true;
  }

  private discoverInBackground(accountIds: string[]): void {
    const discover = this.opts.discover;
    if (this.closed || !discover) return;
    const p = discover(accountIds)
      .catch((err: unknown) => this.logger.warn({ err, accounts: accountIds }, 'counterpart discovery failed; the weekly run tries again'))
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }

  private inBackground(accounts: BackfillAccount[], days: number, priority: boolean): void {
    if (this.closed) return;
    const p = backfillAccounts({ graph: this.opts.graph, lanes: this.opts.lanes, now: this.now, logger: this.logger }, accounts, {
      days,
      priority,
    })
      .then((s) => this.logger.info({ done: s.done.length, failed: s.failed.length, posts: s.posts }, 'backfill finished'))
      .catch((err: unknown) => this.logger.error({ err }, 'backfill failed'))
      .finally(() => this.background.delete(p));
    this.background.add(p);
  }

  private async resolve(platform: Platform, handle: string): Promise<Resolved | { error: TrackError }> {
    const field = ['input', FIELD[platform]];
    try {
      if (platform === 'TIKTOK') {
        const info = await this.opts.clients.tiklive.userInfoByUsername(handle);
        if (info.user.privateAccount) {
          return { error: { code: 'PRIVATE', field, message: `@${handle} on TikTok is a private account` } };
        }
        return { platform, userId: info.user.id, username: info.user.uniqueId };
      }
      const u = await this.opts.clients.x.userByUsername(handle);
      if (u.protected) return { error: { code: 'PRIVATE', field, message: `@${handle} on X has protected posts` } };
      return { platform, userId: u.id, username: u.username };
    } catch (err) {
      if (!isProviderError(err)) throw err;
      return { error: { code: userErrorCode(err.code), field, message: `@${handle} on ${LANE_NAME[platform]}: ${err.message}` } };
    }
  }
}

function mergeSummaries(a: BackfillSummary, b: BackfillSummary): BackfillSummary {
  return {
    accounts: a.accounts + b.accounts,
    done: [...a.done, ...b.done],
    failed: [...a.failed, ...b.failed],
    posts: a.posts + b.posts,
    amplifications: a.amplifications + b.amplifications,
    deactivated: [...a.deactivated, ...b.deactivated],
    creatorsBackfilled: [...new Set([...a.creatorsBackfilled, ...b.creatorsBackfilled])],
    elapsedMs: Math.max(a.elapsedMs, b.elapsedMs),
  };
}

