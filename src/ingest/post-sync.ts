/**
 * Post syncs, one per platform, sharing one shape: make sure the authors exist (fetching missing
 * profiles), walk each user's pages through the client's pager (which also reads a rejected page
 * item by item: the clients in providers/), normalise, write in batches through the graph's batch
 * step as posts accumulate, and deactivate users the provider reports gone.
 */
import type { Deactivation } from '../graph/accounts';
import { writeBatch, type RecordBatch } from '../graph/batch';
import { accountId } from '../graph/model';
import { isProviderError } from '../providers';
import { goneReason } from './deletion';
import { forEachLimited, LaneGuard, notAttempted } from './failure-policy';
import type { NormalizedPost } from './normalize/post';
import { normalizeTikTokVideos } from './normalize/tiklive';
import { normalizeXTimeline } from './normalize/x';
import { syncTikTokProfiles, syncXProfiles } from './profile-sync';
import {
  clockOf,
  emptyResult,
  errorOf,
  logErrors,
  mergeInto,
  postsWritten,
  rejectedErrors,
  type IngestContext,
  type ProfileRef,
  type SyncError,
  type SyncResult,
} from './sync';

/** Posts written per graph batch while a posts sync is still fetching. */
const POSTS_FLUSH_AT = 1000;

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
    result.errors.push(notAttempted(`${plan.lane}:${id}`, guard));
  }
  const d = await writeBatch(ctx.graph, { deactivations });
  result.deactivated.push(...d.deactivated.filter((a) => !result.deactivated.includes(a)));
  logErrors(ctx, plan.lane, sink.errors);
  return result;
}

/** Safety bound on pages followed per user and call. */
const MAX_PAGES = 1000;

export async function syncTikTokPosts(ctx: IngestContext, userIds: string[], opts: { since: Date }): Promise<SyncResult> {
  return syncPosts(ctx, userIds, {
    lane: 'tiktok',
    platform: 'TIKTOK',
    syncProfiles: syncTikTokProfiles,
    fetchUser: async (userId, username, sink) => {
      const fetchedAt = clockOf(ctx)().toISOString();
      // Every video a page returned is kept, older ones too: paid for, and exactly what replay
      // will find in the staged page.
      for await (const page of ctx.clients.tiklive.postPages(userId, { since: opts.since, maxPages: MAX_PAGES, salvage: true })) {
        const n = normalizeTikTokVideos(page.videos, { requestedUserId: userId, authorUsername: username, fetchedAt });
        sink.posts.push(...n.posts);
        sink.errors.push(...rejectedErrors(page.rejected), ...rejectedErrors(n.rejected));
      }
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
      // start_time filters on X's side.
      for await (const page of ctx.clients.x.allTweets(userId, { startTime: opts.since, maxPages: MAX_PAGES, salvage: true })) {
        const n = normalizeXTimeline(page, { requestedUserId: userId, fetchedAt });
        sink.posts.push(...n.posts);
        sink.optional.push(...n.referenced);
        sink.errors.push(...rejectedErrors(page.rejected), ...rejectedErrors(n.rejected));
      }
    },
  });
}
