/**
 * The Post aggregate: posts with their author (POSTED), hashtags (TAGGED), mentions (MENTIONS) and
 * the AMPLIFIED edges between posts. Batched `UNWIND ... MERGE` on constrained keys, idempotent.
 *
 * `writePostBatch` is how ingestion and replay write posts: only posts whose author is in the
 * graph (the rest are reported back), counts a response left out keep their stored values, and an
 * AMPLIFIED edge whose source post is not in the graph yet waits as pending until it arrives.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { chunks } from './batches';
import { refreshChainRoots } from './chain-roots';
import { accountId, postId, type AmplificationRecord, type PostRecord } from './model';
import { postProps, type POST_METRIC_KEYS, type PostKept, type PostProps } from './shapes';
import { updateTrendRollup, type TagHourKey } from './trend-rollup';

/** A post as the write step takes it: the record, whether its counts are known, its outgoing edges. */
export interface PostWrite {
  post: PostRecord;
  /** False when likes, comments or shares were missing from the response. */
  metricsKnown: boolean;
  /** Edges from this post to the posts it amplifies (X only). */
  amplifications: AmplificationRecord[];
}

export interface PostBatchSummary {
  posts: number;
  /** AMPLIFIED edges written, including waiting ones connected now. */
  amplifications: number;
  /** Required posts left out because their author is not in the graph. */
  orphanPosts: string[];
  /** Ids of the posts written (for the post-write hook: cross-posts, amplification events). */
  postIds: string[];
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
      props: postProps(p),
      createdAt: p.createdAt,
      hashtags: [...new Set(p.hashtags.map((h) => h.replace(/^#/, '').toLowerCase()).filter(Boolean))],
      mentions: [...new Set(p.mentions.map((m) => m.replace(/^@/, '').toLowerCase()).filter(Boolean))],
      fetchedAt: p.fetchedAt,
    }));
    await graph.write('graph/upsert-posts', { rows });
    const touched = await updateTrendRollup(
      graph,
      rows.map((r, i) => ({ platform: batch[i].platform, authorPlatformUserId: batch[i].authorPlatformUserId, createdAt: r.createdAt, tags: r.hashtags })),
    );
    if (opts.onTagHours && touched.length > 0) await opts.onTagHours(touched);
    written += rows.length;
  }
  return written;
}

/** Writes the edges whose both posts exist, and refreshes the chains they join. */
export async function writeAmplifications(graph: GraphClient, amps: AmplificationRecord[]): Promise<number> {
  const written = await writeAmplificationEdges(graph, amps);
  await refreshChainRoots(graph, amps.flatMap((a) => [a.amplifierPostId, a.sourcePostId]));
  return written;
}

