/**
 * Lineage: where every graph property comes from (platform, provider, endpoint, wire field), as
 * rules the normalisers EXECUTE to read the wire objects. `Query.lineage` lists the same rules, so
 * the documentation cannot drift from the code: a field read any other way would have no rule,
 * and the tests check that every key a normaliser outputs has one.
 *
 * Each rule set covers one wire object (a TikLiveAPI profile, a TikLiveAPI video, an X user, an
 * X post) and maps every key of the record the normaliser builds to a reader plus the graph
 * properties that key becomes. Parsing helpers (hashtags in text, link expansion) sit in
 * normalize/text.ts and normalize/links.ts; the rules decide which wire fields feed them.
 */
import type { AccountRecord, AmplificationRecord, Platform } from '../graph/model';
import { TIKLIVE_PATHS } from '../providers/tiklive/assumptions';
import type { TikLiveUserInfo, TikLiveVideo } from '../providers/tiklive/types';
import { X_ENDPOINTS } from '../providers/x/fields';
import type { XTweet, XUser } from '../providers/x/types';
import { tiktokVideoIdFromUrl, tiktokVideoUrl, xIdTime, xPostUrl } from './normalize/links';
import { hashtagsIn, mentionsIn, mergeDistinct, normalizeMention, normalizeTag } from './normalize/text';

/** A wire object that cannot become a record (a required value is missing or unusable). */
export class NormalizeError extends Error {
  readonly code = 'MALFORMED' as const;
  constructor(message: string) {
    super(message);
    this.name = 'NormalizeError';
  }
}

export type ProviderId = 'tikliveapi' | 'x-api-v2';

/** One key of a normalised record: how it is read and what it becomes in the graph. */
export interface FieldRule<W, V> {
  /** Graph properties (or relationships) this value ends up in, e.g. "Account.followers". */
  graph: readonly string[];
  /** Where in the provider's response it is read, in the provider's own naming. */
  wire: string;
  read: (w: W) => V;
}

/** The rules for every key of record type R, read from wire input W. */
export interface RuleSet<W, R> {
  platform: Platform;
  provider: ProviderId;
  /** The endpoints whose responses carry this wire object. */
  endpoints: readonly string[];
  rules: { [K in keyof R]-?: FieldRule<W, R[K]> };
}

/** Reads every key of R through its rule. */
export function readWith<W, R>(set: RuleSet<W, R>, input: W): R {
  const out = {} as R;
  for (const key of Object.keys(set.rules) as (keyof R)[]) out[key] = set.rules[key].read(input);
  return out;
}

// ------------------------------------------------------------------ shared record shapes

/** Everything an AccountRecord carries except where-from metadata (source). */
export type AccountFields = Required<Omit<AccountRecord, 'source'>>;

/** A PostRecord with its metrics flattened; null counts mean the provider did not send them. */
export interface PostFields {
  platform: Platform;
  platformPostId: string;
  authorPlatformUserId: string;
  url: string;
  text: string | null;
  createdAt: string;
  hashtags: string[];
  mentions: string[];
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  quotes: number | null;
  bookmarks: number | null;
  pinned: boolean;
  fetchedAt: string;
}

export interface XPostFields extends PostFields {
  /** This post as amplifier: retweet, quote, or a link to a TikTok video. */
  amplifications: AmplificationRecord[];
}

/** Response time, taken from the exchange (replay) or the clock (live sync). */
const FETCHED_AT = '(time of the response)';

function countOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function nonEmpty(v: string | null | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}

// ------------------------------------------------------------------ TikLiveAPI

export interface TikTokProfileInput {
  info: TikLiveUserInfo;
  fetchedAt: string;
}

