/**
 * Replay: rebuilds the graph from raw staging alone, through the same normalisers and the same
 * write step (`writeBatch`, graph/batch.ts) a live sync uses. Idempotent: the writes are MERGEs on
 * constrained keys, every value comes from the staged exchange (fetchedAt is the exchange's
 * request time), and deactivation is guarded by times rather than by arrival order, so replaying
 * twice, or after a live sync, changes nothing.
 *
 * Two passes over the staging: profiles first (so every author, mention target and retweeted
 * author is known, as it is when a live sync refreshes profiles before posts), then post pages.
 * Reports that an account is gone (id-based not-found, suspension) are collected in both passes
 * and applied at the end; the deactivation query ignores evidence older than the account's last
 * successful fetch, so the order they were staged in does not matter.
 *
 * Error responses and retried attempts are classified with the providers' own classifiers and
 * skipped; only success bodies become records.
 */
import type { Deactivation } from '../graph/accounts';
import { writeBatch } from '../graph/batch';
import type { AccountRecord } from '../graph/model';
import { accountId } from '../graph/model';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import type { GraphClient } from '../neo4j/graph-client';
import type { ProviderError } from '../providers/errors';
import type { HttpResponse } from '../providers/http';
import { TIKLIVE_PATHS } from '../providers/tiklive/assumptions';
import { tikLiveClassifier } from '../providers/tiklive/errors';
import { problemCode, problemValue } from '../providers/x/errors';
import { X_ENDPOINTS } from '../providers/x/fields';
import { xClassifier } from '../providers/x/errors';
import { goneReason } from './deletion';
import type { NormalizedPost, RejectedItem } from './normalize/post';
import { readPostsBody as readTikTokPostsBody, readProfileBody as readTikTokProfileBody } from '../providers/tiklive/salvage';
import { readTimelineBody as readXTimelineBody, readUsersBody as readXUsersBody } from '../providers/x/salvage';
import { normalizeTikTokProfile, normalizeTikTokVideos } from './normalize/tiklive';
import { normalizeXTimeline, normalizeXUsers } from './normalize/x';
import type { StagedExchange, Staging } from './staging';

export interface ReplayOptions {
  /** Called with the number of staged exchanges handled so far (it ends at the total staged). */
  onProgress?(n: number): void;
  logger?: Logger;
  /** Accounts per write batch. Default 500. */
  accountBatch?: number;
  /** Posts per write batch. Default 2000. */
  postBatch?: number;
  /**
   * After each batch of posts is written, as the live sync's post-write hook (the CLI passes the
   * cross-post upkeep), so a replayed graph gets its cross-posts the way an ingested one does.
   */
  onPostsWritten?(postIds: string[]): Promise<void>;
}

export interface ReplayResult {
  /** Staged exchanges read. */
  exchanges: number;
  /** Success bodies turned into records (profiles and post pages). */
  used: number;
  /** Error responses, retried attempts and endpoints replay does not use. */
  skipped: number;
  /** Bodies or items that could not be read (MALFORMED), skipped as in the live sync. */
  rejected: number;
  accounts: number;
  posts: number;
  amplifications: number;
  /** Accounts inactive after the replay's deletion reports. */
  deactivated: number;
}

type Kind =
  | { lane: 'tiktok'; what: 'profile'; by: 'id' | 'username'; value: string }
  | { lane: 'tiktok'; what: 'posts'; userId: string }
  | { lane: 'x'; what: 'users'; by: 'id' | 'username'; endpoint: string }
  | { lane: 'x'; what: 'tweets'; userId: string }
  | { what: 'other' };

const X_USER_TWEETS = /\/2\/users\/(\d{1,19})\/tweets\/?$/;
const X_USER_BY_ID = /\/2\/users\/(\d{1,19})\/?$/;
const X_USER_BY_NAME = /\/2\/users\/by\/username\/([^/]+)\/?$/;