async function writeAmplificationEdges(graph: GraphClient, amps: AmplificationRecord[]): Promise<number> {
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

/**
 * Writes required and optional posts (optional: X referenced originals, written only when their
 * author is already in the graph), then their amplifications. One post twice: its newest fetch.
 */
export async function writePostBatch(
  graph: GraphClient,
  required: PostWrite[],
  optional: PostWrite[] = [],
  opts: PostWriteOptions = {},
): Promise<PostBatchSummary> {
  const out: PostBatchSummary = { posts: 0, amplifications: 0, orphanPosts: [], postIds: [] };
  const all = latestBy([...optional, ...required], (p) => postId(p.post.platform, p.post.platformPostId), (p) => p.post.fetchedAt);
  if (all.length === 0) return out;
  const authorIds = [...new Set(all.map((p) => accountId(p.post.platform, p.post.authorPlatformUserId)))];
  const known = new Set((await graph.read<{ id: string }>('ingest/accounts-by-ids', { ids: authorIds })).map((r) => r.id));
  const requiredIds = new Set(required.map((p) => postId(p.post.platform, p.post.platformPostId)));
  const writable = all.filter((p) => {
    if (known.has(accountId(p.post.platform, p.post.authorPlatformUserId))) return true;
    const id = postId(p.post.platform, p.post.platformPostId);
    if (requiredIds.has(id)) out.orphanPosts.push(id);
    return false;
  });
  await keepStoredCounts(graph, writable);
  out.posts = await writePosts(graph, writable.map((p) => p.post), opts);
  out.postIds = writable.map((p) => postId(p.post.platform, p.post.platformPostId));
  const edges = await writeAmplificationsOrWait(
    graph,
    writable.flatMap((p) => p.amplifications),
    writable.map((p) => postId(p.post.platform, p.post.platformPostId)),
  );
  out.amplifications = edges.written;
  // Engagement changed, edges came: the chains through these posts have a new summary.
  await refreshChainRoots(graph, [...out.postIds, ...edges.touched]);
  return out;
}

/** Newest fetch wins when one batch holds the same record twice. */
export function latestBy<T>(items: T[], key: (t: T) => string, at: (t: T) => string): T[] {
  const m = new Map<string, T>();
  for (const it of items) {
    const k = key(it);
    const prev = m.get(k);
    if (!prev || at(it) >= at(prev)) m.set(k, it);
  }
  return [...m.values()];
}

/** A stored post's counts (the Post shape's metric properties). */
type StoredCounts = Pick<PostKept, 'id'> & Pick<PostProps, (typeof POST_METRIC_KEYS)[number]>;

/** Posts whose response left counts out take the counts already stored (or stay at 0). */
async function keepStoredCounts(graph: GraphClient, posts: PostWrite[]): Promise<void> {
  const unknown = posts.filter((p) => !p.metricsKnown);
  if (unknown.length === 0) return;
  const rows = await graph.read<StoredCounts>('graph/post-metrics-by-ids', { ids: unknown.map((p) => postId(p.post.platform, p.post.platformPostId)) });
  const stored = new Map(rows.map((r) => [r.id, r]));
  for (const p of unknown) {
    const s = stored.get(postId(p.post.platform, p.post.platformPostId));
    if (!s) continue;
    const m = p.post.metrics;
    p.post.metrics = {
      views: m.views ?? s.views,
      likes: s.likes ?? m.likes,
      comments: s.comments ?? m.comments,
      shares: s.shares ?? m.shares,
      quotes: m.quotes ?? s.quotes,
      bookmarks: m.bookmarks ?? s.bookmarks,
    };
  }
}

/**
 * Writes edges whose both posts exist, parks the others until their source arrives, and connects
 * parked edges whose source is among `writtenPostIds`. Returns the edges written, and the posts at
 * their ends that `writtenPostIds` leaves out.
 */
async function writeAmplificationsOrWait(
  graph: GraphClient,
  amps: AmplificationRecord[],
  writtenPostIds: string[],
): Promise<{ written: number; touched: string[] }> {
  let written = 0;
  const touched = amps.map((a) => a.sourcePostId);
  if (amps.length > 0) {
    written += await writeAmplificationEdges(graph, amps);
    const rows = amps.map((a) => ({ amplifierId: a.amplifierPostId, sourceId: a.sourcePostId, kind: a.kind, confidence: a.confidence }));
    // Edges whose source the other lane wrote just after our edge write missed it: not parked
    // (the source is there), not connected by that lane (it looked for waiting edges before), so ours.
    const missed = await graph.write<{ amplifierId: string; sourceId: string }>('graph/stage-pending-amplifications', { rows });
    if (missed.length > 0) {
      const key = new Set(missed.map((m) => `${m.amplifierId}>${m.sourceId}`));
      written += await writeAmplificationEdges(graph, amps.filter((a) => key.has(`${a.amplifierPostId}>${a.sourcePostId}`)));
    }
  }
  // Parked sources are looked at again after parking: a concurrent sync (the other lane) may have
  // written the source between our edge write and our park, and read the pending list before our
  // park was committed; without this second look that edge would wait for ever.
  const check = [...new Set([...writtenPostIds, ...amps.map((a) => a.sourcePostId)])];
  if (check.length > 0) {
    const waiting = await graph.read<{ amplifierId: string; sourceId: string; kind: AmplificationRecord['kind']; confidence: number }>(
      'graph/pending-amplifications-by-sources',
      { ids: check },
    );
    if (waiting.length > 0) {
      touched.push(...waiting.map((w) => w.amplifierId));
      written += await writeAmplificationEdges(
        graph,
        waiting.map((w) => ({ amplifierPostId: w.amplifierId, sourcePostId: w.sourceId, kind: w.kind, confidence: w.confidence })),
      );
      await graph.write('graph/delete-pending-amplifications', {
        rows: waiting.map((w) => ({ amplifierId: w.amplifierId, sourceId: w.sourceId })),
      });
    }
  }
  return { written, touched };
}
