/**
 * The ingest pipeline: provider clients -> normalisers -> the graph's write step (graph/batch.ts).
 * The lanes (workers, queues, schedules, backfill) call these four functions; replay.ts feeds
 * staged bodies through the same `writeBatch` step, so a live sync and a replay write alike.
 *
 * Failure is per item, never per lane: a profile or post that cannot be read is logged, listed in
 * `SyncResult.errors` and skipped (its raw body is already staged through the clients'
 * `onResponse` hook); a whole response the client rejects as MALFORMED is salvaged item by item
 * from its raw body. Entity errors about a user id (gone, suspended) deactivate the account.
 * Lane-wide failures (no key, no credits, usage cap, a long rate-limit window, or several
 * transient failures in a row) stop the call early and mark the remaining refs with that error,
 * so a paused lane costs nothing.
 */
import { LANE_STOP_CODES, MAX_TRANSIENT_IN_A_ROW, syncCodeOr, type SyncErrorCode } from '../error-codes';
import type { AccountWriteOptions, Deactivation } from '../graph/accounts';
import { writeBatch, type RecordBatch } from '../graph/batch';
import type { TagHourKey } from '../graph/trend-rollup';
import type { AccountRecord } from '../graph/model';
import { accountId } from '../graph/model';
import type { Logger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import { isProviderError, type ProviderClients, type XItemError, type XProblem, type XUser } from '../providers';
import { TIKLIVE_PATHS } from '../providers/tiklive/assumptions';
import type { TikLiveVideo } from '../providers/tiklive/types';
import { problemCode, problemText } from '../providers/x/errors';
import { X_ENDPOINTS, X_LIMITS } from '../providers/x/fields';
import { goneReason } from './deletion';
import type { NormalizedPost, RejectedItem } from './normalize/post';
import { normalizeTikTokProfile, normalizeTikTokVideos, readTikTokPostsBody } from './normalize/tiklive';
import { normalizeXTimeline, normalizeXUsers, readXTimelineBody, readXUsersBody, type XTimelineInput } from './normalize/x';

export interface IngestContext {
  graph: GraphClient;
  clients: ProviderClients;
  logger: Logger;
  /** Clock for fetchedAt and deactivation times. Default () => new Date(). */
  now?: () => Date;
  /** Called with the ids of accounts written (for incremental matching); default none. */
  onAccountsWritten?: (accountIds: string[]) => Promise<void>;
  /** Called with the hourly hashtag rollup hours a posts write touched and the lane's clock (live trend spikes); default none. */
  onTagHoursWritten?: (keys: TagHourKey[], now: Date) => Promise<void>;
  /**
   * Called with the ids of posts a posts sync wrote, after their AMPLIFIED edges (cross-post
   * detection and amplificationDetected hang here); default none. A failure is logged, never fails
   * the sync.
   */
  onPostsWritten?: (postIds: string[]) => Promise<void>;
  /** Provider calls in flight per sync call (the lane's limiter paces them further). Default 4. */
  concurrency?: number;
}

export interface ProfileRef {
  username?: string;
  /** Platform user id; preferred when known (only an id-based "not found" proves deletion). */
  userId?: string;
}

export interface ProfileSyncOptions extends AccountWriteOptions {
  /**
   * Answer from the profile cache when it holds the profile (trackCreator, discovery: repeated
   * look-ups cost nothing). Default false: a sync is a refresh, it must see deletions and record a
   * true snapshot, not replay yesterday's cached body under today's date.
   */
  useCache?: boolean;
}

export interface SyncError {
  /** "@handle" or "<platform>:<id>" as asked, or the record's id for a rejected item. */
  ref: string;
  /** A provider's code, MALFORMED for an item the normaliser rejected, or a sync code. */
  code: SyncErrorCode;
  message: string;
}

export interface SyncResult {
  /** Account ids written. */
  accounts: string[];
  /** Posts written (including retweeted/quoted originals whose authors are in the graph). */
  posts: number;
  /** AMPLIFIED edges written, including waiting ones connected now. */
  amplifications: number;
  /** Account ids now inactive because the provider reported them gone. */
  deactivated: string[];
  errors: SyncError[];
}

/** Posts written per graph batch while a posts sync is still fetching. */
const POSTS_FLUSH_AT = 1000;

export function emptyResult(): SyncResult {
  return { accounts: [], posts: 0, amplifications: 0, deactivated: [], errors: [] };
}

function mergeInto(into: SyncResult, r: SyncResult): void {
  into.accounts.push(...r.accounts.filter((a) => !into.accounts.includes(a)));
  into.posts += r.posts;
  into.amplifications += r.amplifications;
  into.deactivated.push(...r.deactivated.filter((a) => !into.deactivated.includes(a)));
  into.errors.push(...r.errors);
}

// ------------------------------------------------------------------ helpers for the sync calls

/** Tracks lane-wide failure across one sync call: stops after a lane error or a run of transient ones. */
class LaneGuard {
  stopped?: { code: SyncErrorCode; message: string };
  private transientRun = 0;

  /** Records the outcome of one provider call. */
  note(err?: unknown): void {
    if (!err) {
      this.transientRun = 0;
      return;
    }
    if (!isProviderError(err)) return;
    if (LANE_STOP_CODES.has(err.code)) this.stopped ??= { code: err.code, message: err.message };
    else if (err.code === 'TRANSIENT') {
      this.transientRun++;
      if (this.transientRun >= MAX_TRANSIENT_IN_A_ROW) {
        this.stopped ??= { code: 'TRANSIENT', message: `${this.transientRun} transient failures in a row: ${err.message}` };
      }
    } else this.transientRun = 0;
  }
}

/** Runs fn over items with at most `limit` in flight, until the guard stops. Returns items not started. */
async function forEachLimited<T>(items: readonly T[], limit: number, guard: LaneGuard, fn: (item: T) => Promise<void>): Promise<T[]> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !guard.stopped) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return items.slice(next);
}

