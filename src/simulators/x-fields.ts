/**
 * X API v2 field, expansion and parameter names (docs/providers.md X.2, spec v2.159), kept in one
 * place because the newest spec renames tweet -> post (X.8). The simulator validates requests
 * against these and renders only what was asked for.
 */

export const TWEET_FIELDS = [
  'article', 'attachments', 'author_id', 'card_uri', 'community_id', 'context_annotations',
  'conversation_id', 'created_at', 'display_text_range', 'edit_controls', 'edit_history_tweet_ids',
  'entities', 'geo', 'id', 'in_reply_to_user_id', 'lang', 'media_metadata', 'non_public_metrics',
  'note_tweet', 'organic_metrics', 'possibly_sensitive', 'promoted_metrics', 'public_metrics',
  'referenced_tweets', 'reply_settings', 'scopes', 'source', 'suggested_source_links',
  'suggested_source_links_with_counts', 'text', 'withheld',
] as const;

export const USER_FIELDS = [
  'affiliation', 'confirmed_email', 'connection_status', 'created_at', 'description', 'entities',
  'id', 'is_identity_verified', 'location', 'most_recent_tweet_id', 'name', 'parody',
  'pinned_tweet_id', 'profile_banner_url', 'profile_image_url', 'protected', 'public_metrics',
  'receives_your_dm', 'subscription', 'subscription_type', 'url', 'username', 'verified',
  'verified_followers_count', 'verified_type', 'withheld',
] as const;

export const MEDIA_FIELDS = [
  'alt_text', 'duration_ms', 'height', 'media_key', 'non_public_metrics', 'organic_metrics',
  'preview_image_url', 'promoted_metrics', 'public_metrics', 'type', 'url', 'variants', 'width',
] as const;
export const POLL_FIELDS = ['duration_minutes', 'end_datetime', 'id', 'options', 'voting_status'] as const;
export const PLACE_FIELDS = ['contained_within', 'country', 'country_code', 'full_name', 'geo', 'id', 'name', 'place_type'] as const;

export const TWEET_EXPANSIONS = [
  'article.cover_media', 'article.media_entities', 'attachments.media_keys',
  'attachments.media_source_tweet', 'attachments.poll_ids', 'author_id', 'edit_history_tweet_ids',
  'entities.mentions.username', 'geo.place_id', 'in_reply_to_user_id', 'entities.note.mentions.username',
  'referenced_tweets.id', 'referenced_tweets.id.attachments.media_keys', 'referenced_tweets.id.author_id',
] as const;
export const USER_EXPANSIONS = ['affiliation.user_id', 'most_recent_tweet_id', 'pinned_tweet_id'] as const;

export const DEFAULT_TWEET_FIELDS = ['id', 'text', 'edit_history_tweet_ids'] as const;
export const DEFAULT_USER_FIELDS = ['id', 'name', 'username'] as const;

/** List-valued parameters: name -> allowed values. */
export const LIST_PARAMS: Record<string, readonly string[]> = {
  'tweet.fields': TWEET_FIELDS,
  'user.fields': USER_FIELDS,
  'media.fields': MEDIA_FIELDS,
  'poll.fields': POLL_FIELDS,
  'place.fields': PLACE_FIELDS,
  exclude: ['replies', 'retweets'],
};

export const USERNAME_PATTERN = /^[A-Za-z0-9_]{1,15}$/;
export const ID_PATTERN = /^[0-9]{1,19}$/;

export const PROBLEM_PREFIX = 'https://api.twitter.com/2/problems/';

/** Endpoint labels, used for stats, rate-limit windows and their limits. */
export type XEndpoint =
  | 'GET /2/users/by/username/:username'
  | 'GET /2/users/by'
  | 'GET /2/users/:id'
  | 'GET /2/users'
  | 'GET /2/users/:id/tweets'
  | 'GET /2/tweets/search/recent';

/** Per-app limits per 15-minute window (docs/providers.md X.6). */
export const DEFAULT_X_RATE_LIMITS: Record<XEndpoint, number> = {
  'GET /2/users/by/username/:username': 300,
  'GET /2/users/by': 300,
  'GET /2/users/:id': 300,
  'GET /2/users': 300,
  'GET /2/users/:id/tweets': 10_000,
  'GET /2/tweets/search/recent': 450,
};
