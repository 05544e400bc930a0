/**
 * TikLiveAPI bodies read item by item (see ../salvage.ts): a `/user-posts/` page the client
 * rejected as MALFORMED, or a profile or page read back from staging.
 */
import { objectOf, validItems, type RejectedItem } from '../salvage';
import { parseUserInfo, TikLiveVideoSchema, type TikLiveUserInfo, type TikLiveVideo } from './types';

export interface SalvagedPostsPage {
  videos: TikLiveVideo[];
  rejected: RejectedItem[];
  cursor?: string;
  hasMore: boolean;
}

/** A profile body; throws (ShapeError, SyntaxError) when it is not a usable profile. */
export function readProfileBody(body: string): TikLiveUserInfo {
  return parseUserInfo(JSON.parse(body));
}

/** A `/user-posts/` body, validated item by item. Throws only when there is no video list at all. */
export function readPostsBody(body: string): SalvagedPostsPage {
  const root = objectOf(JSON.parse(body) as unknown);
  // `videos: null` is an empty page; anything else that is not a list is no page at all.
  if (root.videos !== null && !Array.isArray(root.videos)) throw new Error('user posts: no videos list');
  const rejected: RejectedItem[] = [];
  const videos = validItems(root.videos ?? [], TikLiveVideoSchema, rejected, (item, i) => {
    const id = (item as { video_id?: unknown; id?: unknown } | null)?.video_id ?? (item as { id?: unknown } | null)?.id;
    return id !== undefined ? `tiktok:${String(id)}` : `videos[${i}]`;
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