function errorOf(ref: string, e: unknown): SyncError {
  if (isProviderError(e)) return { ref, code: e.code, message: e.message };
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return { ref, code: syncCodeOr(code, 'INTERNAL'), message: e instanceof Error ? e.message : String(e) };
}

function rejectedErrors(items: RejectedItem[]): SyncError[] {
  return items.map((r) => ({ ref: r.ref, code: 'MALFORMED', message: r.reason }));
}

function clockOf(ctx: IngestContext): () => Date {
  return ctx.now ?? (() => new Date());
}

function logErrors(ctx: IngestContext, lane: string, errors: SyncError[]): void {
  for (const e of errors) {
    if (e.code === 'MALFORMED') ctx.logger.warn({ lane, ref: e.ref, reason: e.message }, 'malformed provider record skipped (raw body staged)');
    else ctx.logger.debug({ lane, ref: e.ref, code: e.code, reason: e.message }, 'provider record unavailable');
  }
}

async function postsWritten(ctx: IngestContext, lane: string, postIds: string[]): Promise<void> {
  if (postIds.length === 0 || !ctx.onPostsWritten) return;
  await ctx.onPostsWritten(postIds).catch((err: unknown) =>
    ctx.logger.warn({ err, lane, posts: postIds.length }, 'post-write hook failed (cross-posts, amplification events)'),
  );
}

async function finish(ctx: IngestContext, lane: string, result: SyncResult, ownAccounts: string[]): Promise<SyncResult> {
  logErrors(ctx, lane, result.errors);
  if (ownAccounts.length > 0 && ctx.onAccountsWritten) await ctx.onAccountsWritten(ownAccounts);
  return result;
}

