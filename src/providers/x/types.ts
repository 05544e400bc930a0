/**
 * X API v2 wire shapes (docs/providers.md X.3-X.7) as zod schemas and the typed objects the client
 * returns. All ids are strings (19-digit ids overflow JS numbers). Objects are loose: unknown
 * fields are kept for the normalisers. The "post" spellings of X.8 are folded into the "tweet"
 * names before validation (see fields.ts).
 */
import { z } from 'zod';
import { X_RESPONSE_ALIASES } from './fields';

const IdStr = z.string().regex(/^[0-9]{1,19}$/, 'not an X id');
const Int = z.number().int();
/**
 * Counts: X sends integers, but a numeric string is accepted rather than failing a whole page of
 * 100 posts over one oddly rendered metric.
 */
const Count = z.union([Int, z.string().regex(/^\d+$/, 'not a numeric string').transform(Number)]);

/** Copies renamed keys (post vocabulary) onto their tweet names when the tweet name is absent. */
function unalias(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const o = value as Record<string, unknown>;
  let out: Record<string, unknown> | undefined;
  for (const [canonical, alias] of Object.entries(X_RESPONSE_ALIASES)) {
    if (o[canonical] === undefined && o[alias] !== undefined) {
      out ??= { ...o };
      out[canonical] = o[alias];
    }
  }
  return out ?? o;
}

const UrlEntity = z.looseObject({
  start: Int.optional(),
  end: Int.optional(),
  url: z.string(),
  expanded_url: z.string().optional(),
  display_url: z.string().optional(),
  unwound_url: z.string().optional(),
});
const TagEntity = z.looseObject({ start: Int.optional(), end: Int.optional(), tag: z.string() });
const MentionEntity = z.looseObject({
  start: Int.optional(),
  end: Int.optional(),
  username: z.string(),
  id: IdStr.optional(),
});
const TextEntities = z.looseObject({
  urls: z.array(UrlEntity).optional(),
  hashtags: z.array(TagEntity).optional(),
  mentions: z.array(MentionEntity).optional(),
  cashtags: z.array(TagEntity).optional(),
});

export const XUserSchema = z.preprocess(
  unalias,
  z.looseObject({
    id: IdStr,
    name: z.string(),
    username: z.string(),
    description: z.string().optional(),
    url: z.string().optional(),
    location: z.string().optional(),
    created_at: z.string().optional(),
    verified: z.boolean().optional(),
    verified_type: z.string().optional(),
    protected: z.boolean().optional(),
    profile_image_url: z.string().optional(),
    public_metrics: z
      .looseObject({
        followers_count: Count,
        following_count: Count,
        tweet_count: Count,
        listed_count: Count.optional(),
        like_count: Count.optional(),
      })
      .optional(),
    entities: z
      .looseObject({
        url: z.looseObject({ urls: z.array(UrlEntity).optional() }).optional(),
        description: TextEntities.optional(),
      })
      .optional(),
    pinned_tweet_id: IdStr.optional(),
    most_recent_tweet_id: IdStr.optional(),
  }),
);
export type XUser = z.output<typeof XUserSchema>;

export const XTweetSchema = z.preprocess(
  unalias,
  z.looseObject({
    id: IdStr,
    text: z.string(),
    edit_history_tweet_ids: z.array(IdStr).optional(),
    created_at: z.string().optional(),
    author_id: IdStr.optional(),
    conversation_id: IdStr.optional(),
    in_reply_to_user_id: IdStr.optional(),
    lang: z.string().optional(),
    public_metrics: z
      .looseObject({
        retweet_count: Count,
        reply_count: Count,
        like_count: Count,
        quote_count: Count,
        bookmark_count: Count.optional(),
        impression_count: Count.optional(),
      })
      .optional(),
    entities: TextEntities.optional(),
    referenced_tweets: z
      .array(z.looseObject({ type: z.enum(['retweeted', 'quoted', 'replied_to']), id: IdStr }))
      .optional(),
    note_tweet: z.looseObject({ text: z.string(), entities: TextEntities.optional() }).optional(),
  }),
);
export type XTweet = z.output<typeof XTweetSchema>;

/** A Problem (X.7); also the legacy {code, message} shape some 429s still use. */
export const XProblemSchema = z.looseObject({
  type: z.string().optional(),
  title: z.string().optional(),
  detail: z.string().optional(),
  status: Int.optional(),
  value: z.unknown().optional(),
  parameter: z.string().optional(),
  resource_id: z.string().optional(),
  resource_type: z.string().optional(),
  code: Int.optional(),
  message: z.string().optional(),
});
export type XProblem = z.output<typeof XProblemSchema>;

const Includes = z.preprocess(
  unalias,
  z.looseObject({
    users: z.array(XUserSchema).optional(),
    tweets: z.array(XTweetSchema).optional(),
  }),
);

export const XTimelineMetaSchema = z.looseObject({
  result_count: Int.optional(),
  newest_id: IdStr.optional(),
  oldest_id: IdStr.optional(),
  next_token: z.string().optional(),
  previous_token: z.string().optional(),
});
export type XTimelineMeta = z.output<typeof XTimelineMetaSchema>;

export const XSingleUserResponse = z.looseObject({
  data: XUserSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
});

export const XUserListResponse = z.looseObject({
  data: z.array(XUserSchema).optional(),
  errors: z.array(XProblemSchema).optional(),
});

export const XTimelineResponse = z.looseObject({
  data: z.array(XTweetSchema).optional(),
  includes: Includes.optional(),
  meta: XTimelineMetaSchema.optional(),
  errors: z.array(XProblemSchema).optional(),
});

export interface XIncludes {
  users: XUser[];
  /** Referenced (quoted, retweeted, replied-to) posts. */
  tweets: XTweet[];
}

export interface XTimelinePage {
  /** Newest first; empty when the page had no `data`. */
  tweets: XTweet[];
  includes: XIncludes;
  meta: XTimelineMeta;
  /** Partial errors next to data (e.g. a referenced post that is gone). */
  errors: XProblem[];
}

/** One item a batch lookup could not return. */
export interface XItemError {
  /** The username or id asked for. */
  value: string;
  code: 'NOT_FOUND' | 'SUSPENDED' | 'PRIVATE' | 'INVALID_REQUEST' | 'TRANSIENT';
  detail: string;
  problem?: XProblem;
}

export interface XUserBatch {
  users: XUser[];
  errors: XItemError[];
}
