/**
 * What an error may tell the caller. Errors written for the caller (a GraphQLError with a code, such
 * as every ApiError from errors.ts) and GraphQL's own request errors (parse, validation, variable
 * coercion) go out as they are; anything else (a plain Error: a bug, a driver failure) is a
 * bug or an outage and goes out as "Internal server error" with no stack, Cypher or path, and is
 * logged in full. DEV_ERRORS=true (refused in production) shows the real message and stack.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from '../log';

/** Codes whose message was written for the caller. */
const CALLER_CODES = new Set([
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'CONFLICT',
  'NOT_IMPLEMENTED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'QUERY_TOO_COMPLEX',
  'TIMEOUT',
  'RATE_LIMITED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const isNeo4jTimeout = (err: unknown) =>
  typeof (err as { code?: unknown })?.code === 'string' && /TransactionTimedOut/.test((err as { code: string }).code);

export function maskError(
  formatted: GraphQLFormattedError,
  error: unknown,
  opts: { devErrors: boolean; logger: Logger; timeoutMs?: number },
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const cause = (error as { originalError?: unknown })?.originalError;
  const { stacktrace, http: _http, ...extensions } = (formatted.extensions ?? {}) as Record<string, unknown>;
  const keep = opts.devErrors && stacktrace ? { stacktrace } : {};
  const code = typeof extensions.code === 'string' ? extensions.code : undefined;
  if (isNeo4jTimeout(original) || isNeo4jTimeout(cause)) {
    return {
      message: `the request exceeded its ${opts.timeoutMs ?? '?'} ms deadline`,
      path: formatted.path,
      extensions: { code: 'TIMEOUT', limitMs: opts.timeoutMs, ...keep },
    };
  }
  const deliberate = original instanceof GraphQLError && code !== undefined && code !== 'INTERNAL_SERVER_ERROR';
  if (deliberate || (code && CALLER_CODES.has(code))) {
    // Apollo files our own refusals raised during validation under GRAPHQL_VALIDATION_FAILED.
    const own = extensions.reason !== undefined && extensions.limit !== undefined ? { code: 'QUERY_TOO_COMPLEX' } : {};
    return { ...formatted, extensions: { ...extensions, ...own, ...keep } };
  }
  opts.logger.error({ err: original }, 'request failed');
  if (opts.devErrors) return { ...formatted, extensions: { ...extensions, code: code ?? 'INTERNAL_SERVER_ERROR', ...keep } };
  return { message: 'Internal server error', path: formatted.path, locations: formatted.locations, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}
