/**
 * The write path every source uses (fixture, ingestion lanes, replay): batched `UNWIND ... MERGE`
 * on constrained keys, so writing the same records twice changes nothing. Callers hand over model
 * records; this module owns their mapping to node properties.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { refreshCreators } from './creators';
import { normalizeHandle } from './handle-key';
import { updateTrendRollup, type TagHourKey } from './trend-rollup';
import { newCreatorId } from './ids';
import {
  accountId,
  postId,
  type AccountRecord,
  type AmplificationRecord,
  type PostRecord,
  type TrackingTier,
} from './model';

/** Rows per statement: large enough to amortise the round trip, small enough for one transaction. */
export const BATCH_SIZE = 500;

export interface AccountWriteOptions {
  /** Flags for creators created by this write (existing creators keep theirs). */
  tracked?: boolean;
  tier?: TrackingTier;
  backfilled?: boolean;
  /** Recompute creators' derived values (reach, freshness). Default true. */
  refresh?: boolean;
}

function chunks<T>(items: T[], size = BATCH_SIZE): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Upserts accounts (and a snapshot per fetch); returns accountId -> creatorId. */
export async function writeAccounts(
  graph: GraphClient,
  accounts: AccountRecord[],
  opts: AccountWriteOptions = {},
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const batch of chunks(accounts)) {
    const rows = batch.map((a) => ({
      id: accountId(a.platform, a.platformUserId),
      platform: a.platform,
      platformUserId: a.platformUserId,
      username: a.username,
      // The matcher's handle key, so candidates found through the index agree with in-memory blocking.
      handleNorm: normalizeHandle(a.username) || null,
      displayName: a.displayName ?? null,
      bio: a.bio ?? null,
      bioLink: a.bioLink ?? null,
      avatarUrl: a.avatarUrl ?? null,
      secUid: a.secUid ?? null,
      verified: a.verified ?? null,
      followers: a.followers,
      following: a.following ?? null,
      hearts: a.hearts ?? null,
      postCount: a.postCount ?? null,
      fetchedAt: a.fetchedAt,
      newCreatorId: newCreatorId(),
      tracked: opts.tracked ?? false,
      tier: opts.tier ?? null,
      backfilled: opts.backfilled ?? false,
    }));
    const res = await graph.write<{ accountId: string; creatorId: string }>('graph/upsert-accounts', { rows });
    for (const r of res) out.set(r.accountId, r.creatorId);
  }
  if (opts.refresh !== false) await refreshCreators(graph, [...new Set(out.values())]);
  return out;
}

export interface PostWriteOptions {
  /** Called with the hourly hashtag rollup hours each batch touched (live trend spikes). */
  onTagHours?: (keys: TagHourKey[]) => Promise<void> | void;
}

/** Upserts posts with their hashtags and mentions, and keeps the hourly hashtag rollup in step. */
export async function writePosts(graph: GraphClient, posts: PostRecord[], opts: PostWriteOptions = {}): Promise<number> {
  let written = 0;
  for (const batch of chunks(posts)) {
    const rows = batch.map((p) => ({
      id: postId(p.platform, p.platformPostId),
      authorId: accountId(p.platform, p.authorPlatformUserId),
      platform: p.platform,
      platformPostId: p.platformPostId,
      url: p.url,
      text: p.text ?? null,
      createdAt: p.createdAt,
      hashtags: [...new Set(p.hashtags.map((h) => h.replace(/^#/, '').toLowerCase()).filter(Boolean))],
      mentions: [...new Set(p.mentions.map((m) => m.replace(/^@/, '').toLowerCase()).filter(Boolean))],
      views: p.metrics.views ?? null,
      likes: p.metrics.likes,
      comments: p.metrics.comments,
      shares: p.metrics.shares,
      quotes: p.metrics.quotes ?? null,
      bookmarks: p.metrics.bookmarks ?? null,
      pinned: p.pinned ?? false,
      fetchedAt: p.fetchedAt,
    }));
    await graph.write('graph/upsert-posts', { rows });
    const touched = await updateTrendRollup(
      graph,
      rows.map((r, i) => ({ platform: r.platform, authorPlatformUserId: batch[i].authorPlatformUserId, createdAt: r.createdAt, tags: r.hashtags })),
    );
    if (opts.onTagHours && touched.length > 0) await opts.onTagHours(touched);
    written += rows.length;
  }
  return written;
}

export async function writeAmplifications(graph: GraphClient, amps: AmplificationRecord[]): Promise<number> {
  let written = 0;
  for (const batch of chunks(amps)) {
    const rows = batch.map((a) => ({
      amplifierId: a.amplifierPostId,
      sourceId: a.sourcePostId,
      kind: a.kind,
      confidence: a.confidence,
      lagSeconds: a.lagSeconds ?? null,
    }));
    const res = await graph.write<{ written: number }>('graph/upsert-amplifications', { rows });
    written += res[0]?.written ?? 0;
  }
  return written;
}
