/** The GraphQL API's limits and developer conveniences. */
import { z } from 'zod';
import { bool, int, type ConfigIssue } from './fields';

export const ApiEnv = z.object({
  /** Refused before execution: selection depth, estimated cost (lists costed by `first`), aliases. */
  GRAPHQL_MAX_DEPTH: int(2, 100).default(12),
  GRAPHQL_MAX_COST: int(10).default(50000),
  GRAPHQL_MAX_ALIASES: int(0, 1000).default(30),
  /** Longest string any argument may carry (review notes, handles, filters). */
  GRAPHQL_MAX_STRING_LENGTH: int(1, 1_000_000).default(2000),
  /** A request's deadline: resolvers stop and Neo4j transactions are cut at this age. */
  REQUEST_TIMEOUT_MS: int(100, 600_000).default(15000),
  /** Defaults: on outside production. */
  GRAPHQL_INTROSPECTION: bool.optional(),
  PLAYGROUND: bool.optional(),
  /** Show error details (messages of unexpected errors, stack traces). Never in production. */
  DEV_ERRORS: bool.default(false),
  /** Requests per minute per API key (or per IP without one); shared through Redis with REDIS_URL. */
  RATE_LIMIT_PER_MINUTE: int(1).default(600),
  /** Origins allowed to open the graphql-ws socket besides the server's own; comma-separated. */
  ALLOWED_ORIGINS: z.string().optional(),
  WS_MAX_SUBSCRIPTIONS: int(1, 1000).default(20),
});

export interface ApiConfig {
  maxDepth: number;
  maxCost: number;
  maxAliases: number;
  maxStringLength: number;
  requestTimeoutMs: number;
  introspection: boolean;
  playground: boolean;
  devErrors: boolean;
  rateLimitPerMinute: number;
  allowedOrigins: string[];
  wsMaxSubscriptions: number;
}

export const apiIssue = (e: z.infer<typeof ApiEnv>, production: boolean): ConfigIssue | undefined =>
  production && e.DEV_ERRORS ? { variable: 'DEV_ERRORS', message: 'must not be set when NODE_ENV=production' } : undefined;

export const apiConfig = (e: z.infer<typeof ApiEnv>, production: boolean): ApiConfig => ({
  maxDepth: e.GRAPHQL_MAX_DEPTH,
  maxCost: e.GRAPHQL_MAX_COST,
  maxAliases: e.GRAPHQL_MAX_ALIASES,
  maxStringLength: e.GRAPHQL_MAX_STRING_LENGTH,
  requestTimeoutMs: e.REQUEST_TIMEOUT_MS,
  introspection: e.GRAPHQL_INTROSPECTION ?? !production,
  playground: e.PLAYGROUND ?? !production,
  devErrors: e.DEV_ERRORS,
  rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
  allowedOrigins: (e.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().replace(/\/$/, '')).filter(Boolean),
  wsMaxSubscriptions: e.WS_MAX_SUBSCRIPTIONS,
});
