/**
 * The one catalogue of error codes, end to end: what a provider call fails with, what a sync
 * result reports per item, what the tracking mutations return as `UserError.code`, and what the
 * API puts in `extensions.code`. Every layer types its codes from here (providers/errors.ts,
 * ingest's SyncError, api/errors.ts), so a code is never a free string in between, and the lists
 * that decide whether a lane stops or pauses live here once.
 */

/** Why a provider call failed (ProviderError.code). */
export type ProviderErrorCode =
  /** The user or post does not exist (or no longer exists). */
  | 'NOT_FOUND'
  /** X: the account is suspended. */
  | 'SUSPENDED'
  /** The account exists but is private / protected. */
  | 'PRIVATE'
  /** Missing, unknown or forbidden credentials. */
  | 'AUTH'
  /** Out of credits: our own monthly budget or the provider's balance. */
  | 'QUOTA'
  /** Throttled (HTTP 429 or an exhausted rate-limit window). */
  | 'RATE_LIMITED'
  /** X pay-per-use monthly/daily cap: not retryable within the period. */
  | 'USAGE_CAPPED'
  /** The body did not match the expected wire shape. */
  | 'MALFORMED'
  /** 5xx, network error, timeout or an ambiguous provider reply: worth retrying later. */
  | 'TRANSIENT'
  /** The provider (or our own pre-flight check) rejected the parameters. */
  | 'INVALID_REQUEST';

/** Why one item of a sync (a profile ref, a user's posts, a post) was not written (SyncError.code). */
export type SyncErrorCode =
  | ProviderErrorCode
  /** A post whose author is not in the graph (it is written once the author is). */
  | 'NO_AUTHOR'
  /** The lane shut down before the job ran. */
  | 'LANE_CLOSED'
  /** The lane job failed as a whole (the error is in the message). */
  | 'LANE_ERROR'
  /** Fetched, but recording it in the graph failed (backfill marks). */
  | 'GRAPH_ERROR'
  /** Anything else thrown while syncing (a bug or the graph); the message says what. */
  | 'INTERNAL';

/** `UserError.code` of the tracking mutations (trackCreator, refreshAccount). */
export type UserErrorCode =
  | 'BAD_USER_INPUT'
  | 'INVALID_HANDLE'
  | 'NOT_FOUND'
  | 'PRIVATE'
  | 'ALREADY_TRACKED'
  | 'LANE_UNAVAILABLE'
  | 'PROVIDER_ERROR'
  | ReviewErrorCode;

/** Errors of the review decisions (approve, reject, link). */
export type ReviewErrorCode = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT';

/** GraphQL `extensions.code` of errors the API throws (api/errors.ts). */
export type ApiErrorCode =
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'NOT_IMPLEMENTED'
  /** No credentials, or credentials that match no key/token. */
  | 'UNAUTHENTICATED'
  /** A known caller whose role is too low (`extensions.required`, `extensions.role`). */
  | 'FORBIDDEN'
  /** Refused before execution: too deep, too costly or too many aliases (`extensions.reason`, `limit`, `actual`). */
  | 'QUERY_TOO_COMPLEX'
  /** Past the request's deadline (`extensions.limitMs`). */
  | 'TIMEOUT'
  /** Over the per-key (or per-IP) request rate or the per-connection subscription cap (`extensions.retryAfterSeconds`, `limit`). */
  | 'RATE_LIMITED';

// ---------------------------------------------------------------- what the codes mean for a lane

/** Codes that describe the requested entity rather than the health of the lane. */
export const ENTITY_ERROR_CODES: ReadonlySet<SyncErrorCode> = new Set<SyncErrorCode>(['NOT_FOUND', 'SUSPENDED', 'PRIVATE']);

/** "This lane has no budget left": pause, do not retry now. */
export const BUDGET_CODES: ReadonlySet<SyncErrorCode> = new Set<SyncErrorCode>(['QUOTA', 'USAGE_CAPPED']);

/** Codes that pause the lane: no budget, or a rate-limit window longer than the client would wait. */
export const PAUSE_CODES: ReadonlySet<SyncErrorCode> = new Set<SyncErrorCode>([...BUDGET_CODES, 'RATE_LIMITED']);

/** Codes that stop a sync call at once (every remaining ref is reported with it, not attempted). */
export const LANE_STOP_CODES: ReadonlySet<SyncErrorCode> = new Set<SyncErrorCode>([...PAUSE_CODES, 'AUTH']);

/** Transient failures in a row (after the transport's own retries) that also stop a sync call. */
export const MAX_TRANSIENT_IN_A_ROW = 5;

const SYNC_CODES: ReadonlySet<string> = new Set<SyncErrorCode>([
  'NOT_FOUND', 'SUSPENDED', 'PRIVATE', 'AUTH', 'QUOTA', 'RATE_LIMITED', 'USAGE_CAPPED', 'MALFORMED', 'TRANSIENT',
  'INVALID_REQUEST', 'NO_AUTHOR', 'LANE_CLOSED', 'LANE_ERROR', 'GRAPH_ERROR', 'INTERNAL',
]);

/** A code read back from text (a pause reason "QUOTA: ..."), or `fallback` when it is not one of ours. */
export function syncCodeOr(code: string | undefined, fallback: SyncErrorCode): SyncErrorCode {
  return code !== undefined && SYNC_CODES.has(code) ? (code as SyncErrorCode) : fallback;
}

/** Provider and sync codes as UserError codes: entity facts pass through, lane trouble is named as such. */
export function userErrorCode(code: SyncErrorCode | ReviewErrorCode): UserErrorCode {
  switch (code) {
    case 'NOT_FOUND':
    case 'SUSPENDED':
      return 'NOT_FOUND';
    case 'PRIVATE':
      return 'PRIVATE';
    case 'INVALID_REQUEST':
      return 'INVALID_HANDLE';
    case 'QUOTA':
    case 'USAGE_CAPPED':
    case 'AUTH':
      return 'LANE_UNAVAILABLE';
    case 'BAD_USER_INPUT':
    case 'CONFLICT':
      return code;
    default:
      return 'PROVIDER_ERROR';
  }
}