export const TIKTOK_PROFILE_RULES: RuleSet<TikTokProfileInput, AccountFields> = {
  platform: 'TIKTOK',
  provider: 'tikliveapi',
  endpoints: [TIKLIVE_PATHS.userInfoByUsername, TIKLIVE_PATHS.userInfoById],
  rules: {
    platform: { graph: ['Account.platform'], wire: '(lane: TikTok)', read: () => 'TIKTOK' },
    platformUserId: { graph: ['Account.id', 'Account.platformUserId'], wire: 'user.id', read: (w) => w.info.user.id },
    username: {
      graph: ['Account.username', 'Account.usernameLower', 'Account.handleNorm'],
      wire: 'user.uniqueId',
      read: (w) => w.info.user.uniqueId,
    },
    displayName: { graph: ['Account.displayName'], wire: 'user.nickname', read: (w) => nonEmpty(w.info.user.nickname) },
    bio: { graph: ['Account.bio'], wire: 'user.signature', read: (w) => nonEmpty(w.info.user.signature) },
    bioLink: { graph: ['Account.bioLink'], wire: 'user.bioLink.link', read: (w) => nonEmpty(w.info.user.bioLink?.link) },
    avatarUrl: {
      graph: ['Account.avatarUrl'],
      wire: 'user.avatarLarger (else avatarMedium, avatarThumb)',
      read: (w) => nonEmpty(w.info.user.avatarLarger) ?? nonEmpty(w.info.user.avatarMedium) ?? nonEmpty(w.info.user.avatarThumb),
    },
    secUid: { graph: ['Account.secUid'], wire: 'user.secUid', read: (w) => nonEmpty(w.info.user.secUid) },
    verified: { graph: ['Account.verified'], wire: 'user.verified', read: (w) => w.info.user.verified ?? null },
    followers: {
      graph: ['Account.followers', 'AccountSnapshot.followers'],
      wire: 'stats.followerCount (or user.stats / user, see providers/tiklive/assumptions.ts)',
      read: (w) => w.info.stats.followerCount,
    },
    following: {
      graph: ['Account.following', 'AccountSnapshot.following'],
      wire: 'stats.followingCount',
      read: (w) => countOrNull(w.info.stats.followingCount),
    },
    hearts: {
      graph: ['Account.hearts', 'AccountSnapshot.hearts'],
      wire: 'stats.heartCount (else stats.heart)',
      read: (w) => countOrNull(w.info.stats.heartCount),
    },
    postCount: {
      graph: ['Account.postCount', 'AccountSnapshot.postCount'],
      wire: 'stats.videoCount',
      read: (w) => countOrNull(w.info.stats.videoCount),
    },
    fetchedAt: { graph: ['Account.fetchedAt', 'AccountSnapshot.at'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
  },
};

export interface TikTokVideoInput {
  video: TikLiveVideo;
  /** The numeric user id the page was requested for (the `userid` query parameter). */
  requestedUserId: string;
  /** The author's handle when the caller knows it (for the post URL). */
  authorUsername?: string;
  fetchedAt: string;
}

export const TIKTOK_VIDEO_RULES: RuleSet<TikTokVideoInput, PostFields> = {
  platform: 'TIKTOK',
  provider: 'tikliveapi',
  endpoints: [TIKLIVE_PATHS.userPosts],
  rules: {
    platform: { graph: ['Post.platform'], wire: '(lane: TikTok)', read: () => 'TIKTOK' },
    platformPostId: { graph: ['Post.id', 'Post.platformPostId'], wire: 'videos[].video_id (else id)', read: (w) => w.video.video_id },
    authorPlatformUserId: {
      graph: ['POSTED'],
      wire: 'videos[].author.id (else the userid requested)',
      read: (w) => w.video.author?.id ?? w.requestedUserId,
    },
    url: {
      graph: ['Post.url'],
      wire: 'videos[].author.unique_id + video_id',
      read: (w) => tiktokVideoUrl(w.video.author?.unique_id ?? w.authorUsername, w.video.video_id),
    },
    text: { graph: ['Post.text'], wire: 'videos[].title (may be null)', read: (w) => w.video.title ?? null },
    createdAt: {
      graph: ['Post.createdAt', 'Account.lastPostAt', 'AMPLIFIED.lagSeconds'],
      wire: 'videos[].create_time (Unix seconds)',
      read: (w) => {
        const t = w.video.create_time * 1000;
        if (!Number.isFinite(t) || t <= 0) throw new NormalizeError(`video ${w.video.video_id}: bad create_time`);
        return new Date(t).toISOString();
      },
    },
    hashtags: {
      graph: ['Hashtag.tag', 'TAGGED'],
      wire: 'videos[].title (#tags parsed from the caption)',
      read: (w) => hashtagsIn(w.video.title),
    },
    mentions: { graph: ['MENTIONS'], wire: 'videos[].title (@handles parsed from the caption)', read: (w) => mentionsIn(w.video.title, 'TIKTOK') },
    views: { graph: ['Post.views'], wire: 'videos[].play_count', read: (w) => countOrNull(w.video.play_count) },
    likes: { graph: ['Post.likes', 'Post.engagement'], wire: 'videos[].digg_count', read: (w) => countOrNull(w.video.digg_count) },
    comments: { graph: ['Post.comments', 'Post.engagement'], wire: 'videos[].comment_count', read: (w) => countOrNull(w.video.comment_count) },
    shares: { graph: ['Post.shares', 'Post.engagement'], wire: 'videos[].share_count', read: (w) => countOrNull(w.video.share_count) },
    quotes: { graph: ['Post.quotes'], wire: '(none on TikTok)', read: () => null },
    bookmarks: { graph: ['Post.bookmarks'], wire: 'videos[].collect_count', read: (w) => countOrNull(w.video.collect_count) },
    pinned: { graph: ['Post.pinned'], wire: 'videos[].is_top (see PINNED_KEYS)', read: (w) => w.video.pinned },
    fetchedAt: { graph: ['Post.fetchedAt'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
  },
};

// ------------------------------------------------------------------ X API v2

export interface XUserInput {
  user: XUser;
  fetchedAt: string;
}

/** The profile website: `url` is a t.co link; its expansion sits in entities.url.urls[]. */
export function expandXProfileUrl(user: XUser): string | null {
  const short = nonEmpty(user.url);
  const urls = user.entities?.url?.urls ?? [];
  const hit = urls.find((u) => u.url === short) ?? urls[0];
  return nonEmpty(hit?.expanded_url) ?? nonEmpty(hit?.unwound_url) ?? short;
}

function xMetrics(w: XUserInput): NonNullable<XUser['public_metrics']> {
  const m = w.user.public_metrics;
  // Without counts a profile would write followers 0 into the history; skip it instead.
  if (!m) throw new NormalizeError(`user ${w.user.id}: no public_metrics`);
  return m;
}

export const X_USER_RULES: RuleSet<XUserInput, AccountFields> = {
  platform: 'X',
  provider: 'x-api-v2',
  endpoints: [X_ENDPOINTS.usersByUsernames, X_ENDPOINTS.userByUsername, X_ENDPOINTS.usersByIds, X_ENDPOINTS.userById],
  rules: {
    platform: { graph: ['Account.platform'], wire: '(lane: X)', read: () => 'X' },
    platformUserId: { graph: ['Account.id', 'Account.platformUserId'], wire: 'data.id', read: (w) => w.user.id },
    username: {
      graph: ['Account.username', 'Account.usernameLower', 'Account.handleNorm'],
      wire: 'data.username',
      read: (w) => w.user.username,
    },
    displayName: { graph: ['Account.displayName'], wire: 'data.name', read: (w) => nonEmpty(w.user.name) },
    bio: { graph: ['Account.bio'], wire: 'data.description', read: (w) => nonEmpty(w.user.description) },
    bioLink: {
      graph: ['Account.bioLink'],
      wire: 'data.url expanded through data.entities.url.urls[].expanded_url',
      read: (w) => expandXProfileUrl(w.user),
    },
    avatarUrl: { graph: ['Account.avatarUrl'], wire: 'data.profile_image_url', read: (w) => nonEmpty(w.user.profile_image_url) },
    secUid: { graph: ['Account.secUid'], wire: '(none on X)', read: () => null },
    verified: { graph: ['Account.verified'], wire: 'data.verified', read: (w) => w.user.verified ?? null },
    followers: {
      graph: ['Account.followers', 'AccountSnapshot.followers'],
      wire: 'data.public_metrics.followers_count',
      read: (w) => xMetrics(w).followers_count,
    },
    following: {
      graph: ['Account.following', 'AccountSnapshot.following'],
      wire: 'data.public_metrics.following_count',
      read: (w) => xMetrics(w).following_count,
    },
    // X's like_count counts likes GIVEN, not received: it is not TikTok's hearts.
    hearts: { graph: ['Account.hearts', 'AccountSnapshot.hearts'], wire: '(none on X)', read: () => null },
    postCount: {
      graph: ['Account.postCount', 'AccountSnapshot.postCount'],
      wire: 'data.public_metrics.tweet_count',
      read: (w) => xMetrics(w).tweet_count,
    },
    fetchedAt: { graph: ['Account.fetchedAt', 'AccountSnapshot.at'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
  },
};

export interface XTweetInput {
  tweet: XTweet;
  /** includes.users: user id -> username, for post URLs. */
  usernames: ReadonlyMap<string, string>;
  /** The user id the timeline was requested for, when the post lacks author_id. */
  requestedUserId?: string;
  fetchedAt: string;
}

/** Long posts carry their full text in note_tweet; `text` is then cut at 280 characters. */
function xText(t: XTweet): string {
  return t.note_tweet?.text ?? t.text;
}

/** Confidence of an edge the provider states outright (a reference or an explicit link). */
export const EXPLICIT_AMPLIFICATION_CONFIDENCE = 1;

function xAmplifications(w: XTweetInput): AmplificationRecord[] {
  const self = `x:${w.tweet.id}`;
  const out = new Map<string, AmplificationRecord>();
  const add = (sourcePostId: string, kind: AmplificationRecord['kind']) => {
    if (sourcePostId !== self && !out.has(sourcePostId)) {
      out.set(sourcePostId, { amplifierPostId: self, sourcePostId, kind, confidence: EXPLICIT_AMPLIFICATION_CONFIDENCE });
    }
  };
  for (const ref of w.tweet.referenced_tweets ?? []) {
    // replied_to is conversation, not amplification.
    if (ref.type === 'retweeted') add(`x:${ref.id}`, 'REPOST');
    else if (ref.type === 'quoted') add(`x:${ref.id}`, 'QUOTE');
  }
  // A retweet repeats the original's text and entities: its links are the original's, which
  // amplifies them itself; linking the retweet to them too would count one share twice.
  const isRetweet = (w.tweet.referenced_tweets ?? []).some((r) => r.type === 'retweeted');
  const urls = isRetweet ? [] : [...(w.tweet.entities?.urls ?? []), ...(w.tweet.note_tweet?.entities?.urls ?? [])];
  for (const u of urls) {
    const videoId = tiktokVideoIdFromUrl(u.expanded_url ?? u.unwound_url);
    if (videoId) add(`tiktok:${videoId}`, 'LINK');
  }
  return [...out.values()];
}

function xAuthor(w: XTweetInput): string {
  const id = w.tweet.author_id ?? w.requestedUserId;
  if (!id) throw new NormalizeError(`post ${w.tweet.id}: no author_id`);
  return id;
}

function xPublic(w: XTweetInput) {
  return w.tweet.public_metrics;
}

export const X_TWEET_RULES: RuleSet<XTweetInput, XPostFields> = {
  platform: 'X',
  provider: 'x-api-v2',
  endpoints: [X_ENDPOINTS.userTweets],
  rules: {
    platform: { graph: ['Post.platform'], wire: '(lane: X)', read: () => 'X' },
    platformPostId: { graph: ['Post.id', 'Post.platformPostId'], wire: 'data[].id', read: (w) => w.tweet.id },
    authorPlatformUserId: {
      graph: ['POSTED'],
      wire: 'data[].author_id (else the user id requested)',
      read: xAuthor,
    },
    url: {
      graph: ['Post.url'],
      wire: 'includes.users[author_id].username + data[].id',
      read: (w) => xPostUrl(w.usernames.get(xAuthor(w)), w.tweet.id),
    },
    text: { graph: ['Post.text'], wire: 'data[].note_tweet.text (else text)', read: (w) => xText(w.tweet) },
    createdAt: {
      graph: ['Post.createdAt', 'Account.lastPostAt', 'AMPLIFIED.lagSeconds'],
      wire: 'data[].created_at (else decoded from the snowflake id)',
      read: (w) => {
        const t = w.tweet.created_at ? Date.parse(w.tweet.created_at) : NaN;
        if (Number.isFinite(t)) return new Date(t).toISOString();
        const fromId = xIdTime(w.tweet.id);
        if (!fromId) throw new NormalizeError(`post ${w.tweet.id}: no created_at`);
        return fromId;
      },
    },
    hashtags: {
      graph: ['Hashtag.tag', 'TAGGED'],
      wire: 'data[].entities.hashtags[].tag + #tags in text',
      read: (w) =>
        mergeDistinct(
          [
            (w.tweet.entities?.hashtags ?? []).map((h) => h.tag),
            (w.tweet.note_tweet?.entities?.hashtags ?? []).map((h) => h.tag),
            hashtagsIn(xText(w.tweet)),
          ],
          normalizeTag,
        ),
    },
    mentions: {
      graph: ['MENTIONS'],
      wire: 'data[].entities.mentions[].username + @handles in text',
      read: (w) =>
        mergeDistinct(
          [
            (w.tweet.entities?.mentions ?? []).map((m) => m.username),
            (w.tweet.note_tweet?.entities?.mentions ?? []).map((m) => m.username),
            mentionsIn(xText(w.tweet), 'X'),
          ],
          normalizeMention,
        ),
    },
    views: { graph: ['Post.views'], wire: 'data[].public_metrics.impression_count', read: (w) => countOrNull(xPublic(w)?.impression_count) },
    likes: { graph: ['Post.likes', 'Post.engagement'], wire: 'data[].public_metrics.like_count', read: (w) => countOrNull(xPublic(w)?.like_count) },
    comments: {
      graph: ['Post.comments', 'Post.engagement'],
      wire: 'data[].public_metrics.reply_count',
      read: (w) => countOrNull(xPublic(w)?.reply_count),
    },
    shares: {
      graph: ['Post.shares', 'Post.engagement'],
      wire: 'data[].public_metrics.retweet_count',
      read: (w) => countOrNull(xPublic(w)?.retweet_count),
    },
    quotes: {
      graph: ['Post.quotes', 'Post.engagement'],
      wire: 'data[].public_metrics.quote_count',
      read: (w) => countOrNull(xPublic(w)?.quote_count),
    },
    bookmarks: {
      graph: ['Post.bookmarks'],
      wire: 'data[].public_metrics.bookmark_count',
      read: (w) => countOrNull(xPublic(w)?.bookmark_count),
    },
    // X pins at the profile (pinned_tweet_id), not on the post; the timeline does not say.
    pinned: { graph: ['Post.pinned'], wire: '(not on X posts)', read: () => false },
    fetchedAt: { graph: ['Post.fetchedAt'], wire: FETCHED_AT, read: (w) => w.fetchedAt },
    amplifications: {
      graph: ['AMPLIFIED', 'AMPLIFIED.kind', 'AMPLIFIED.confidence'],
      wire:
        'data[].referenced_tweets[] (retweeted -> REPOST, quoted -> QUOTE; replied_to ignored) + ' +
        'entities.urls[].expanded_url to a TikTok video (LINK; not on retweets, whose links are the original\'s)',
      read: xAmplifications,
    },
  },
};

// ------------------------------------------------------------------ deletion

/** Facts read from error responses rather than records (see deletion.ts). */
interface StatusRule {
  graph: readonly string[];
  platform: Platform;
  provider: ProviderId;
  endpoints: readonly string[];
  wire: string;
}

export const DELETION_RULES: readonly StatusRule[] = [
  {
    graph: ['Account.active', 'Account.deactivatedAt', 'Post.removed', 'Creator.active'],
    platform: 'TIKTOK',
    provider: 'tikliveapi',
    endpoints: [TIKLIVE_PATHS.userInfoById, TIKLIVE_PATHS.userPosts],
    wire: '{"status":"error","message":"... not found ..."} for a user id',
  },
  {
    graph: ['Account.active', 'Account.deactivatedAt', 'Post.removed', 'Creator.active'],
    platform: 'X',
    provider: 'x-api-v2',
    endpoints: [X_ENDPOINTS.usersByIds, X_ENDPOINTS.userById, X_ENDPOINTS.userTweets, X_ENDPOINTS.usersByUsernames, X_ENDPOINTS.userByUsername],
    wire: 'errors[] resource-not-found for a user id, or "User has been suspended" (title Forbidden)',
  },
];

// ------------------------------------------------------------------ the listing

export interface LineageRow {
  /** Graph property or relationship, e.g. "Account.followers". */
  field: string;
  platform: Platform | null;
  provider: ProviderId;
  endpoint: string;
  /** The wire field(s) it is read from. */
  wireField: string;
}

// The sets are listed as unknown-typed views; only their metadata is read here.
type AnyRuleSet = { platform: Platform; provider: ProviderId; endpoints: readonly string[]; rules: Record<string, { graph: readonly string[]; wire: string }> };

export const RULE_SETS: readonly AnyRuleSet[] = [
  TIKTOK_PROFILE_RULES,
  TIKTOK_VIDEO_RULES,
  X_USER_RULES,
  X_TWEET_RULES,
] as unknown as AnyRuleSet[];

/** Every graph property with the provider, endpoint and wire field it comes from, sorted. */
export function lineage(): LineageRow[] {
  const rows: LineageRow[] = [];
  const seen = new Set<string>();
  const push = (r: LineageRow) => {
    const key = `${r.field}|${r.platform}|${r.endpoint}|${r.wireField}`;
    if (seen.has(key)) return;
    seen.add(key);
    rows.push(r);
  };
  for (const set of RULE_SETS) {
    for (const rule of Object.values(set.rules)) {
      for (const field of rule.graph) {
        for (const endpoint of set.endpoints) {
          push({ field, platform: set.platform, provider: set.provider, endpoint, wireField: rule.wire });
        }
      }
    }
  }
  for (const rule of DELETION_RULES) {
    for (const field of rule.graph) {
      for (const endpoint of rule.endpoints) {
        push({ field, platform: rule.platform, provider: rule.provider, endpoint, wireField: rule.wire });
      }
    }
  }
  return rows.sort(
    (a, b) =>
      a.field.localeCompare(b.field) ||
      String(a.platform).localeCompare(String(b.platform)) ||
      a.endpoint.localeCompare(b.endpoint),
  );
}

/** Record keys each rule set covers, for checking normaliser output against lineage. */
export function ruleKeys(set: { rules: object }): string[] {
  return Object.keys(set.rules);
}
