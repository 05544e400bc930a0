/**
 * The hourly hashtag rollup the trend analytics read: per hashtag, platform and UTC hour, how many
 * distinct active accounts posted the tag (one creator counts once per hour per platform, so one
 * busy poster is not a trend) and when the first of them posted. Kept by the post write path
 * (`writePosts` calls `updateTrendRollup` for every batch), so it is current as soon as posts are.
 *
 * Why a maintained rollup and not Cypher over the posts on every read: at the 2,000-creator world
 * (about 200,000 posts and 250,000 post-hashtag pairs in 30 days) grouping the posts of a 30-day
 * window by tag, platform and hour touches every post and tag edge of the window on each query,
 * while the rollup holds about 64,000 hour rows for the same window and the read is one index
 * range; the write side pays one MERGE per account, tag and hour, beside the post MERGEs it rides
 * with. The measured costs of both are in README ("Trends") and bench/trends.ts.
 *
 * Accounts also get their vertical here (graph/verticals.ts): the trend category of a hashtag is
 * read from the verticals of the accounts posting it.
 */
import type { GraphClient } from '../neo4j/graph-client';
import { accountId, type Platform } from './model';
import { VERTICAL_TAGS, verticalOfTag } from './verticals';

export const HOUR_MS = 3_600_000;

/** One rollup hour that a write touched. `hour` is the hour's start (ISO, UTC). */
export interface TagHourKey {
  tag: string;
  platform: Platform;
  hour: string;
}

export interface RollupPost {
  platform: Platform;
  authorPlatformUserId: string;
  createdAt: string;
  /** Lower-case, without '#', de-duplicated (as the post write stores them). */
  tags: string[];
}

export function hourStart(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(Math.floor(ms / HOUR_MS) * HOUR_MS).toISOString();
}

export function tagHourKey(k: TagHourKey): string {
  return `${k.platform}|${k.tag}|${k.hour}`;
}

const VERTICAL_OF = verticalOfTag();
const VERTICAL_TAG_LIST = Object.values(VERTICAL_TAGS).flat();

/**
 * Adds a batch of written posts to the rollup and refreshes their authors' verticals. Idempotent.
 * Returns the rollup hours the batch touched (for live spike detection).
 */
export async function updateTrendRollup(graph: GraphClient, posts: RollupPost[]): Promise<TagHourKey[]> {
  const rows = new Map<string, { key: string; tag: string; platform: Platform; hour: string; accountId: string; at: string }>();
  const touched = new Map<string, TagHourKey>();
  const authors = new Set<string>();
  for (const p of posts) {
    const author = accountId(p.platform, p.authorPlatformUserId);
    const hour = hourStart(p.createdAt);
    const at = new Date(Date.parse(p.createdAt)).toISOString();
    for (const tag of p.tags) {
      const k = { tag, platform: p.platform, hour };
      const key = tagHourKey(k);
      touched.set(key, k);
      const rowKey = `${key}|${author}`;
      const prev = rows.get(rowKey);
      if (!prev || at < prev.at) rows.set(rowKey, { key, ...k, accountId: author, at });
    }
    if (p.tags.some((t) => t in VERTICAL_OF)) authors.add(author);
  }
  // Sorted by hour key, so concurrent batches lock rollup nodes in the same order.
  const all = [...rows.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < all.length; i += 1000) {
    await graph.write('graph/upsert-tag-hours', { rows: all.slice(i, i + 1000) });
  }
  if (authors.size > 0) {
    await graph.write('graph/set-account-verticals', { ids: [...authors], tags: VERTICAL_TAG_LIST, verticalOf: VERTICAL_OF });
  }
  return [...touched.values()];
}

/** Recounts the rollup hours of accounts whose active state changed. */
export async function recountTagHoursOf(graph: GraphClient, accountIds: string[]): Promise<void> {
  if (accountIds.length === 0) return;
  await graph.write('graph/recount-tag-hours-of-accounts', { ids: accountIds });
}
