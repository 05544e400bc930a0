/**
 * What every sync call shares: its context (graph, clients, clock), what it is asked for, and what
 * it reports back (accounts written, posts, deactivations, and per-item errors).
 *
 * Failure is per item, never per lane: a profile or post that cannot be read is logged, listed in
 * `SyncResult.errors` and skipped (its raw body is already staged through the clients'
 * `onResponse` hook). The syncs themselves are profile-sync.ts and post-sync.ts; when a whole lane
 * stops is failure-policy.ts's call.
 */
import { syncCodeOr, type SyncErrorCode } from '../error-codes';
import type { AccountWriteOptions } from '../graph/accounts';
import type { TagHourKey } from '../graph/trend-rollup';
import type { Logger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import { isProviderError, type ProviderClients } from '../providers';
import type { RejectedItem } from './normalize/post';

export interface IngestContext {
  graph: GraphClient;
  clients: ProviderClients;
  logger: Logger;
  /** Clock for fetchedAt and deactivation times. Default () => new Date(). */
  now?: () => Date;
  /** Called with the ids of accounts written (for incremental matching); default none. */
  onAccountsWritten?: (accountIds: string[]) => Promise<void>;
  /**
   * Called with the ids of posts a posts sync wrote, after their AMPLIFIED edges (cross-post
   * detection and amplificationDetected hang here); default none. A failure is logged, never fails
   * the sync.
   */
  onPostsWritten?: (postIds: string[]) => Promise<void>;
  /** Called with the hourly hashtag rollup hours a posts write touched and the lane's clock (live trend spikes); default none. */
  onTagHoursWritten?: (keys: TagHourKey[], now: Date) => Promise<void>;
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

export function emptyResult(): SyncResult {
  return { accounts: [], posts: 0, amplifications: 0, deactivated: [], errors: [] };
}

export function mergeInto(into: SyncResult, r: SyncResult): void {
  into.accounts.push(...r.accounts.filter((a) => !into.accounts.includes(a)));
  into.posts += r.posts;
  into.amplifications += r.amplifications;
  into.deactivated.push(...r.deactivated.filter((a) => !into.deactivated.includes(a)));
  into.errors.push(...r.errors);
}

export function errorOf(ref: string, e: unknown): SyncError {
  if (isProviderError(e)) return { ref, code: e.code, message: e.message };
  const code = e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
  return { ref, code: syncCodeOr(code, 'INTERNAL'), message: e instanceof Error ? e.message : String(e) };
}

export function rejectedErrors(items: RejectedItem[]): SyncError[] {
  return items.map((r) => ({ ref: r.ref, code: 'MALFORMED', message: r.reason }));
}

export function clockOf(ctx: IngestContext): () => Date {
  return ctx.now ?? (() => new Date());
}

export function logErrors(ctx: IngestContext, lane: string, errors: SyncError[]): void {
  for (const e of errors) {
    if (e.code === 'MALFORMED') ctx.logger.warn({ lane, ref: e.ref, reason: e.message }, 'malformed provider record skipped (raw body staged)');
    else ctx.logger.debug({ lane, ref: e.ref, code: e.code, reason: e.message }, 'provider record unavailable');
  }
}

export async function postsWritten(ctx: IngestContext, lane: string, postIds: string[]): Promise<void> {
  if (postIds.length === 0 || !ctx.onPostsWritten) return;
  await ctx.onPostsWritten(postIds).catch((err: unknown) =>
    ctx.logger.warn({ err, lane, posts: postIds.length }, 'post-write hook failed (cross-posts, amplification events)'),
  );
}

export async function finish(ctx: IngestContext, lane: string, result: SyncResult, ownAccounts: string[]): Promise<SyncResult> {
  logErrors(ctx, lane, result.errors);
  if (ownAccounts.length > 0 && ctx.onAccountsWritten) await ctx.onAccountsWritten(ownAccounts);
  return result;
}

export function refLabel(prefix: 'tiktok' | 'x', r: ProfileRef): string {
  return r.userId ? `${prefix}:${r.userId}` : `@${(r.username ?? '').replace(/^@/, '')}`;
}

/** Graph accounts of a platform by handle: lower-cased handle -> platform user id. */
export async function idsByUsername(graph: GraphClient, platform: 'TIKTOK' | 'X', usernames: string[]): Promise<Map<string, string>> {
  if (usernames.length === 0) return new Map();
  const rows = await graph.read<{ platformUserId: string; usernameLower: string }>('ingest/accounts-by-usernames', {
    platform,
    usernames: [...new Set(usernames.map((u) => u.replace(/^@/, '').toLowerCase()))],
  });
  return new Map(rows.map((r) => [r.usernameLower, r.platformUserId]));
}
