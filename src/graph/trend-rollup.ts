/**
 * The hashtag rollup the trend analytics read, in two grains kept by the post write path
 * (`writePosts` calls `updateTrendRollup` for every batch), so it is current as soon as posts are:
 *
 * - (:TagHour {tag, platform, hour, creators, firstAt}), one per hashtag, platform and UTC hour,
 *   linked from each account that posted the tag then: how many distinct active accounts posted
 *   it (one creator counts once per hour per platform, so one busy poster is not a trend) and when
 *   the first of them did. The account edges make the count idempotent and recountable
 *   (deactivation), and give a tag's accounts for its category.
 * - (:TagDay {tag, platform, day, counts[24], firsts[24], total}), one per hashtag, platform and
 *   UTC day: the day's hours copied from its TagHours in the same statement (overwritten, never
 *   incremented, so it cannot drift from them). This is what hashtagTrends and categoryLags read.
 *
 * Why these designs, with measured costs (2,000-creator world: about 235,000 posts in 30 days):
 * - Cypher over the posts on every read groups every post and tag edge of the window per query
 *   (x3.7 to x7.1 the hourly rollup's read in the issue-10 bench, growing with the posts).
 * - Reading the hourly rollup was the floor of the first design: 54k to 67k TagHour rows for a
 *   30-day window (plus the 72 h baseline), 2.2 s p50 under load 20 and 6.5 s for hashtagTrends.
 *   Our code added little (x0.96 to x1.11 the raw driver): the rows themselves were the cost.
 * - One node per tag, platform and day reads the same volumes as about 16x fewer rows, because the
 *   simulated (and real) vocabulary is a few hundred tag series, most of them active most hours:
 *   56,378 hour rows became 3,437 day rows on a 1,000-creator world (dev measurement at load 5 to
 *   7: hourly read 217 ms p50, daily counts 116 ms). The read returns counts only; the
 *   first-post times are read afterwards just for the days holding a spike (a few per spike).
 *   The row count grows with tags x days, not with posts; the bench (bench/trends.ts) measures it at
 *   two world sizes.
 * - Rejected: a per-tag summary the write path keeps (spike onset, window volume). A spike depends
 *   on the queried window and on the 72 h before each hour, so every write would have to re-run
 *   detection over the following days of each touched tag, making ingestion pay more on every
 *   batch; and the window is a query argument. A pre-filter on the hourly rows ("tags whose max
 *   hourly count reaches the floor") still reads the rows it filters, and the busy tags that
 *   dominate them pass it.
 * - The write pays one extra MERGE and SET per touched day, beside the hour MERGEs (see README
 *   "Trends" and bench/ingest.ts, which reports the rollup statements' time).
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