/** What a staged exchange is, from its logical endpoint (or, for older lines, its path). */
export function kindOf(e: StagedExchange): Kind {
  if (e.lane === 'tiktok') {
    const ep = e.endpoint ?? Object.values(TIKLIVE_PATHS).find((p) => e.path.endsWith(p) || e.path.endsWith(p.slice(0, -1)));
    if (ep === TIKLIVE_PATHS.userInfoById) return { lane: 'tiktok', what: 'profile', by: 'id', value: e.query.userid ?? '' };
    if (ep === TIKLIVE_PATHS.userInfoByUsername) return { lane: 'tiktok', what: 'profile', by: 'username', value: e.query.username ?? '' };
    if (ep === TIKLIVE_PATHS.userPosts && e.query.userid) return { lane: 'tiktok', what: 'posts', userId: e.query.userid };
    return { what: 'other' };
  }
  const tweets = X_USER_TWEETS.exec(e.path);
  if (tweets) return { lane: 'x', what: 'tweets', userId: tweets[1] };
  if (/\/2\/users\/by\/?$/.test(e.path)) return { lane: 'x', what: 'users', by: 'username', endpoint: X_ENDPOINTS.usersByUsernames };
  if (X_USER_BY_NAME.test(e.path)) return { lane: 'x', what: 'users', by: 'username', endpoint: X_ENDPOINTS.userByUsername };
  if (/\/2\/users\/?$/.test(e.path)) return { lane: 'x', what: 'users', by: 'id', endpoint: X_ENDPOINTS.usersByIds };
  if (X_USER_BY_ID.test(e.path)) return { lane: 'x', what: 'users', by: 'id', endpoint: X_ENDPOINTS.userById };
  return { what: 'other' };
}

function response(e: StagedExchange): HttpResponse {
  return { status: e.status, headers: e.headers ?? {}, body: e.body ?? '' };
}

/** The provider's verdict on a staged response: undefined for a success body. */
function classify(e: StagedExchange, endpoint: string): ProviderError | undefined {
  return e.lane === 'tiktok' ? tikLiveClassifier(endpoint)(response(e)) : xClassifier(endpoint)(response(e));
}