function refLabel(prefix: 'tiktok' | 'x', r: ProfileRef): string {
  return r.userId ? `${prefix}:${r.userId}` : `@${(r.username ?? '').replace(/^@/, '')}`;
}

/** Graph accounts of a platform by handle: lower-cased handle -> platform user id. */
async function idsByUsername(graph: GraphClient, platform: 'TIKTOK' | 'X', usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await graph.read<{ platformUserId: string; usernameLower: string }>('ingest/accounts-by-usernames', {
    platform,
    usernames: [...new Set(usernames.map((u) => u.replace(/^@/, '').toLowerCase()))],
  });
  return new Map(rows.map((r) => [r.usernameLower, r.platformUserId]));
}

// ------------------------------------------------------------------ TikTok profiles

export async function syncTikTokProfiles(
  ctx: IngestContext,
  refs: ProfileRef[],
  opts: ProfileSyncOptions = {},
): Promise<SyncResult> {
  const lookup = { noCache: !opts.useCache };
  const fetchedAt = clockOf(ctx)().toISOString();
  const guard = new LaneGuard();
  const result = emptyResult();
  const accounts: AccountRecord[] = [];
  const deactivations: Deactivation[] = [];
  /** Handles "not found" that the graph knows by id: asked again by id (renamed, or really gone). */
  const notFoundHandles: { ref: ProfileRef; error: SyncError }[] = [];

  const fetchOne = async (ref: ProfileRef, viaHandleOf?: ProfileRef): Promise<void> => {
    const label = refLabel('tiktok', viaHandleOf ?? ref);
    const endpoint = ref.userId ? TIKLIVE_PATHS.userInfoById : TIKLIVE_PATHS.userInfoByUsername;
    try {
      const info = ref.userId
        ? await ctx.clients.tiklive.userInfoById(ref.userId, lookup)
        : await ctx.clients.tiklive.userInfoByUsername(ref.username ?? '', lookup);
      guard.note();
      try {
        accounts.push(normalizeTikTokProfile(info, fetchedAt, endpoint));
      } catch (e) {
        result.errors.push({ ref: label, code: 'MALFORMED', message: errorOf(label, e).message });
      }
    } catch (e) {
      guard.note(e);
      const err = errorOf(label, e);
      const gone = isProviderError(e) ? goneReason(e.code, ref.userId ? 'id' : 'username') : undefined;
      if (gone && ref.userId) deactivations.push({ accountId: accountId('TIKTOK', ref.userId), at: fetchedAt, reason: gone });
      if (isProviderError(e) && e.code === 'NOT_FOUND' && !ref.userId && !viaHandleOf) notFoundHandles.push({ ref, error: err });
      else result.errors.push(err);
    }
  };

  const valid = refs.filter((r) => r.userId || r.username);
  const skipped = await forEachLimited(valid, ctx.concurrency ?? 4, guard, (r) => fetchOne(r));

  if (notFoundHandles.length > 0 && !guard.stopped) {
    const known = await idsByUsername(ctx.graph, 'TIKTOK', notFoundHandles.map((n) => n.ref.username ?? ''));
    const again: { ref: ProfileRef; via: ProfileRef }[] = [];
    for (const n of notFoundHandles) {
      const id = known.get((n.ref.username ?? '').replace(/^@/, '').toLowerCase());
      if (id) again.push({ ref: { userId: id }, via: n.ref });
      else result.errors.push(n.error);
    }
    skipped.push(...(await forEachLimited(again, ctx.concurrency ?? 4, guard, (a) => fetchOne(a.ref, a.via))).map((a) => a.via));
  } else result.errors.push(...notFoundHandles.map((n) => n.error));

  for (const r of skipped) {
    result.errors.push({ ref: refLabel('tiktok', r), code: guard.stopped!.code, message: `not attempted: ${guard.stopped!.message}` });
  }
  for (const r of refs.filter((x) => !x.userId && !x.username)) {
    result.errors.push({ ref: '(empty)', code: 'INVALID_REQUEST', message: 'a profile ref needs a username or a userId' });
  }

  const { useCache: _tc, ...writeOpts } = opts;
  const w = await writeBatch(ctx.graph, { accounts, deactivations }, writeOpts);
  result.accounts = w.accounts;
  result.deactivated = w.deactivated;
  return finish(ctx, 'tiktok', result, w.accounts);
}

