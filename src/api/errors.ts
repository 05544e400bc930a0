/**
 * Typed API errors. Every error a client can act on carries `extensions.code`, so frontends branch
 * on codes, not on message text.
 */
import { GraphQLError } from 'graphql';
import type { ApiErrorCode, UserErrorCode } from '../error-codes';

/** The API's codes, declared in the one catalogue (src/error-codes.ts). */
export type ErrorCode = ApiErrorCode | UserErrorCode;

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

/** A tracking UserError ({code, field, message}) as a thrown error, for mutations without a payload. */
export const fromUserError = (e: { code: UserErrorCode; message: string; field?: string[] | null }) =>
  new ApiError(e.code, e.message, e.field ? { field: e.field } : {});
