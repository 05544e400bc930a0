/**
 * The HTTP server: GraphQL over HTTP (Apollo Server 5 on express) and GraphQL over WebSocket
 * (graphql-ws) on the same port and path, the web pages, the health endpoints and /metrics.
 * `close()` drains in-flight requests and ws operations before it resolves.
 *
 * Every request passes the same gates, in order: security headers; credentials (a wrong key is
 * refused at once, no key is an anonymous caller every root field refuses); the rate limit; body
 * size and JSON; then, before execution, the string-length, depth, alias and cost limits; while
 * running, the request's deadline. Errors leave through one mask (mask.ts).
 */
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type NextFunction, type Request, type Response } from 'express';
import {
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  validate,
  type ExecutionResult,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import helmet from 'helmet';
import { LRUCache } from 'lru-cache';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { mountWeb } from '../web/serve';
import { createAuthenticator } from './auth/authenticate';
import { hasRole, type Principal } from './auth/roles';
import { buildContext, type Context, type Services } from './context';
import { ApiError } from './errors';
import { legacyJsonStatusPlugin } from './legacy-json-status';
import { exemptMutations } from './limits/deadline';
import { checkQueryCost, checkQueryShape, QueryTooComplex, warmQueryChecks } from './limits/query-limits';
import { createRateLimiter, RateLimited } from './limits/rate-limit';
import { checkStringLengths } from './limits/strings';
import { maskError } from './mask';
import { createMetrics } from './metrics';
import { sharedKey, subscribeShared } from './subscription-fanout';

export const GRAPHQL_PATH = '/graphql';
/** Parsing stops past this many tokens, before validation's cost grows with the document. */
export const MAX_TOKENS = 20000;
const MAX_BODY = '1mb';

export interface ApiOptions {
  /** Port to listen on; 0 picks a free one. Default 4000. */
  port?: number;
  /** Interface to bind. Default 0.0.0.0. */
  host?: string;
  /** Answers /readyz: true once Neo4j is reachable and migrations are done. */
  ready?: () => Promise<boolean>;
}

export interface RunningApi {
  url: string;
  wsUrl: string;
  port: number;
  /** The admin key generated because no keys were configured (local demo only). */
  demoKey?: string;
  close(): Promise<void>;
}

const jsonError = (res: Response, status: number, code: string, message: string, extra: Record<string, unknown> = {}) =>
  res.status(status).type('application/json').send(JSON.stringify({ errors: [{ message, extensions: { code, ...extra } }] }));

/** Names the operation by its type and first root field: bounded by the schema, safe as a metric label. */
function operationLabel(op: OperationDefinitionNode | null | undefined): string {
  const first = op?.selectionSet.selections.find((s) => s.kind === 'Field');
  return op ? `${op.operation}:${first && first.kind === 'Field' ? first.name.value : '?'}` : 'unknown';
}

/** Same-origin by default: a page on another site must not drive this API from a visitor's browser. */
export function originAllowed(origin: string | undefined, host: string | undefined, allowed: readonly string[]): boolean {
  if (!origin) return true; // not a browser: the socket still needs a key
  const o = origin.replace(/\/$/, '');
  if (allowed.includes(o) || allowed.includes('*')) return true;
  try {
    return new URL(o).host === host;
  } catch {
    return false;
  }
}

export async function startApi(schema: GraphQLSchema, services: Services, opts: ApiOptions = {}): Promise<RunningApi> {
  const { config, logger } = services;
  const limits = config.api;
  const auth = createAuthenticator(config);
  const rate = createRateLimiter({ perMinute: limits.rateLimitPerMinute, redisUrl: config.redisUrl });
  const metrics = createMetrics(services.graph, services.ingestion);
  const mask = (formatted: Parameters<typeof maskError>[0], err: unknown) =>
    maskError(formatted, err, { devErrors: limits.devErrors, logger, timeoutMs: limits.requestTimeoutMs });
  const refused = (err: unknown) => {
    if (err instanceof QueryTooComplex) metrics.refusals.inc({ reason: err.reason });
    else if (err instanceof RateLimited) metrics.refusals.inc({ reason: 'rate' });
    else if (err instanceof ApiError && err.extensions.code === 'BAD_USER_INPUT') metrics.refusals.inc({ reason: 'strings' });
  };

  /**
   * The checks every operation passes after validation, over HTTP or ws (depth and aliases ran
   * before validation: shapeLimitRule, checkQueryShape).
   */
  const preflight = (document: Parameters<typeof checkQueryCost>[1], variables: Record<string, unknown> | undefined, operationName?: string | null) => {
    const err =
      checkStringLengths(document, variables, limits.maxStringLength) ??
      (() => {
        try {
          return checkQueryCost(schema, document, limits, variables, operationName);
        } catch {
          return null; // bad variables: execution reports them as it coerces
        }
      })();
    if (err) refused(err);
    return err;
  };

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  const http = createServer(app);

  // ---- graphql-ws -------------------------------------------------------------------------
  const principals = new WeakMap<object, Principal>();
  /** Live subscription ids per socket, for the subscribers gauge. */
  const live = new WeakMap<object, Set<string>>();
  const ended = (extra: object, id?: string) => {
    const ids = live.get(extra);
    if (!ids) return;
    for (const one of id === undefined ? [...ids] : [id]) if (ids.delete(one)) metrics.subscribers.dec();
  };
  const wss = new WebSocketServer({
    server: http,
    path: GRAPHQL_PATH,
    maxPayload: 1024 * 1024,
    verifyClient: ({ origin, req }: { origin?: string; req: IncomingMessage }) => {
      const ok = originAllowed(origin, req.headers.host, limits.allowedOrigins);
      if (!ok) metrics.refusals.inc({ reason: 'origin' });
      return ok;
    },
  });
  const wsIntrospection = limits.introspection ? [] : [NoSchemaIntrospectionCustomRule];
  /** Per subscription's context: the key under which its events' executions are shared (subscription-fanout.ts). */
  const fanoutKeys = new WeakMap<object, string>();
  const wsServer = useServer<Record<string, unknown>, { principal?: Principal }>(
    {
      schema,
      subscribe: (args) => subscribeShared(args, fanoutKeys.get(args.contextValue as object) ?? null),
      onConnect: async (ctx) => {
        const result = await auth.authenticate(ctx.connectionParams?.authorization ?? ctx.extra.request.headers.authorization);
        if (!result.ok || !result.principal) {
          metrics.refusals.inc({ reason: 'unauthenticated' });
          return false; // graphql-ws closes with 4403 Forbidden
        }
        principals.set(ctx.extra, result.principal);
        return true;
      },
      onSubscribe: async (ctx, id, payload) => {
        const principal = principals.get(ctx.extra) ?? null;
        let document;
        try {
          document = parse(payload.query, { maxTokens: MAX_TOKENS });
        } catch (err) {
          // Answered as an `error` message for this operation: the socket and its other subscriptions stay.
          return [err instanceof GraphQLError ? err : new GraphQLError('could not parse the operation')];
        }
        const shape = checkQueryShape(schema, document, limits);
        if (shape) {
          refused(shape);
          return [shape];
        }
        const invalid = validate(schema, document, [...specifiedRules, ...wsIntrospection]);
        if (invalid.length > 0) return invalid;
        const refusal = preflight(document, payload.variables ?? undefined, payload.operationName);
        if (refusal) return [refusal];
        if (Object.keys(ctx.subscriptions).length >= limits.wsMaxSubscriptions) {
          metrics.refusals.inc({ reason: 'subscriptions' });
          return [new ApiError('RATE_LIMITED', `at most ${limits.wsMaxSubscriptions} operations at once on one connection`, { limit: limits.wsMaxSubscriptions })];
        }
        try {
          await rate.consume(principal, ctx.extra.request.socket.remoteAddress);
        } catch (err) {
          refused(err);
          return [err instanceof GraphQLError ? err : new GraphQLError('rate limiter unavailable')];
        }
        const op = getOperationAST(document, payload.operationName);
        const subscription = op?.operation === 'subscription';
        const timed = op?.operation === 'query';
        if (subscription) {
          const ids = live.get(ctx.extra) ?? new Set<string>();
          live.set(ctx.extra, ids.add(id));
          metrics.subscribers.inc();
        }
        const contextValue = buildContext(services, principal, { deadlineMs: timed ? limits.requestTimeoutMs : undefined });
        if (subscription) fanoutKeys.set(contextValue, sharedKey(principal, payload));
        return { schema, document, variableValues: payload.variables, operationName: payload.operationName, contextValue };
      },
      onNext: (_ctx, _id, _payload, _args, result) => {
        const r = result as ExecutionResult;
        if (!r.errors?.length) return result;
        return { ...r, errors: r.errors.map((e) => mask(e.toJSON(), e)) } as unknown as typeof result;
      },
      onComplete: (ctx, id) => ended(ctx.extra, id),
      onDisconnect: (ctx) => ended(ctx.extra),
      onError: (_ctx, _id, _payload, errors) => logger.warn({ errors }, 'ws operation failed'),
    },
    wss,
  );

  // ---- GraphQL over HTTP --------------------------------------------------------------------
  const limitsPlugin: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      const t0 = performance.now();
      let label = 'unknown';
      return {
        async didResolveOperation({ document, request, operation, contextValue }) {
          label = operationLabel(operation);
          exemptMutations(contextValue, operation?.operation);
          const refusal = preflight(document, request.variables, request.operationName);
          if (refusal) throw refusal;
        },
        async willSendResponse({ response, errors }) {
          metrics.latency.observe({ operation: label }, (performance.now() - t0) / 1000);
          const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
          metrics.requests.inc({ operation: label, outcome: failed ? 'error' : 'ok' });
        },
      };
    },
  };

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: limits.introspection,
    // main.ts owns SIGTERM/SIGINT and shuts down in order; Apollo's own handlers would race it
    // (stop twice, then re-raise the signal) and leave the shutdown hanging.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: limits.devErrors,
    parseOptions: { maxTokens: MAX_TOKENS },
    plugins: [
      // We send no cache hints; Apollo's default cache-control plugin would still wrap every field's
      // resolver to compute them (a hook call per field of every answer).
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
      limitsPlugin,
      legacyJsonStatusPlugin(),
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              await wsServer.dispose();
            },
          };
        },
      },
    ],
    formatError: mask,
  });
  await apollo.start();
  // Compiles the parser and the limit checks before the first request (see warmQueryChecks): a
  // hostile first request is then refused at warm speed instead of stalling /healthz.
  const warmStart = performance.now();
  warmQueryChecks(schema, limits);
  logger.debug({ ms: Math.round(performance.now() - warmStart) }, 'query checks warmed');

  app.use(
    helmet({
      // The API answers JSON: nothing in it may run or be framed. The pages send their own policy.
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      frameguard: { action: 'deny' },
      // Served over plain HTTP locally; HSTS belongs to the TLS-terminating proxy in front.
      strictTransportSecurity: false,
    }),
  );
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = opts.ready ? await opts.ready().catch(() => false) : await services.graph.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });

  /** Credentials -> res.locals.principal; a wrong key or token is refused here with 401. */
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const result = await auth.authenticate(req.headers.authorization);
    if (!result.ok) {
      metrics.refusals.inc({ reason: 'unauthenticated' });
      res.set('WWW-Authenticate', 'Bearer');
      return void jsonError(res, 401, 'UNAUTHENTICATED', result.reason);
    }
    res.locals.principal = result.principal;
    next();
  };
  const rateLimit = async (req: Request, res: Response, next: NextFunction) => {
    try {
      await rate.consume(res.locals.principal ?? null, req.socket.remoteAddress);
      next();
    } catch (err) {
      if (!(err instanceof RateLimited)) return next(err);
      refused(err);
      res.set('Retry-After', String(err.retryAfterSeconds));
      jsonError(res, 429, 'RATE_LIMITED', err.message, { retryAfterSeconds: err.retryAfterSeconds });
    }
  };

  /**
   * Depth and aliases, checked before Apollo validates: graphql-js's validation makes dozens of
   * passes over the document, which for 500 aliases costs far more than this one structural check.
   * A refusal thrown inside Apollo's pipeline would be masked as an internal error, so it is answered here.
   */
  /** The shape verdict per query text: the same query sent again is not parsed and walked again. */
  const shapes = new LRUCache<string, { refusal: QueryTooComplex | null }>({
    max: 2000,
    maxSize: 32 * 1024 * 1024,
    sizeCalculation: (_v, query) => Math.max(1, query.length),
  });
  const refuseShape = (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : undefined;
    if (query === undefined) return next();
    let verdict = shapes.get(query);
    if (!verdict) {
      let document;
      try {
        // Counting needs no locations: a third fewer objects for a large document to allocate and collect.
        document = parse(query, { maxTokens: MAX_TOKENS, noLocation: true });
      } catch {
        return next(); // Apollo answers syntax errors in the usual shape
      }
      verdict = { refusal: checkQueryShape(schema, document, limits) };
      shapes.set(query, verdict);
    }
    const { refusal } = verdict;
    if (!refusal) return next();
    refused(refusal);
    const { http: _http, ...extensions } = refusal.extensions as Record<string, unknown>;
    jsonError(res, 400, 'QUERY_TOO_COMPLEX', refusal.message, extensions);
  };

  app.get('/metrics', authenticate, async (_req, res) => {
    const p = res.locals.principal as Principal | null;
    if (!p) return void jsonError(res, 401, 'UNAUTHENTICATED', '/metrics needs an admin key');
    if (!hasRole(p, 'admin')) return void jsonError(res, 403, 'FORBIDDEN', '/metrics needs the admin role');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  mountWeb(app, { graphqlPath: GRAPHQL_PATH, playground: limits.playground, demoKey: auth.demoKey });
  app.use(
    GRAPHQL_PATH,
    authenticate,
    rateLimit,
    express.json({ limit: MAX_BODY }),
    refuseShape,
    expressMiddleware(apollo, {
      context: async ({ res }) =>
        buildContext(services, (res.locals.principal as Principal | null) ?? null, { deadlineMs: limits.requestTimeoutMs }),
    }),
  );

  // Body-parser failures and anything else that escapes: JSON, never Express's HTML page with a stack.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.too.large') {
      metrics.refusals.inc({ reason: 'body' });
      return void jsonError(res, 413, 'BAD_REQUEST', `request body larger than ${MAX_BODY}`);
    }
    if (e.type === 'entity.parse.failed') return void jsonError(res, 400, 'BAD_REQUEST', 'request body is not valid JSON');
    if (typeof e.status === 'number' && e.status >= 400 && e.status < 500) return void jsonError(res, e.status, 'BAD_REQUEST', 'bad request');
    logger.error({ err }, 'request failed');
    jsonError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error');
  });

  await new Promise<void>((res, rej) => {
    http.once('error', rej);
    http.listen(opts.port ?? 4000, opts.host ?? '0.0.0.0', () => res());
  });
  const { port } = http.address() as AddressInfo;
  const shown = opts.host && opts.host !== '0.0.0.0' ? opts.host : 'localhost';
  return {
    url: `http://${shown}:${port}${GRAPHQL_PATH}`,
    wsUrl: `ws://${shown}:${port}${GRAPHQL_PATH}`,
    port,
    demoKey: auth.demoKey,
    close: async () => {
      await apollo.stop();
      wss.close();
      metrics.stop();
      await rate.close();
    },
  };
}