// ------------------------------------------------------------------ X profiles

/** The value a partial error is about (username or id). */
function problemValue(p: XProblem): string {
  if (typeof p.value === 'string') return p.value;
  if (typeof p.resource_id === 'string') return p.resource_id;
  return /\[([^\]]+)\]/.exec(p.detail ?? '')?.[1] ?? '';
}

function itemErrorsOf(problems: XProblem[]): XItemError[] {
  return problems.map((p) => {
    const code = problemCode(p);
    const itemCode: XItemError['code'] =
      code === 'NOT_FOUND' || code === 'SUSPENDED' || code === 'PRIVATE' || code === 'INVALID_REQUEST' ? code : 'TRANSIENT';
    return { value: problemValue(p), code: itemCode, detail: problemText(p), problem: p };
  });
}

export async function syncXProfiles(
  ctx: IngestContext,
  refs: ProfileRef[],
  opts: ProfileSyncOptions = {},
): Promise<SyncResult> {
  const cacheOpts = { noCache: !opts.useCache };
  const fetchedAt = clockOf(ctx)().toISOString();
  const guard = new LaneGuard();
  const result = emptyResult();
  const accounts: AccountRecord[] = [];
  const deactivations: Deactivation[] = [];
  const suspendedHandles: string[] = [];
  const notFoundHandles: XItemError[] = [];

  /** One batch request (at most 100 values); per-item results are sorted into the lists above. */
  const lookup = async (kind: 'id' | 'username', values: string[], retryOfHandles?: Map<string, string>): Promise<void> => {
    const endpoint = kind === 'id' ? X_ENDPOINTS.usersByIds : X_ENDPOINTS.usersByUsernames;
    const label = (v: string) => {
      const handle = retryOfHandles?.get(v);
      return handle ? `@${handle}` : kind === 'id' ? `x:${v}` : `@${v}`;
    };
    let users: XUser[];
    let itemErrors: XItemError[];
    try {
      const batch =
        kind === 'id' ? await ctx.clients.x.usersByIds(values, cacheOpts) : await ctx.clients.x.usersByUsernames(values, cacheOpts);
      guard.note();
      users = batch.users;
      itemErrors = batch.errors;
    } catch (e) {
      guard.note(e);
      if (isProviderError(e) && e.code === 'MALFORMED' && e.rawBody) {
        // One bad user fails the client's whole-response validation; keep the other 99.
        try {
          const salvaged = readXUsersBody(e.rawBody);
          users = salvaged.users;
          itemErrors = itemErrorsOf(salvaged.problems);
          result.errors.push(...rejectedErrors(salvaged.rejected));
        } catch {
          for (const v of values) result.errors.push(errorOf(label(v), e));
          return;
        }
      } else {
        for (const v of values) result.errors.push(errorOf(label(v), e));
        return;
      }
    }
    const normalized = normalizeXUsers(users, fetchedAt, endpoint);
    accounts.push(...normalized.accounts);
    result.errors.push(...rejectedErrors(normalized.rejected));
    for (const ie of itemErrors) {
      const gone = goneReason(ie.code, kind);
      if (kind === 'id' && gone) deactivations.push({ accountId: accountId('X', ie.value), at: fetchedAt, reason: gone });
      if (kind === 'username' && ie.code === 'SUSPENDED') suspendedHandles.push(ie.value);
      if (kind === 'username' && ie.code === 'NOT_FOUND' && !retryOfHandles) notFoundHandles.push(ie);
      else result.errors.push({ ref: label(ie.value), code: ie.code, message: ie.detail });
    }
  };

  const chunk = <T>(xs: T[]) => {
    const out: T[][] = [];
    for (let i = 0; i < xs.length; i += X_LIMITS.batchSize) out.push(xs.slice(i, i + X_LIMITS.batchSize));
    return out;
  };
  const ids = [...new Set(refs.filter((r) => r.userId).map((r) => r.userId!.trim()))];
  const names = [...new Set(refs.filter((r) => !r.userId && r.username).map((r) => r.username!.trim().replace(/^@/, '')))];
  const jobs: { kind: 'id' | 'username'; values: string[] }[] = [
    ...chunk(ids).map((values) => ({ kind: 'id' as const, values })),
    ...chunk(names).map((values) => ({ kind: 'username' as const, values })),
  ];
  const skipped = await forEachLimited(jobs, ctx.concurrency ?? 4, guard, (j) => lookup(j.kind, j.values));

  // A handle X does not know may belong to an account we hold under its id (renamed, or gone).
  if (notFoundHandles.length > 0 || suspendedHandles.length > 0) {
    const known = await idsByUsername(ctx.graph, 'X', [...notFoundHandles.map((n) => n.value), ...suspendedHandles]);
    for (const h of suspendedHandles) {
      const id = known.get(h.toLowerCase());
      if (id) deactivations.push({ accountId: accountId('X', id), at: fetchedAt, reason: 'SUSPENDED' });
    }
    const retry = new Map<string, string>();
    for (const n of notFoundHandles) {
      const id = known.get(n.value.toLowerCase());
      if (id && !guard.stopped) retry.set(id, n.value);
      else result.errors.push({ ref: `@${n.value}`, code: n.code, message: n.detail });
    }
    for (const values of chunk([...retry.keys()])) {
      if (guard.stopped) {
        for (const v of values) skipped.push({ kind: 'username', values: [retry.get(v)!] });
        continue;
      }
      await lookup('id', values, retry);
    }
  }

  for (const j of skipped) {
    for (const v of j.values) {
      result.errors.push({ ref: j.kind === 'id' ? `x:${v}` : `@${v}`, code: guard.stopped!.code, message: `not attempted: ${guard.stopped!.message}` });
    }
  }

  const { useCache: _xc, ...writeOpts } = opts;
  const w = await writeBatch(ctx.graph, { accounts, deactivations }, writeOpts);
  result.accounts = w.accounts;
  result.deactivated = w.deactivated;
  return finish(ctx, 'x', result, w.accounts);
}

