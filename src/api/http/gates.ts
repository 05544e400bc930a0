/**
 * The gates a GraphQL HTTP request passes before Apollo sees it, in this order: credentials, the
 * rate limit, the body (size, JSON: body-parser, run by the caller), the depth and alias shape.
 * Written over plain values, not express's req/res, so the express wiring (GET, and anything the
 * lean route leaves to it) and the lean POST route (graphql-post.ts) run the very same checks and
 * refuse with the same statuses, headers and error bodies.
 */
import { parse, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { ApiConfig } from '../../config/api';
import type { Logger } from '../../log';
import type { Authenticator } from '../auth/authenticate';
import type { Principal } from '../auth/roles';
import { checkQueryShape, type QueryTooComplex } from '../limits/query-limits';
import { RateLimited, type RateLimiter } from '../limits/rate-limit';
import type { ApiMetrics } from '../metrics';

/** Largest request body; body-parser answers 413 past it. */
export const MAX_BODY = '1mb';
/** Parsing stops past this many tokens, before validation's cost grows with the document. */
export const MAX_TOKENS = 20000;

/** A request refused before Apollo: answered as `{ errors: [{ message, extensions: { code, ... } }] }`. */
export interface Refusal {
  status: number;
  code: string;
  message: string;
  extensions?: Record<string, unknown>;
  /** Extra response headers (WWW-Authenticate, Retry-After). */
  headers?: Record<string, string>;
}

export const refusalBody = (r: Refusal): string =>
  JSON.stringify({ errors: [{ message: r.message, extensions: { code: r.code, ...r.extensions } }] });

export interface Gates {
  /** The caller, or a 401 for a wrong key or token (no credentials is an anonymous caller). */
  credentials(authorization: string | undefined): Promise<{ principal: Principal | null } | { refusal: Refusal }>;
  /** A 429 once the caller's budget is spent; throws what the limiter throws otherwise (then `failure`). */
  rate(principal: Principal | null, ip: string | undefined): Promise<Refusal | null>;
  /** Depth and aliases, checked before Apollo validates (see below); null when the query passes or does not parse. */
  shape(query: string | undefined): Refusal | null;
  /** Anything a gate or the body parser threw: a JSON answer, never an HTML page with a stack. */
  failure(err: unknown): Refusal;
}

export function createGates(deps: {
  schema: GraphQLSchema;
  limits: ApiConfig;
  auth: Authenticator;
  rate: RateLimiter;
  metrics: ApiMetrics;
  logger: Logger;
  /** Counts a refusal by its reason (server.ts). */
  refused(err: unknown): void;
}): Gates {
  const { schema, limits, metrics, logger } = deps;
  /** The shape verdict per query text: the same query sent again is not parsed and walked again. */
  const shapes = new LRUCache<string, { refusal: QueryTooComplex | null }>({
    max: 2000,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (_v, query) => Math.max(1, query.length),
  });
  return {
    async credentials(authorization) {
      const result = await deps.auth.authenticate(authorization);
      if (result.ok) return { principal: result.principal };
      metrics.refusals.inc({ reason: 'unauthenticated' });
      return { refusal: { status: 401, code: 'UNAUTHENTICATED', message: result.reason, headers: { 'WWW-Authenticate': 'Bearer' } } };
    },
    async rate(principal, ip) {
      try {
        await deps.rate.consume(principal, ip);
        return null;
      } catch (err) {
        if (!(err instanceof RateLimited)) throw err;
        deps.refused(err);
        return {
          status: 429,
          code: 'RATE_LIMITED',
          message: err.message,
          extensions: { retryAfterSeconds: err.retryAfterSeconds },
          headers: { 'Retry-After': String(err.retryAfterSeconds) },
        };
      }
    },
    /**
     * graphql-js's validation makes dozens of passes over the document, which for 500 aliases costs
     * far more than this one structural check. A refusal thrown inside Apollo's pipeline would be
     * masked as an internal error, so it is answered here.
     */
    shape(query) {
      if (query === undefined) return null;
      let verdict = shapes.get(query);
      if (!verdict) {
        let document;
        try {
          // Counting needs no locations: a third fewer objects for a large document to allocate and collect.
          document = parse(query, { maxTokens: MAX_TOKENS, noLocation: true });
        } catch {
          return null; // Apollo answers syntax errors in the usual shape
        }
        verdict = { refusal: checkQueryShape(schema, document, limits) };
        shapes.set(query, verdict);
      }
      const { refusal } = verdict;
      if (!refusal) return null;
      deps.refused(refusal);
      const { http: _http, ...extensions } = refusal.extensions as Record<string, unknown>;
      return { status: 400, code: 'QUERY_TOO_COMPLEX', message: refusal.message, extensions };
    },
    failure(err) {
      const e = err as { type?: string; status?: number };
      if (e.type === 'entity.too.large') {
        metrics.refusals.inc({ reason: 'body' });
        return { status: 413, code: 'BAD_REQUEST', message: `request body larger than ${MAX_BODY}` };
      }
      if (e.type === 'entity.parse.failed') return { status: 400, code: 'BAD_REQUEST', message: 'request body is not valid JSON' };
      if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return { status: e.status, code: 'BAD_REQUEST', message: 'bad request' };
      logger.error({ err }, 'request failed');
      return { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
    },
  };
}
