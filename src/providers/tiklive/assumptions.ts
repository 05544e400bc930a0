/**
 * Everything about TikLiveAPI that docs/providers.md marks as assumed or seen once (T.6), in one
 * place so it is easy to correct once a real response has been seen. The schemas (types.ts) and
 * the error mapping (errors.ts) read these instead of hard-coding them.
 */

export const TIKLIVE_DEFAULT_BASE_URL = 'https://api.tikliveapi.com';

/** Paths end with "/" (T.1, the vendor wrapper builds base + endpoint + '/?' + query). */
export const TIKLIVE_PATHS = {
  userId: '/userid/',
  userInfoByUsername: '/userinfo-by-username/',
  userInfoById: '/userinfo-by-id/',
  userPosts: '/user-posts/',
} as const;

/** Confirmed: max 35 posts per /user-posts/ call. */
export const TIKLIVE_MAX_POSTS_PER_PAGE = 35;

/**
 * Assumed: /userid/ response shape was never found. The numeric id is looked for under these keys,
 * first at top level, then inside `user` and `data`.
 */
export const USERID_KEYS = ['user_id', 'userid', 'userId', 'id', 'uid'] as const;

/**
 * Seen once: where the profile counts live: the vendor blog says top-level `stats`, one consumer reads
 * `user.stats`, another reads them flat on `user`. Tried in this order.
 */
export const STATS_LOCATIONS = ['stats', 'user.stats', 'user'] as const;

/** Assumed: accepted spellings for the posts page flag (the documented one first). */
export const HAS_MORE_KEYS = ['hasMore', 'has_more'] as const;

/** Assumed: fields on a video that mark it pinned (tikwm `is_top`: 0/1). */
export const PINNED_KEYS = ['is_top', 'isTop', 'is_pinned'] as const;

/**
 * T.4: 200 {"status":"error","message":...} is classified by message. Anything else in that
 * envelope is transient (an ambiguous reply must never be read as "deleted").
 */
export const STATUS_ERROR_PATTERNS = {
  PRIVATE: /\bprivate\b/i,
  NOT_FOUND: /not\s*found|not\s*exist|doesn'?t\s*exist|does\s*not\s*exist|no\s*such|deleted|unavailable/i,
} as const;

/** T.4: a bare {"message":...} body is classified by message; anything else is transient. */
export const BARE_MESSAGE_PATTERNS = {
  AUTH: /api-?key|sign\s*up|unauthori[sz]ed|invalid\s*key|forbidden/i,
  QUOTA: /balance|credit|exhausted|purchase|top\s*up|insufficient/i,
} as const;
