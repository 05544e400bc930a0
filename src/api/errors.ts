/**
 * Typed API errors. Every error a client can act on carries `extensions.code`, so frontends branch
 * on codes, not on message text.
 */
import { GraphQLError } from 'graphql';

export type ErrorCode =
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
  /** Over the per-key (or per-IP) request rate (`extensions.retryAfterSeconds`). */
  | 'RATE_LIMITED';

export class ApiError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const notFound = (what: string, id: string) => new ApiError('NOT_FOUND', `no ${what} with id "${id}"`, { id });
export const badInput = (message: string, field?: string) =>
  new ApiError('BAD_USER_INPUT', message, field ? { field } : {});
export const notImplemented = (field: string, issue: string) =>
  new ApiError('NOT_IMPLEMENTED', `${field} is not yet implemented (${issue})`, { field });