// ------------------------------------------------------------------ posts (both platforms)

interface PostsSyncPlan {
  lane: 'tiktok' | 'x';
  platform: 'TIKTOK' | 'X';
  syncProfiles: (ctx: IngestContext, refs: ProfileRef[]) => Promise<SyncResult>;
  /** Fetches and normalises one user's posts, adding to `sink`. Throws provider errors. */
  fetchUser: (userId: string, username: string | undefined, sink: PostSink) => Promise<void>;
}

interface PostSink {
  posts: NormalizedPost[];
  optional: NormalizedPost[];
  errors: SyncError[];
}

/**
 * The shared shape of both posts syncs: make sure the authors exist (fetching missing profiles),
 * fetch each user's posts, write in batches as they accumulate, deactivate users reported gone.
 */
async function syncPosts(ctx: IngestContext, userIds: string[], plan: PostsSyncPlan): Promise<SyncResult> {
  const result = emptyResult();
  const guard = new LaneGuard();
  const ids = [...new Set(userIds.map((u) => u.trim()).filter(Boolean))];
  const fetchedAt = clockOf(ctx)().toISOString();

  const lookup = async () =>
    new Map(
      (
        await ctx.graph.read<{ id: string; platformUserId: string; username: string }>('ingest/accounts-by-ids', {
          ids: ids.map((i) => accountId(plan.platform, i)),
        })
      ).map((r) => [r.platformUserId, r.username]),
    );
  let known = await lookup();
  const missing = ids.filter((i) => !known.has(i));
  if (missing.length > 0) {
    mergeInto(result, await plan.syncProfiles(ctx, missing.map((userId) => ({ userId }))));
    known = await lookup();
  }

  const sink: PostSink = { posts: [], optional: [], errors: [] };
  const deactivations: Deactivation[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = (final: boolean): Promise<void> => {
    if (!final && sink.posts.length + sink.optional.length < POSTS_FLUSH_AT) return writing;
    const batch: RecordBatch = { posts: sink.posts.splice(0), optionalPosts: sink.optional.splice(0) };
    writing = writing.then(async () => {
      const onTagHours = ctx.onTagHoursWritten;
      const w = await writeBatch(ctx.graph, batch, {}, {
        onTagHours: onTagHours && ((keys) => onTagHours(keys, clockOf(ctx)())),
      });
      result.posts += w.posts;
      result.amplifications += w.amplifications;
      for (const o of w.orphanPosts) result.errors.push({ ref: o, code: 'NO_AUTHOR', message: 'author not in the graph' });
      await postsWritten(ctx, plan.lane, w.postIds);
    });
    return writing;
  };

  const present = ids.filter((i) => known.has(i));
  const skipped = await forEachLimited(present, ctx.concurrency ?? 4, guard, async (id) => {
    try {
      await plan.fetchUser(id, known.get(id), sink);
      guard.note();
    } catch (e) {
      guard.note(e);
      const gone = isProviderError(e) ? goneReason(e.code, 'id') : undefined;
      if (gone) deactivations.push({ accountId: accountId(plan.platform, id), at: fetchedAt, reason: gone });
      sink.errors.push(errorOf(`${plan.lane}:${id}`, e));
    }
    await flush(false);
  });
  await flush(true);

  result.errors.push(...sink.errors);
  for (const id of skipped) {
    result.errors.push({ ref: `${plan.lane}:${id}`, code: guard.stopped!.code, message: `not attempted: ${guard.stopped!.message}` });
  }
  const d = await writeBatch(ctx.graph, { deactivations });
  result.deactivated.push(...d.deactivated.filter((a) => !result.deactivated.includes(a)));
  logErrors(ctx, plan.lane, sink.errors);
  return result;
}

/** Safety bound on pages followed per user and call. */
const MAX_PAGES = 1000;

/**
 * One user's TikTok posts since `since`, page by page. Unlike the client's allPosts it keeps every
 * video a page returned (paid for, and exactly what replay will find in the staged page), and a
 * page the client rejects as a whole is salvaged item by item and paging continues from its
 * cursor. Stops when `hasMore` is false, a page brings nothing new, the cursor stops moving, or the
 * oldest non-pinned video of a page is older than `since` (pinned ones lead page one at any age).
 */
async function fetchTikTokPosts(
  ctx: IngestContext,
  userId: string,
  since: Date,
  onPage: (videos: TikLiveVideo[], rejected: RejectedItem[]) => void,
): Promise<void> {
  const sinceSec = since.getTime() / 1000;
  const seen = new Set<string>();
  let cursor = '0';
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    let page: { videos: TikLiveVideo[]; cursor?: string; hasMore: boolean };
    try {
      page = await ctx.clients.tiklive.userPosts(userId, { cursor });
    } catch (e) {
      if (!(isProviderError(e) && e.code === 'MALFORMED' && e.rawBody)) throw e;
      let salvaged;
      try {
        salvaged = readTikTokPostsBody(e.rawBody);
      } catch {
        throw e;
      }
      onPage([], [{ ref: `tiktok:${userId}`, reason: `page at cursor ${cursor}: ${e.message}` }, ...salvaged.rejected]);
      page = salvaged;
    }
    const fresh = page.videos.filter((v) => !seen.has(v.video_id));
    for (const v of fresh) seen.add(v.video_id);
    onPage(fresh, []);
    const tail = [...page.videos].reverse().find((v) => !v.pinned);
    const pastWindow = tail !== undefined && tail.create_time < sinceSec;
    if (pastWindow || !page.hasMore || fresh.length === 0 || page.cursor === undefined || page.cursor === cursor) return;
    cursor = page.cursor;
  }
  ctx.logger.warn({ userId, maxPages: MAX_PAGES }, 'TikTok posts sync stopped at the page bound');
}

