/**
 * The Account and Post shapes, declared once. Each property the write path stores from a record is
 * listed here with how it is computed from the record; the write statements take the result as a
 * property map (`SET a += r.props`, `SET p += r.props`), the read row types (rows.ts) and the
 * matcher's and creators' account views are derived from the same declaration, and
 * test/graph/shapes.test.ts checks the GraphQL types against it. Adding an Account field: add it
 * to AccountRecord (model.ts), here, and to the GraphQL type; the normalisers' rules are then
 * required by the compiler, and a field added in one place only fails a test.
 */
import { normalizeHandle } from './handle-key';
import type { AccountRecord, Platform, PostRecord } from './model';

/** Stored Account properties taken from an AccountRecord, and how. */
export const ACCOUNT_PROPS = {
  platform: (a: AccountRecord): Platform => a.platform,
  platformUserId: (a: AccountRecord): string => a.platformUserId,
  username: (a: AccountRecord): string => a.username,
  usernameLower: (a: AccountRecord): string => a.username.toLowerCase(),
  // The matcher's handle key, so candidates found through the index agree with in-memory blocking.
  handleNorm: (a: AccountRecord): string | null => normalizeHandle(a.username) || null,
  displayName: (a: AccountRecord): string | null => a.displayName ?? null,
  bio: (a: AccountRecord): string | null => a.bio ?? null,
  bioLink: (a: AccountRecord): string | null => a.bioLink ?? null,
  avatarUrl: (a: AccountRecord): string | null => a.avatarUrl ?? null,
  secUid: (a: AccountRecord): string | null => a.secUid ?? null,
  verified: (a: AccountRecord): boolean | null => a.verified ?? null,
  followers: (a: AccountRecord): number => a.followers,
  following: (a: AccountRecord): number | null => a.following ?? null,
  hearts: (a: AccountRecord): number | null => a.hearts ?? null,
  postCount: (a: AccountRecord): number | null => a.postCount ?? null,
} as const;

export type AccountProps = { [K in keyof typeof ACCOUNT_PROPS]: ReturnType<(typeof ACCOUNT_PROPS)[K]> };

/** Stored for the graph's own look-ups (handles, matching), not served by the API. */
export const ACCOUNT_LOOKUP_KEYS = ['usernameLower', 'handleNorm'] as const;

/** What every fetch also records in the account's history (AccountSnapshot). */
export const SNAPSHOT_KEYS = ['followers', 'following', 'hearts', 'postCount'] as const;

/**
 * Account properties kept by other writes than the record's (times are datetimes): the key, the
 * fetch time (written as a datetime beside the map), the newest post (posts), deactivation.
 */
export interface AccountKept {
  id: string;
  fetchedAt: Date | null;
  lastPostAt: Date | null;
  active: boolean;
  deactivatedAt: Date | null;
}

export const ACCOUNT_KEPT_KEYS = ['id', 'fetchedAt', 'lastPostAt', 'active', 'deactivatedAt'] as const satisfies readonly (keyof AccountKept)[];
const accountKeptListed: Record<Exclude<keyof AccountKept, (typeof ACCOUNT_KEPT_KEYS)[number]>, never> = {};
void accountKeptListed;

/** An account as the API reads it. */
export type AccountView = Omit<AccountProps, (typeof ACCOUNT_LOOKUP_KEYS)[number]> & AccountKept;

/**
 * The account fields the matcher compares; id "tiktok:<id>" / "x:<id>". Declared here, with the
 * shape it is cut from, so that whatever holds accounts (the graph, a simulated world) can hand
 * them to the matcher without importing it.
 */
export type MatchableAccount = Pick<AccountKept, 'id'> &
  Pick<AccountProps, 'platform' | 'username'> &
  Partial<Pick<AccountProps, 'displayName' | 'bio' | 'bioLink'>>;

export function accountProps(a: AccountRecord): AccountProps {
  const out = {} as Record<string, unknown>;
  for (const [key, read] of Object.entries(ACCOUNT_PROPS)) out[key] = (read as (a: AccountRecord) => unknown)(a);
  return out as AccountProps;
}

export function snapshotProps(p: AccountProps): Pick<AccountProps, (typeof SNAPSHOT_KEYS)[number]> {
  return { followers: p.followers, following: p.following, hearts: p.hearts, postCount: p.postCount };
}

// Every AccountRecord key is either stored through ACCOUNT_PROPS or handled beside it (fetchedAt
// as a datetime, source as lineage): a record field with no home fails to compile here.
type AccountRecordKeysHandled = keyof typeof ACCOUNT_PROPS | 'fetchedAt' | 'source';
const accountRecordCovered: Record<Exclude<keyof AccountRecord, AccountRecordKeysHandled>, never> = {};
void accountRecordCovered;

/** Stored Post properties taken from a PostRecord, and how. */
export const POST_PROPS = {
  platform: (p: PostRecord): Platform => p.platform,
  platformPostId: (p: PostRecord): string => p.platformPostId,
  url: (p: PostRecord): string => p.url,
  text: (p: PostRecord): string | null => p.text ?? null,
  views: (p: PostRecord): number | null => p.metrics.views ?? null,
  likes: (p: PostRecord): number => p.metrics.likes,
  comments: (p: PostRecord): number => p.metrics.comments,
  shares: (p: PostRecord): number => p.metrics.shares,
  quotes: (p: PostRecord): number | null => p.metrics.quotes ?? null,
  bookmarks: (p: PostRecord): number | null => p.metrics.bookmarks ?? null,
  pinned: (p: PostRecord): boolean => p.pinned ?? false,
} as const;

export type PostProps = { [K in keyof typeof POST_PROPS]: ReturnType<(typeof POST_PROPS)[K]> };

/** The post's counts, served together as `Post.metrics`. */
export const POST_METRIC_KEYS = ['views', 'likes', 'comments', 'shares', 'quotes', 'bookmarks'] as const;

/** Post properties written beside the map: the key, the times (datetimes), the engagement sum, the author. */
export interface PostKept {
  id: string;
  createdAt: Date;
  authorId: string;
  /** likes + comments + shares (+ quotes on X), computed in the write. */
  engagement: number;
}

export const POST_KEPT_KEYS = ['id', 'createdAt', 'authorId', 'engagement'] as const satisfies readonly (keyof PostKept)[];
const postKeptListed: Record<Exclude<keyof PostKept, (typeof POST_KEPT_KEYS)[number]>, never> = {};
void postKeptListed;

/** Stored but not served: whether the provider showed the post pinned (used when paging). */
export const POST_INTERNAL_KEYS = ['pinned'] as const;

/** A post as the API reads it (`pinned` stays internal). */
export type PostView = Omit<PostProps, (typeof POST_INTERNAL_KEYS)[number]> & PostKept;

export function postProps(p: PostRecord): PostProps {
  const out = {} as Record<string, unknown>;
  for (const [key, read] of Object.entries(POST_PROPS)) out[key] = (read as (p: PostRecord) => unknown)(p);
  return out as PostProps;
}

// Every PostRecord key is stored through POST_PROPS or handled beside it (metrics through their
// keys above, times as datetimes, the author, hashtags and mentions as relationships).
type PostRecordKeysHandled = keyof typeof POST_PROPS | 'metrics' | 'createdAt' | 'fetchedAt' | 'authorPlatformUserId' | 'hashtags' | 'mentions';
const postRecordCovered: Record<Exclude<keyof PostRecord, PostRecordKeysHandled>, never> = {};
void postRecordCovered;
