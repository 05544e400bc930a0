/**
 * The one error type every provider call throws, whatever the provider or the failure.
 *
 * Callers (ingest lanes, matching discovery) decide what to do from `code` and `retryable` alone,
 * so they never need to know a provider's wire format: NOT_FOUND / SUSPENDED / PRIVATE are facts
 * about the entity (mark the account gone or hidden), the rest are facts about the lane
 * (back off, stop, alert).
 */

export type ProviderName = 'tikliveapi' | 'x-api-v2';

import { ENTITY_ERROR_CODES, type ProviderErrorCode } from '../error-codes';

// The codes are declared in the one catalogue (src/error-codes.ts); re-exported for the clients.
export type { ProviderErrorCode } from '../error-codes';
export { ENTITY_ERROR_CODES } from '../error-codes';

export interface ProviderErrorOptions {
  provider: ProviderName;
  endpoint: string;
  /** Whether repeating the same request later may succeed. Defaults per code (see defaultRetryable). */
  retryable?: boolean;
  /** HTTP status, when a response was received. */
  status?: number;
  /** The raw response body, kept for MALFORMED so the bad payload can be inspected. */
  rawBody?: string;
  /** How long the provider asked us to wait before the next attempt (429, rate-limit reset). */
  retryAfterMs?: number;
  cause?: unknown;
}

/** Retryable unless the same request is known to fail again: entity facts, auth, quota, caps, bad params. */
export function defaultRetryable(code: ProviderErrorCode): boolean {
  return code === 'TRANSIENT' || code === 'RATE_LIMITED';
}

export class ProviderError extends Error {
  readonly code: ProviderErrorCode;
  readonly provider: ProviderName;
  readonly endpoint: string;
  readonly retryable: boolean;
  readonly status?: number;
  readonly rawBody?: string;
  retryAfterMs?: number;

  constructor(code: ProviderErrorCode, message: string, opts: ProviderErrorOptions) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ProviderError';
    this.code = code;
    this.provider = opts.provider;
    this.endpoint = opts.endpoint;
    this.retryable = opts.retryable ?? defaultRetryable(code);
    this.status = opts.status;
    this.rawBody = opts.rawBody;
    this.retryAfterMs = opts.retryAfterMs;
  }

  /** True for NOT_FOUND / SUSPENDED / PRIVATE: the provider answered, the entity is unavailable. */
  get isEntityError(): boolean {
    return ENTITY_ERROR_CODES.has(this.code);
  }
}

export function isProviderError(e: unknown): e is ProviderError {
  return e instanceof ProviderError;
}
