/**
 * The HTTP server: GraphQL over HTTP (Apollo Server 5 on express) and GraphQL over WebSocket
 * (graphql-ws) on the same port and path, the web pages, the health endpoints and /metrics.
 * `close()` drains in-flight requests and ws operations before it resolves.
 *
 * Every request passes the same gates, in order: security headers; credentials (a wrong key is
 * refused at once, no key is an anonymous caller every root field refuses); the rate limit; body
 * size and JSON; then, before execution, the string-length, depth, alias and cost limits; while
 * running, the request's deadline. Errors leave through one mask (mask.ts).
 *
 * `POST /graphql`, the hot path, skips express: a lean node:http route (http/graphql-post.ts) runs
 * the same gates (http/gates.ts) and security headers (http/security-headers.ts) in the same order
 * and answers alike; everything else (pages, GET, /metrics, health) goes through express.
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
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { mountWeb } from '../web/serve';
import { createAuthenticator } from './auth/authenticate';
import { hasRole, type Principal } from './auth/roles';
import { buildContext, type Context, type Services } from './context';
import { ApiError } from './errors';
import { legacyJsonStatusPlugin } from './legacy-json-status';
import { createGates, MAX_BODY, MAX_TOKENS, refusalBody, type Refusal } from './http/gates';
import { graphqlPostRoute } from './http/graphql-post';
import { apiHelmet, recordHeaders } from './http/security-headers';
import { exemptMutations } from './limits/deadline';
import { checkQueryCost, checkQueryShape, QueryTooComplex, warmQueryChecks } from './limits/query-limits';
import { createRateLimiter, RateLimited } from './limits/rate-limit';
import { checkStringLengths } from './limits/strings';
import { maskError } from './mask';
import { createMetrics } from './metrics';
import { sharedKey, subscribeShared } from './subscription-fanout';

export const GRAPHQL_PATH = '/graphql';
export { MAX_TOKENS };

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

/** A gate's refusal through express (the lean route writes the same answer itself, graphql-post.ts). */
const refuse = (res: Response, r: Refusal) => {
  if (r.headers) res.set(r.headers);
  res.status(r.status).type('application/json').send(refusalBody(r));
};

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
  /** Set once Apollo has started: the lean route for POST /graphql; every other request goes to express. */
  let hotPath: ((req: IncomingMessage, res: ServerResponse) => boolean) | undefined;
  const http = createServer((req, res) => {
    if (hotPath?.(req, res)) return;
    app(req, res);
  });

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

  const securityHeaders = apiHelmet();
  app.use(securityHeaders);
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = opts.ready ? await opts.ready().catch(() => false) : await services.graph.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });

  const gates = createGates({ schema, limits, auth, rate, metrics, logger, refused });
  /** Credentials -> res.locals.principal; a wrong key or token is refused here with 401. */
  const authenticate = async (req: Request, res: Response, next: NextFunction) => {
    const who = await gates.credentials(req.headers.authorization);
    if ('refusal' in who) return void refuse(res, who.refusal);
    res.locals.principal = who.principal;
    next();
  };
  const rateLimit = async (req: Request, res: Response, next: NextFunction) => {
    let limited;
    try {
      limited = await gates.rate(res.locals.principal ?? null, req.socket.remoteAddress);
    } catch (err) {
      return next(err);
    }
    if (limited) return void refuse(res, limited);
    next();
  };
  const refuseShape = (req: Request, res: Response, next: NextFunction) => {
    const body = req.body as { query?: unknown } | undefined;
    const query = typeof body?.query === 'string' ? body.query : typeof req.query.query === 'string' ? req.query.query : undefined;
    const refusal = gates.shape(query);
    if (refusal) return void refuse(res, refusal);
    next();
  };
  const parseBody = express.json({ limit: MAX_BODY });
  const context = async (principal: Principal | null) => buildContext(services, principal, { deadlineMs: limits.requestTimeoutMs });

  app.get('/metrics', authenticate, async (_req, res) => {
    const p = res.locals.principal as Principal | null;
    if (!p) return void refuse(res, { status: 401, code: 'UNAUTHENTICATED', message: '/metrics needs an admin key' });
    if (!hasRole(p, 'admin')) return void refuse(res, { status: 403, code: 'FORBIDDEN', message: '/metrics needs the admin role' });
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });

  mountWeb(app, { graphqlPath: GRAPHQL_PATH, playground: limits.playground, demoKey: auth.demoKey });
  app.use(
    GRAPHQL_PATH,
    authenticate,
    rateLimit,
    parseBody,
    refuseShape,
    expressMiddleware(apollo, { context: async ({ res }) => context((res.locals.principal as Principal | null) ?? null) }),
  );
  hotPath = graphqlPostRoute({
    path: GRAPHQL_PATH,
    gates,
    parseBody,
    apollo,
    context,
    securityHeaders: recordHeaders(securityHeaders),
    etag: app.get('etag fn') as (body: Buffer) => string | undefined,
  });

  // Body-parser failures and anything else that escapes: JSON, never Express's HTML page with a stack.
  app.use((err: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(err);
    refuse(res, gates.failure(err));
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