export async function replayStaging(graph: GraphClient, staging: Staging, opts: ReplayOptions = {}): Promise<ReplayResult> {
  const log = (opts.logger ?? silentLogger).child({ component: 'replay' });
  const accountBatch = opts.accountBatch ?? 500;
  const postBatch = opts.postBatch ?? 2000;
  const result: ReplayResult = {
    exchanges: 0,
    used: 0,
    skipped: 0,
    rejected: 0,
    accounts: 0,
    posts: 0,
    amplifications: 0,
    deactivated: 0,
  };
  const deactivations: Deactivation[] = [];
  /** X handles reported suspended: resolved to ids once every profile is written. */
  const suspendedHandles: { handle: string; at: string }[] = [];
  /** Latest handle per TikTok user id, for post URLs when a video lacks its author. */
  const tiktokHandles = new Map<string, string>();
  const written = new Set<string>();
  let handled = 0;
  const progress = () => opts.onProgress?.(++handled);

  const reject = (e: StagedExchange, items: RejectedItem[]) => {
    result.rejected += items.length;
    for (const r of items) log.warn({ lane: e.lane, path: e.path, at: e.at, ref: r.ref, reason: r.reason }, 'staged record skipped');
  };

  // ---------------------------------------------------------------- pass 1: profiles
  let accounts: AccountRecord[] = [];
  const flushAccounts = async (force: boolean) => {
    if (accounts.length === 0 || (!force && accounts.length < accountBatch)) return;
    const w = await writeBatch(graph, { accounts });
    for (const id of w.accounts) written.add(id);
    accounts = [];
  };

  for await (const e of staging.read()) {
    result.exchanges++;
    const k = kindOf(e);
    if (k.what !== 'profile' && k.what !== 'users') continue;
    progress();
    const endpoint = k.lane === 'tiktok' ? (k.by === 'id' ? TIKLIVE_PATHS.userInfoById : TIKLIVE_PATHS.userInfoByUsername) : k.endpoint;
    const err = classify(e, endpoint);
    if (err) {
      result.skipped++;
      if (k.lane === 'tiktok' && k.by === 'id' && k.value) {
        const gone = goneReason(err.code, 'id');
        if (gone) deactivations.push({ accountId: accountId('TIKTOK', k.value), at: e.at, reason: gone });
      }
      continue;
    }
    try {
      if (k.lane === 'tiktok') {
        const rec = normalizeTikTokProfile(readTikTokProfileBody(e.body), e.at, endpoint);
        tiktokHandles.set(rec.platformUserId, rec.username);
        accounts.push(rec);
      } else {
        const body = readXUsersBody(e.body);
        const n = normalizeXUsers(body.users, e.at, endpoint);
        accounts.push(...n.accounts);
        reject(e, [...body.rejected, ...n.rejected]);
        for (const p of body.problems) {
          const code = problemCode(p);
          const value = problemValue(p) ?? '';
          const gone = goneReason(code, k.by);
          if (gone && k.by === 'id') deactivations.push({ accountId: accountId('X', value), at: e.at, reason: gone });
          else if (code === 'SUSPENDED' && value) suspendedHandles.push({ handle: value, at: e.at });
        }
      }
      result.used++;
    } catch (err2) {
      reject(e, [{ ref: e.path, reason: err2 instanceof Error ? err2.message : String(err2) }]);
    }
    await flushAccounts(false);
  }
  await flushAccounts(true);

  if (suspendedHandles.length > 0) {
    const rows = await graph.read<{ platformUserId: string; usernameLower: string }>('ingest/accounts-by-usernames', {
      platform: 'X',
      usernames: [...new Set(suspendedHandles.map((s) => s.handle.toLowerCase()))],
    });
    const ids = new Map(rows.map((r) => [r.usernameLower, r.platformUserId]));
    for (const s of suspendedHandles) {
      const id = ids.get(s.handle.toLowerCase());
      if (id) deactivations.push({ accountId: accountId('X', id), at: s.at, reason: 'SUSPENDED' });
    }
  }

  // ---------------------------------------------------------------- pass 2: posts
  let posts: NormalizedPost[] = [];
  let optional: NormalizedPost[] = [];
  const flushPosts = async (force: boolean) => {
    if (posts.length + optional.length === 0 || (!force && posts.length + optional.length < postBatch)) return;
    const w = await writeBatch(graph, { posts, optionalPosts: optional });
    result.posts += w.posts;
    result.amplifications += w.amplifications;
    posts = [];
    optional = [];
    await opts.onPostsWritten?.(w.postIds);
  };

  for await (const e of staging.read()) {
    const k = kindOf(e);
    if (k.what !== 'posts' && k.what !== 'tweets') {
      if (k.what === 'other') {
        progress();
        result.skipped++;
      }
      continue;
    }
    progress();
    const endpoint = k.lane === 'tiktok' ? TIKLIVE_PATHS.userPosts : X_ENDPOINTS.userTweets;
    const err = classify(e, endpoint);
    if (err) {
      result.skipped++;
      const gone = goneReason(err.code, 'id');
      if (gone) deactivations.push({ accountId: accountId(k.lane === 'tiktok' ? 'TIKTOK' : 'X', k.userId), at: e.at, reason: gone });
      continue;
    }
    try {
      if (k.lane === 'tiktok') {
        const page = readTikTokPostsBody(e.body);
        const n = normalizeTikTokVideos(page.videos, {
          requestedUserId: k.userId,
          authorUsername: tiktokHandles.get(k.userId),
          fetchedAt: e.at,
        });
        posts.push(...n.posts);
        reject(e, [...page.rejected, ...n.rejected]);
      } else {
        const page = readXTimelineBody(e.body);
        if (!page.hasData && page.problems.length > 0) {
          // The whole timeline is unavailable: the user is gone, suspended or protected.
          result.skipped++;
          const gone = goneReason(problemCode(page.problems[0]), 'id');
          if (gone) deactivations.push({ accountId: accountId('X', k.userId), at: e.at, reason: gone });
          continue;
        }
        const n = normalizeXTimeline(page, { requestedUserId: k.userId, fetchedAt: e.at });
        posts.push(...n.posts);
        optional.push(...n.referenced);
        reject(e, [...page.rejected, ...n.rejected]);
      }
      result.used++;
    } catch (err2) {
      reject(e, [{ ref: e.path, reason: err2 instanceof Error ? err2.message : String(err2) }]);
    }
    await flushPosts(false);
  }
  await flushPosts(true);

  const d = await writeBatch(graph, { deactivations });
  result.deactivated = d.deactivated.length;
  result.accounts = written.size;
  log.info({ ...result }, 'replay finished');
  return result;
}
