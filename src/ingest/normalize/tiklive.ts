/**
 * TikLiveAPI -> graph model. Profiles become AccountRecords, `/user-posts/` videos PostRecords
 * (hashtags and mentions parsed from the caption, pinned posts flagged, counts as numbers or
 * numeric strings, a null caption kept as null). Every field is read through the lineage rules.
 *
 * The `read*Body` functions take a response body as staged (replay, or a page the client
 * rejected as a whole) and salvage what they can item by item, with the providers' own schemas,
 * so one odd video never costs the other 34 of its page.
 */
import type { AccountRecord } from '../../graph/model';
import { TIKLIVE_PATHS } from '../../providers/tiklive/assumptions';
import { parseUserInfo, TikLiveVideoSchema, type TikLiveUserInfo, type TikLiveVideo } from '../../providers/tiklive/types';
import { readWith, TIKTOK_PROFILE_RULES, TIKTOK_VIDEO_RULES, type TikTokVideoInput } from '../lineage';
import { reasonOf, toNormalizedPost, type NormalizedPost, type RejectedItem } from './post';

export function normalizeTikTokProfile(info: TikLiveUserInfo, fetchedAt: string, endpoint: string = TIKLIVE_PATHS.userInfoById): AccountRecord {
  return { ...readWith(TIKTOK_PROFILE_RULES, { info, fetchedAt }), source: { provider: 'tikliveapi', endpoint } };
}

export function normalizeTikTokVideo(video: TikLiveVideo, ctx: Omit<TikTokVideoInput, 'video'>): NormalizedPost {
  return toNormalizedPost(readWith(TIKTOK_VIDEO_RULES, { ...ctx, video }));
}

/** Normalises a page of videos; items that cannot become posts are returned as rejected. */
export function normalizeTikTokVideos(
  videos: readonly TikLiveVideo[],
  ctx: Omit<TikTokVideoInput, 'video'>,
): { posts: NormalizedPost[]; rejected: RejectedItem[] } {
  const posts: NormalizedPost[] = [];
  const rejected: RejectedItem[] = [];
  for (const v of videos) {
    try {
      posts.push(normalizeTikTokVideo(v, ctx));
    } catch (e) {
      rejected.push({ ref: `tiktok:${v.video_id}`, reason: reasonOf(e) });
    }
  }
  return { posts, rejected };
}

/** A staged profile body; throws (ShapeError, SyntaxError) when it is not a usable profile. */
export function readTikTokProfileBody(body: string): TikLiveUserInfo {
  return parseUserInfo(JSON.parse(body));
}

export interface SalvagedPostsPage {
  videos: TikLiveVideo[];
  rejected: RejectedItem[];
  cursor?: string;
  hasMore: boolean;
}

/** A staged `/user-posts/` body, validated item by item. Throws only when there is no video list at all. */
export function readTikTokPostsBody(body: string): SalvagedPostsPage {
  const json = JSON.parse(body) as unknown;
  const root = (typeof json === 'object' && json !== null ? json : {}) as Record<string, unknown>;
  // `videos: null` is an empty page; anything else that is not a list is no page at all.
  if (root.videos !== null && !Array.isArray(root.videos)) throw new Error('user posts: no videos list');
  const videos: TikLiveVideo[] = [];
  const rejected: RejectedItem[] = [];
  ((root.videos as unknown[] | null) ?? []).forEach((item, i) => {
    const r = TikLiveVideoSchema.safeParse(item);
    if (r.success) videos.push(r.data);
    else {
      const id = (item as { video_id?: unknown; id?: unknown } | null)?.video_id ?? (item as { id?: unknown } | null)?.id;
      rejected.push({
        ref: id !== undefined ? `tiktok:${String(id)}` : `videos[${i}]`,
        reason: r.error.issues.map((x) => `${x.path.join('.') || '(item)'}: ${x.message}`).slice(0, 3).join('; '),
      });
    }
  });
  const cursor = root.cursor;
  const flag = root.hasMore ?? root.has_more;
  return {
    videos,
    rejected,
    cursor: typeof cursor === 'string' || typeof cursor === 'number' ? String(cursor) : undefined,
    hasMore: flag === true || flag === 1 || flag === '1' || flag === 'true',
  };
}
