/**
 * X API v2 -> graph model. Users become AccountRecords (the profile website expanded from its t.co
 * link), timeline posts PostRecords (hashtags from entities plus text, mentions, note_tweet long
 * text) with their AMPLIFIED edges: retweet -> REPOST, quote -> QUOTE, a link to a TikTok video
 * -> LINK. Every field is read through the lineage rules.
 *
 * Referenced posts that arrive in `includes.tweets` are normalised too, so the source of a
 * retweet or quote can be written when its author is in the graph (the write skips the rest).
 *
 * The `read*Body` functions take a body as staged and validate item by item with the providers'
 * schemas, so one malformed user or post does not cost the rest of a batch of 100.
 */
import type { AccountRecord } from '../../graph/model';
import { X_ENDPOINTS, X_RESPONSE_ALIASES } from '../../providers/x/fields';
import { XProblemSchema, XTweetSchema, XUserSchema, type XProblem, type XTweet, type XUser } from '../../providers/x/types';
import { readWith, X_TWEET_RULES, X_USER_RULES } from '../lineage';
import { reasonOf, toNormalizedPost, type NormalizedPost, type RejectedItem } from './post';

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

// ------------------------------------------------------------------ staged bodies

function record(json: unknown): Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

function items<T>(
  list: unknown,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } },
  label: string,
  rejected: RejectedItem[],
): T[] {
  if (list === undefined || list === null) return [];
  const arr = Array.isArray(list) ? list : [list];
  const out: T[] = [];
  arr.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else {
      const id = record(item).id;
      rejected.push({
        ref: typeof id === 'string' ? `x:${id}` : `${label}[${i}]`,
        reason: r.error.issues.map((x) => `${x.path.map(String).join('.') || '(item)'}: ${x.message}`).slice(0, 3).join('; '),
      });
    }
  });
  return out;
}

/** A staged user lookup body (single or batch): valid users, X's per-item problems, and rejects. */
export function readXUsersBody(body: string): { users: XUser[]; problems: XProblem[]; rejected: RejectedItem[] } {
  const root = record(JSON.parse(body));
  const rejected: RejectedItem[] = [];
  const users = items(root.data, XUserSchema, 'data', rejected);
  const problems = items(root.errors, XProblemSchema, 'errors', []);
  return { users, problems, rejected };
}

/** A staged timeline body, validated item by item (posts, included users and posts). */
export function readXTimelineBody(body: string): XTimelineInput & {
  meta: { next_token?: string };
  problems: XProblem[];
  rejected: RejectedItem[];
  hasData: boolean;
} {
  const root = record(JSON.parse(body));
  const rejected: RejectedItem[] = [];
  const includes = record(root.includes);
  const tweets = items(root.data, XTweetSchema, 'data', rejected);
  const meta = record(root.meta);
  return {
    tweets,
    meta: typeof meta.next_token === 'string' ? { next_token: meta.next_token } : {},
    includes: {
      users: items(includes.users, XUserSchema, 'includes.users', []),
      tweets: items(includes.tweets ?? includes[X_RESPONSE_ALIASES.tweets], XTweetSchema, 'includes.tweets', []),
    },
    problems: items(root.errors, XProblemSchema, 'errors', []),
    rejected,
    hasData: root.data !== undefined || root.meta !== undefined,
  };
}
