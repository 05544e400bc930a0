/**
 * Renders world accounts and posts as X API v2 User and Tweet objects (docs/providers.md X.3-X.4)
 * with exactly the requested fields, plus the Problem objects X answers errors with (X.7).
 */
import { findHashtags, findMentions, findSpan } from './text-entities';
import { PROBLEM_PREFIX } from './x-fields';
import {
  followersAt,
  metricsAt,
  postsVisibleAt,
  type PlatformData,
  type SimAccount,
  type SimPost,
} from './world-model';

type Json = Record<string, unknown>;

export interface RenderContext {
  data: PlatformData;
  now: number;
  worldNow: number;
}

const iso = (t: number) => new Date(t).toISOString();
const metric = (v: number, asString: boolean) => (asString ? String(v) : v);

function displayUrl(expanded: string): string {
  const d = expanded.replace(/^https?:\/\//, '');
  return d.length > 26 ? `${d.slice(0, 25)}…` : d;
}

function urlEntity(text: string, short: string, expanded: string): Json | null {
  const span = findSpan(text, short);
  if (!span) return null;
  return { start: span.start, end: span.end, url: short, expanded_url: expanded, display_url: displayUrl(expanded) };
}

/** Drops empty arrays and objects: X leaves them out. */
function compact(o: Json): Json | undefined {
  const out: Json = {};
  for (const [k, v] of Object.entries(o)) {
    if (Array.isArray(v) ? v.length > 0 : v !== undefined && v !== null) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

function mentionEntities(text: string, ctx: RenderContext): Json[] {
  return findMentions(text, 'X').map((m) => {
    const u = ctx.data.byUsername.get(m.value.toLowerCase());
    return u ? { start: m.start, end: m.end, username: m.value, id: u.id } : { start: m.start, end: m.end, username: m.value };
  });
}

export function renderUser(a: SimAccount, fields: ReadonlySet<string>, ctx: RenderContext): Json {
  const u: Json = { id: a.id, name: a.displayName, username: a.username };
  const s = a.quirk === 'stringCounts';
  if (fields.has('created_at')) u.created_at = iso(a.createdAt);
  if (fields.has('description')) u.description = a.bio;
  if (fields.has('entities')) {
    const url = a.bioLink && a.bioLinkShort ? urlEntity(a.bioLinkShort, a.bioLinkShort, a.bioLink) : null;
    const description = compact({
      hashtags: findHashtags(a.bio).map((h) => ({ start: h.start, end: h.end, tag: h.value })),
      mentions: findMentions(a.bio, 'X').map((m) => ({ start: m.start, end: m.end, username: m.value })),
    });
    const entities = compact({ url: url ? { urls: [url] } : undefined, description });
    if (entities) u.entities = entities;
  }
  if (fields.has('location') && a.location) u.location = a.location;
  const visible = fields.has('pinned_tweet_id') || fields.has('most_recent_tweet_id') ? postsVisibleAt(ctx.data, a.id, ctx.now) : [];
  if (fields.has('pinned_tweet_id') && a.pinnedPostId && visible.some((p) => p.id === a.pinnedPostId)) u.pinned_tweet_id = a.pinnedPostId;
  if (fields.has('most_recent_tweet_id') && visible.length) u.most_recent_tweet_id = visible[0].id;
  if (fields.has('profile_image_url')) u.profile_image_url = a.avatarUrl;
  if (fields.has('protected')) u.protected = a.private;
  if (fields.has('public_metrics') && a.quirk !== 'missingStats') {
    u.public_metrics = {
      followers_count: metric(followersAt(a, ctx.now, ctx.worldNow), s),
      following_count: metric(a.following, s),
      tweet_count: metric(a.priorPosts + postsVisibleAt(ctx.data, a.id, ctx.now).length, s),
      listed_count: metric(a.listed, s),
      like_count: metric(a.likes, s),
    };
  }
  // X sends an empty string, not nothing, for a profile without a website.
  if (fields.has('url')) u.url = a.bioLinkShort ?? '';
  if (fields.has('verified')) u.verified = a.verified;
  if (fields.has('verified_type')) u.verified_type = a.verifiedType;
  if (a.quirk === 'extraField') u.subscription_type = 'None';
  return u;
}

export function renderTweet(p: SimPost, fields: ReadonlySet<string>, ctx: RenderContext): Json {
  const text = p.text ?? '';
  const t: Json = { id: p.id, text, edit_history_tweet_ids: [p.id] };
  const s = p.quirk === 'stringCounts';
  if (fields.has('created_at')) t.created_at = iso(p.createdAt);
  if (fields.has('author_id')) t.author_id = p.authorId;
  if (fields.has('conversation_id')) t.conversation_id = p.ref?.type === 'replied_to' ? p.ref.id : p.id;
  if (fields.has('in_reply_to_user_id') && p.inReplyToUserId) t.in_reply_to_user_id = p.inReplyToUserId;
  if (fields.has('lang')) t.lang = p.lang;
  if (fields.has('possibly_sensitive')) t.possibly_sensitive = false;
  if (fields.has('reply_settings')) t.reply_settings = 'everyone';
  if (fields.has('edit_controls')) {
    t.edit_controls = { edits_remaining: 5, is_edit_eligible: p.ref?.type !== 'retweeted', editable_until: iso(p.createdAt + 3_600_000) };
  }
  if (fields.has('public_metrics') && p.quirk !== 'missingStats') {
    const m = metricsAt(p, ctx.now);
    t.public_metrics = {
      retweet_count: metric(m.shares, s),
      reply_count: metric(m.comments, s),
      like_count: metric(m.likes, s),
      quote_count: metric(m.quotes, s),
      bookmark_count: metric(m.bookmarks, s),
      impression_count: metric(m.views, s),
    };
  }
  if (fields.has('entities')) {
    const entities = compact({
      hashtags: findHashtags(text).map((h) => ({ start: h.start, end: h.end, tag: h.value })),
      mentions: mentionEntities(text, ctx),
      urls: p.urls.map((u) => urlEntity(text, u.short, u.expanded)).filter((e): e is Json => e !== null),
    });
    if (entities) t.entities = entities;
  }
  if (fields.has('referenced_tweets') && p.ref) t.referenced_tweets = [{ type: p.ref.type, id: p.ref.id }];
  if (p.quirk === 'extraField') t.display_text_range = [0, [...text].length];
  return t;
}

// ---------------------------------------------------------------- problems

export function problemType(slug: string): string {
  return PROBLEM_PREFIX + slug;
}

export type ResourceParam = 'username' | 'usernames' | 'id' | 'ids' | 'referenced_tweets.id' | 'pinned_tweet_id' | 'most_recent_tweet_id';

/** The partial error for a user that cannot be shown (HTTP 200, beside or instead of data). */
export function userProblem(a: SimAccount | undefined, value: string, parameter: ResourceParam, now: number): Json {
  const base = { value, resource_type: 'user', parameter, resource_id: value };
  if (a && a.deletionKind === 'suspended' && a.deletedAt !== null && a.deletedAt <= now) {
    return { ...base, detail: `User has been suspended: [${value}].`, title: 'Forbidden', type: problemType('resource-not-found') };
  }
  return { ...base, detail: `Could not find user with ${parameter}: [${value}].`, title: 'Not Found Error', type: problemType('resource-not-found') };
}

export function notAuthorizedProblem(a: SimAccount, parameter: ResourceParam): Json {
  return {
    value: a.id,
    detail: `Sorry, you are not authorized to see the user with id: [${a.id}].`,
    title: 'Authorization Error',
    resource_type: 'user',
    parameter,
    resource_id: a.id,
    section: 'data',
    type: problemType('not-authorized-for-resource'),
  };
}

export function tweetProblem(id: string, parameter: ResourceParam): Json {
  return {
    value: id,
    detail: `Could not find tweet with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter,
    resource_id: id,
    type: problemType('resource-not-found'),
  };
}

export class InvalidRequest extends Error {
  constructor(
    readonly parameter: string,
    readonly value: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidRequest';
  }

  body(): Json {
    return {
      errors: [{ parameters: { [this.parameter]: [this.value] }, message: this.message }],
      title: 'Invalid Request',
      detail: 'One or more parameters to your request was invalid.',
      type: problemType('invalid-request'),
    };
  }
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** The generic `about:blank` problem X sends for 401, 429 and 5xx. */
export function blankProblem(status: number): Json {
  const title = STATUS_TITLES[status] ?? 'Error';
  return { title, detail: title, type: 'about:blank', status };
}

export function usageCappedProblem(): Json {
  return {
    title: 'UsageCapExceeded',
    detail: 'Usage cap exceeded: Monthly product cap',
    type: problemType('usage-capped'),
    period: 'Monthly',
    scope: 'Product',
    status: 429,
  };
}
