/**
 * X API v2 vocabulary in one place: paths, rate-limit families, the field and expansion lists we
 * request, and the tweet/post naming (docs/providers.md X.8). The newest official spec renames
 * "tweet" to "post"; we request the `tweet` names every consumer and the docs still use, and
 * accept the `post` spellings in responses so a silent rename does not break parsing.
 */

export const X_DEFAULT_BASE_URL = 'https://api.x.com';

/** Current wire names (X.8). Change here if X moves requests to the "post" vocabulary. */
export const X_NAMING = {
  postFieldsParam: 'tweet.fields',
  referencedPosts: 'referenced_tweets',
  includesPosts: 'tweets',
  editHistoryIds: 'edit_history_tweet_ids',
  pinnedPostId: 'pinned_tweet_id',
} as const;

/** Renamed spellings accepted in responses, canonical name -> alias (v2.167 spec). */
export const X_RESPONSE_ALIASES: Record<string, string> = {
  referenced_tweets: 'referenced_posts',
  tweets: 'posts',
  edit_history_tweet_ids: 'edit_history_post_ids',
  pinned_tweet_id: 'pinned_post_id',
};

/** Endpoint templates: logical names for errors and staging, and X's rate-limit buckets (X.6). */
export const X_ENDPOINTS = {
  userByUsername: '/2/users/by/username/:username',
  usersByUsernames: '/2/users/by',
  userById: '/2/users/:id',
  usersByIds: '/2/users',
  userTweets: '/2/users/:id/tweets',
} as const;

export const X_PATHS = {
  userByUsername: (username: string) => `/2/users/by/username/${encodeURIComponent(username)}`,
  usersByUsernames: '/2/users/by',
  userById: (id: string) => `/2/users/${id}`,
  usersByIds: '/2/users',
  userTweets: (id: string) => `/2/users/${id}/tweets`,
} as const;

/** X.2 suggestion: enough for matching (bio, url entities) and snapshots (public_metrics). */
export const USER_FIELDS = [
  'id',
  'name',
  'username',
  'description',
  'url',
  'entities',
  'public_metrics',
  'created_at',
  'verified',
  'verified_type',
  'profile_image_url',
  'protected',
] as const;

/** X.2 suggestion plus reply target (threads) and long-post text. */
export const TWEET_FIELDS = [
  'id',
  'text',
  'created_at',
  'author_id',
  'conversation_id',
  'public_metrics',
  'entities',
  X_NAMING.referencedPosts,
  'lang',
  'in_reply_to_user_id',
  'note_tweet',
] as const;

/** Timeline expansions: referenced posts and their authors land in `includes` (amplification). */
export const TIMELINE_EXPANSIONS = [
  'author_id',
  `${X_NAMING.referencedPosts}.id`,
  `${X_NAMING.referencedPosts}.id.author_id`,
] as const;

/** X.2 parameter limits. */
export const X_LIMITS = {
  usernamePattern: /^[A-Za-z0-9_]{1,15}$/,
  idPattern: /^[0-9]{1,19}$/,
  batchSize: 100,
  timelineMinResults: 5,
  timelineMaxResults: 100,
  /** X.5: a timeline reaches only the 3,200 most recent posts. */
  timelineReach: 3200,
} as const;

export const csv = (list: readonly string[]): string => list.join(',');
