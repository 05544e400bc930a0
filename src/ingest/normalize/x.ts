/**
 * X API v2 -> graph model. Users become AccountRecords (the profile website expanded from its t.co
 * link), timeline posts PostRecords (hashtags from entities plus text, mentions, note_tweet long
 * text) with their AMPLIFIED edges: retweet -> REPOST, quote -> QUOTE, a link to a TikTok video
 * -> LINK. Every field is read through the rules below, which `Query.lineage` lists (lineage.ts).
 *
 * Referenced posts that arrive in `includes.tweets` are normalised too, so the source of a
 * retweet or quote can be written when its author is in the graph (the write skips the rest).
 */
import type { AccountRecord, AmplificationRecord } from '../../graph/model';
import { X_ENDPOINTS } from '../../providers/x/fields';
import type { XTweet, XUser } from '../../providers/x/types';
import { tiktokVideoIdFromUrl, xIdTime, xPostUrl } from './links';
import { countOrNull, FETCHED_AT, nonEmpty, NormalizeError, readWith, type AccountFields, type RuleSet, type XPostFields } from './rules';
import { hashtagsIn, mentionsIn, mergeDistinct, normalizeMention, normalizeTag } from './text';
import { reasonOf, toNormalizedPost, type NormalizedPost, type RejectedItem } from './post';

// ------------------------------------------------------------------ field rules

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

// ------------------------------------------------------------------ normalisers

export function normalizeXUser(user: XUser, fetchedAt: string, endpoint: string = X_ENDPOINTS.usersByIds): AccountRecord {
  return { ...readWith(X_USER_RULES, { user, fetchedAt }), source: { provider: 'x-api-v2', endpoint } };
}

/** Normalises users one by one; those that cannot become accounts are returned as rejected. */
export function normalizeXUsers(
  users: readonly XUser[],
  fetchedAt: string,
  endpoint?: string,
): { accounts: AccountRecord[]; rejected: RejectedItem[] } {
  const accounts: AccountRecord[] = [];
  const rejected: RejectedItem[] = [];
  for (const u of users) {
    try {
      accounts.push(normalizeXUser(u, fetchedAt, endpoint));
    } catch (e) {
      rejected.push({ ref: `x:${u.id}`, reason: reasonOf(e) });
    }
  }
  return { accounts, rejected };
}

export interface XTimelineInput {
  tweets: readonly XTweet[];
  includes: { users: readonly XUser[]; tweets: readonly XTweet[] };
}

export interface NormalizedXTimeline {
  posts: NormalizedPost[];
  /** Retweeted and quoted originals from `includes`, written only when their authors are known. */
  referenced: NormalizedPost[];
  rejected: RejectedItem[];
}

export function normalizeXTimeline(
  page: XTimelineInput,
  ctx: { requestedUserId?: string; fetchedAt: string },
): NormalizedXTimeline {
  const usernames = new Map(page.includes.users.map((u) => [u.id, u.username] as const));
  const rejected: RejectedItem[] = [];
  const one = (tweet: XTweet, requestedUserId: string | undefined): NormalizedPost | undefined => {
    try {
      const { amplifications, ...fields } = readWith(X_TWEET_RULES, { tweet, usernames, requestedUserId, fetchedAt: ctx.fetchedAt });
      return toNormalizedPost(fields, amplifications);
    } catch (e) {
      rejected.push({ ref: `x:${tweet.id}`, reason: reasonOf(e) });
      return undefined;
    }
  };
  const posts = page.tweets.map((t) => one(t, ctx.requestedUserId)).filter((p): p is NormalizedPost => p !== undefined);
  const amplified = new Set<string>();
  for (const t of page.tweets) {
    for (const r of t.referenced_tweets ?? []) if (r.type !== 'replied_to') amplified.add(r.id);
  }
  const own = new Set(page.tweets.map((t) => t.id));
  const referenced = page.includes.tweets
    .filter((t) => amplified.has(t.id) && !own.has(t.id))
    .map((t) => one(t, undefined))
    .filter((p): p is NormalizedPost => p !== undefined);
  return { posts, referenced, rejected };
}
