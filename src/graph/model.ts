/**
 * The graph model as the write path receives it: what a normaliser produces from a provider
 * response, independent of any provider's wire format.
 *
 * Ids follow the public contract: Account "<platform>:<platform user id>" (e.g. "tiktok:6789"),
 * Post "<platform>:<platform post id>". Timestamps are ISO-8601 strings in UTC.
 */

export type Platform = 'TIKTOK' | 'X';
export const PLATFORMS: readonly Platform[] = ['TIKTOK', 'X'];

export type MatchStatus = 'AUTO' | 'PENDING' | 'MANUAL' | 'REJECTED';
export type MatchReason =
  | 'BIOLINK_EXACT'
  | 'BIOLINK_DOMAIN'
  | 'HANDLE_EXACT'
  | 'HANDLE_NORMALIZED'
  | 'NAME_EXACT'
  | 'COMMON_HANDLE'
  | 'PROFILE_LINK'
  | 'MANUAL_LINK';
export type AmplificationKind = 'LINK' | 'CROSSPOST' | 'REPOST' | 'QUOTE';
export type TrackingTier = 'TIER1' | 'ACTIVE' | 'LONG_TAIL';

export function platformPrefix(p: Platform): 'tiktok' | 'x' {
  return p === 'TIKTOK' ? 'tiktok' : 'x';
}

export function accountId(p: Platform, platformUserId: string): string {
  return `${platformPrefix(p)}:${platformUserId}`;
}

export function postId(p: Platform, platformPostId: string): string {
  return `${platformPrefix(p)}:${platformPostId}`;
}

/** Parses "tiktok:123" / "x:123" into its parts; undefined when it is not such an id. */
export function parsePlatformId(id: string): { platform: Platform; key: string } | undefined {
  const m = /^(tiktok|x):(.+)$/.exec(id);
  if (!m) return undefined;
  return { platform: m[1] === 'tiktok' ? 'TIKTOK' : 'X', key: m[2] };
}

/** Where a value came from, for lineage and raw-staging references. */
export interface SourceRef {
  provider: 'tikliveapi' | 'x-api-v2' | 'fixture' | 'simulator';
  endpoint: string;
}

export interface AccountRecord {
  platform: Platform;
  platformUserId: string;
  username: string;
  displayName?: string | null;
  bio?: string | null;
  /** TikTok bioLink.link, X url expanded through entities.url. */
  bioLink?: string | null;
  avatarUrl?: string | null;
  /** TikTok only. */
  secUid?: string | null;
  verified?: boolean | null;
  followers: number;
  following?: number | null;
  /** TikTok only: total likes received. */
  hearts?: number | null;
  postCount?: number | null;
  /** When the provider returned this profile (ISO). */
  fetchedAt: string;
  source?: SourceRef;
}

export interface PostMetricsRecord {
  views?: number | null;
  likes: number;
  comments: number;
  shares: number;
  quotes?: number | null;
  bookmarks?: number | null;
}

export interface PostRecord {
  platform: Platform;
  platformPostId: string;
  /** The author's platform user id (same platform). */
  authorPlatformUserId: string;
  url: string;
  text?: string | null;
  createdAt: string;
  /** Lower-cased, without '#'. */
  hashtags: string[];
  /** Usernames mentioned (lower-cased, without '@'), same platform as the post. */
  mentions: string[];
  metrics: PostMetricsRecord;
  pinned?: boolean;
  fetchedAt: string;
}

/** amplifier -[:AMPLIFIED]-> source: a later post amplifying an earlier one. */
export interface AmplificationRecord {
  amplifierPostId: string;
  sourcePostId: string;
  kind: AmplificationKind;
  /** Optional: computed from the two posts' createdAt when absent. */
  lagSeconds?: number;
  confidence: number;
}

export interface SnapshotRecord {
  accountId: string;
  at: string;
  followers: number;
  following?: number | null;
  hearts?: number | null;
  postCount?: number | null;
}

export type MatchEventKind = 'CREATED' | 'SCORE_CHANGED' | 'APPROVED' | 'REJECTED' | 'LINKED';

/** One change of a match (a MatchEvent node, Match.history, and the matchChanged event). */
export interface MatchEventRecord {
  id: string;
  matchId: string;
  kind: MatchEventKind;
  previousStatus: MatchStatus | null;
  previousScore: number | null;
  status: MatchStatus;
  score: number;
  at: string;
  actor: string | null;
  note: string | null;
}
