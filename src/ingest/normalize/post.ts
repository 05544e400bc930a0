/**
 * The normalisers' output for one post: the model record plus what the write needs to know about
 * it. A provider may leave counts out (TikLiveAPI now and then, X without public_metrics); the
 * record then carries zeros and `metricsKnown: false`, and the post write keeps the counts already
 * in the graph instead of overwriting them with those zeros.
 */
import type { AmplificationRecord } from '../../graph/model';
import type { PostWrite } from '../../graph/posts';
import type { PostFields } from './rules';

/** The normalisers' post output is what the graph's post write takes. */
export type NormalizedPost = PostWrite;

/** One item of a response that could not become a record, and why (the providers' salvage names them alike). */
export type { RejectedItem } from '../../providers/salvage';

export function toNormalizedPost(f: PostFields, amplifications: AmplificationRecord[] = []): NormalizedPost {
  const metricsKnown = f.likes !== null && f.comments !== null && f.shares !== null;
  return {
    post: {
      platform: f.platform,
      platformPostId: f.platformPostId,
      authorPlatformUserId: f.authorPlatformUserId,
      url: f.url,
      text: f.text,
      createdAt: f.createdAt,
      hashtags: f.hashtags,
      mentions: f.mentions,
      metrics: {
        views: f.views,
        likes: f.likes ?? 0,
        comments: f.comments ?? 0,
        shares: f.shares ?? 0,
        quotes: f.quotes,
        bookmarks: f.bookmarks,
      },
      pinned: f.pinned,
      fetchedAt: f.fetchedAt,
    },
    metricsKnown,
    amplifications,
  };
}

/** A short reason from whatever a per-item parser threw. */
export function reasonOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