/**
 * One user's X timeline since `since`, page by page (start_time filters on X's side). A page the
 * client rejects as a whole is salvaged item by item and paging continues from its next_token.
 */
async function fetchXPosts(
  ctx: IngestContext,
  userId: string,
  since: Date,
  onPage: (page: XTimelineInput, rejected: RejectedItem[]) => void,
): Promise<void> {
  const seen = new Set<string>();
  const tokens = new Set<string>();
  let token: string | undefined;
  for (let pageNo = 1; pageNo <= MAX_PAGES; pageNo++) {
    let page: XTimelineInput & { meta: { next_token?: string } };
    try {
      page = await ctx.clients.x.userTweets(userId, { startTime: since, paginationToken: token });
    } catch (e) {
      if (!(isProviderError(e) && e.code === 'MALFORMED' && e.rawBody)) throw e;
      let salvaged;
      try {
        salvaged = readXTimelineBody(e.rawBody);
      } catch {
        throw e;
      }
      onPage({ tweets: [], includes: { users: [], tweets: [] } }, [
        { ref: `x:${userId}`, reason: `page ${pageNo}: ${e.message}` },
        ...salvaged.rejected,
      ]);
      page = salvaged;
    }
    const fresh = page.tweets.filter((t) => !seen.has(t.id));
    for (const t of fresh) seen.add(t.id);
    onPage({ tweets: fresh, includes: page.includes }, []);
    const next = page.meta.next_token;
    // An empty page may still carry a next_token (docs/providers.md X.5): only a missing or repeated one ends it.
    if (!next || tokens.has(next)) return;
    tokens.add(next);
    token = next;
  }
  ctx.logger.warn({ userId, maxPages: MAX_PAGES }, 'X posts sync stopped at the page bound');
}

