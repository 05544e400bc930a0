/**
 * Breaking-news attribution: where a topic (a hashtag, a post URL, a phrase) showed up first, per
 * platform, and by how much the first platform led.
 *
 * Our own blind spot is part of the answer. A post carries its true creation time, but we only
 * hold it once we have polled its author: hourly for TIER1/ACTIVE creators, daily for the
 * LONG_TAIL (the configured cadences). `collectionLatencySeconds` on a platform is the polling
 * interval of the author of the first post we hold there (the current tier stands in for the tier
 * at the time, which the graph does not keep): how late we could have seen that post, and so how
 * long an earlier one in the same feed could stay unseen. A lead shorter than the trailing
 * platform's bound could be reversed by a post we have not collected, so it is reported as not
 * certain. (The slowest cadence of everyone who posted the topic would be a stricter bound; with
 * most creators on the daily LONG_TAIL it would call every lead under a day uncertain.)
 */
import { Cron } from 'croner';
import type { Platform } from '../graph/model';
import { tiktokVideoIdFromUrl } from '../ingest/normalize/links';
import { canonicalUrl } from '../matching/normalize';
import type { GraphClient } from '../neo4j/graph-client';

export interface AttributionQuery {
  hashtag?: string | null;
  url?: string | null;
  text?: string | null;
  since?: string | null;
}

export interface Cadences {
  postsActive: string;
  postsLongTail: string;
}

export interface FirstSeen {
  platform: Platform;
  postId: string;
  at: Date;
  posts: number;
  collectionLatencySeconds: number | null;
}

export interface AttributionResult {
  firstPlatform: Platform | null;
  firstPostId: string | null;
  leadSeconds: number | null;
  /** null when only one platform has the topic. */
  leadCertain: boolean | null;
  firstSeen: FirstSeen[];
}

export class AttributionInputError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

/** Seconds between two consecutive runs of a cron expression (its polling interval). */
export function cadenceSeconds(pattern: string, from = new Date('2026-01-05T00:00:00Z')): number {
  const cron = new Cron(pattern, { timezone: 'UTC', paused: true });
  const a = cron.nextRun(from);
  const b = a ? cron.nextRun(a) : null;
  cron.stop();
  return a && b ? Math.round((b.getTime() - a.getTime()) / 1000) : 0;
}

const cadenceCache = new Map<string, number>();

/**
 * cadenceSeconds of a configured pattern, worked out once per process: the patterns come from the
 * config, and croner's two nextRun calls cost ~2 ms, half of a hashtag attribution's own time.
 */
function cachedCadenceSeconds(pattern: string): number {
  let s = cadenceCache.get(pattern);
  if (s === undefined) {
    s = cadenceSeconds(pattern);
    cadenceCache.set(pattern, s);
  }
  return s;
}

/** The post ids a post URL points at (TikTok video, X status), canonicalised like bio links. */
export function postIdsOfUrl(raw: string): string[] | undefined {
  const canonical = canonicalUrl(raw);
  if (!canonical) return undefined;
  const tiktok = tiktokVideoIdFromUrl(`https://${canonical}`);
  if (tiktok) return [`tiktok:${tiktok}`];
  const x = /^(?:(?:mobile\.)?x\.com|(?:mobile\.)?twitter\.com)\/(?:[^/]+|i\/web)\/status\/(\d{1,25})(?:\/|$)/i.exec(canonical);
  if (x) return [`x:${x[1]}`];
  return [];
}

/** A Lucene phrase query for the words of `text` (special characters cannot reach the parser). */
export function phraseQuery(text: string): string | undefined {
  const words = text
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}\s]+/gu, ' ')
    .split(/\s+/)
    .filter(Boolean);
  return words.length ? `"${words.join(' ')}"` : undefined;
}

interface Args {
  hashtag: string | null;
  postIds: string[] | null;
  phrase: string | null;
  since: string | null;
}

/** Checks the query: exactly one of hashtag, url, text, each usable. */
export function attributionArgs(q: AttributionQuery): Args {
  const given = (['hashtag', 'url', 'text'] as const).filter((k) => q[k] != null && String(q[k]).trim() !== '');
  if (given.length !== 1) throw new AttributionInputError('give exactly one of hashtag, url or text', given[1] ?? 'hashtag');
  const args: Args = { hashtag: null, postIds: null, phrase: null, since: q.since ?? null };
  if (q.hashtag != null && given[0] === 'hashtag') {
    const tag = q.hashtag.trim().replace(/^#/, '').toLowerCase();
    if (!/^[\p{L}\p{N}_]+$/u.test(tag)) throw new AttributionInputError('hashtag must be letters, digits or _ (with or without #)', 'hashtag');
    args.hashtag = tag;
  } else if (q.url != null && given[0] === 'url') {
    const ids = postIdsOfUrl(q.url.trim());
    if (ids === undefined) throw new AttributionInputError('url is not a usable link', 'url');
    args.postIds = ids;
  } else if (q.text != null) {
    const phrase = phraseQuery(q.text);
    if (!phrase) throw new AttributionInputError('text needs at least one word', 'text');
    args.phrase = phrase;
  }
  return args;
}

export async function attribution(graph: GraphClient, q: AttributionQuery, cadences: Cadences): Promise<AttributionResult> {
  const args = attributionArgs(q);
  const rows = await graph.read<{ platform: Platform; postId: string; at: Date; tier: string; posts: number }>(
    'analytics/attribution-posts',
    { ...args },
  );
  const hourly = cachedCadenceSeconds(cadences.postsActive);
  const daily = cachedCadenceSeconds(cadences.postsLongTail);
  const firstSeen: FirstSeen[] = rows.map((r) => ({
    platform: r.platform,
    postId: r.postId,
    at: r.at,
    posts: r.posts,
    // Untracked authors are never polled themselves (their posts arrive as referenced
    // originals), so they are bounded like the slowest tracked cadence, not better.
    collectionLatencySeconds: r.tier === 'TIER1' || r.tier === 'ACTIVE' ? hourly : daily,
  }));
  firstSeen.sort((a, b) => a.at.getTime() - b.at.getTime());
  const [first, second] = firstSeen;
  const leadSeconds = first && second ? Math.round((second.at.getTime() - first.at.getTime()) / 1000) : null;
  return {
    firstPlatform: first?.platform ?? null,
    firstPostId: first?.postId ?? null,
    leadSeconds,
    leadCertain: leadSeconds === null ? null : leadSeconds > (second.collectionLatencySeconds ?? Infinity),
    firstSeen,
  };
}