export async function syncTikTokPosts(ctx: IngestContext, userIds: string[], opts: { since: Date }): Promise<SyncResult> {
  return syncPosts(ctx, userIds, {
    lane: 'tiktok',
    platform: 'TIKTOK',
    syncProfiles: syncTikTokProfiles,
    fetchUser: async (userId, username, sink) => {
      const fetchedAt = clockOf(ctx)().toISOString();
      await fetchTikTokPosts(ctx, userId, opts.since, (videos, rejected) => {
        const n = normalizeTikTokVideos(videos, { requestedUserId: userId, authorUsername: username, fetchedAt });
        sink.posts.push(...n.posts);
        sink.errors.push(...rejectedErrors(rejected), ...rejectedErrors(n.rejected));
      });
    },
  });
}

export async function syncXPosts(ctx: IngestContext, userIds: string[], opts: { since: Date }): Promise<SyncResult> {
  return syncPosts(ctx, userIds, {
    lane: 'x',
    platform: 'X',
    syncProfiles: syncXProfiles,
    fetchUser: async (userId, _username, sink) => {
      const fetchedAt = clockOf(ctx)().toISOString();
      await fetchXPosts(ctx, userId, opts.since, (page, rejected) => {
        const n = normalizeXTimeline(page, { requestedUserId: userId, fetchedAt });
        sink.posts.push(...n.posts);
        sink.optional.push(...n.referenced);
        sink.errors.push(...rejectedErrors(rejected), ...rejectedErrors(n.rejected));
      });
    },
  });
}
