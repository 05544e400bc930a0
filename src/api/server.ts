/**
 * The HTTP server: GraphQL over HTTP (Apollo Server 5 on express) and GraphQL over WebSocket
 * (graphql-ws) on the same port and path, the web pages, and the health endpoints. `close()`
 * drains in-flight requests and ws operations before it resolves.
 */
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { mountWeb } from '../web/serve';
import { buildContext, type Context, type Services } from './context';

export const GRAPHQL_PATH = '/graphql';

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
  close(): Promise<void>;
}

function actorFrom(headers: IncomingHttpHeaders | Record<string, unknown> | undefined): string | undefined {
  const v = headers?.['x-user'];
  return typeof v === 'string' ? v : undefined;
}

export async function startApi(schema: GraphQLSchema, services: Services, opts: ApiOptions = {}): Promise<RunningApi> {
  const app = express();
  const http = createServer(app);
  const wss = new WebSocketServer({ server: http, path: GRAPHQL_PATH });
  const wsServer = useServer<Record<string, unknown>>(
    {
      schema,
      context: (ctx) => buildContext(services, actorFrom(ctx.connectionParams ?? ctx.extra.request.headers)),
      onError: (_ctx, _id, _payload, errors) => services.logger.warn({ errors }, 'ws operation failed'),
    },
    wss,
  );

  const apollo = new ApolloServer<Context>({
    schema,
    introspection: true,
    // main.ts owns SIGTERM/SIGINT and shuts down in order; Apollo's own handlers would race it
    // (stop twice, then re-raise the signal) and leave the shutdown hanging.
    stopOnTerminationSignals: false,
    // Stack traces name files and Cypher: useful in development, never shown in production.
    includeStacktraceInErrorResponses: services.config.env !== 'production',
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: http }),
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
    formatError: (formatted, err) => {
      const code = formatted.extensions?.code;
      if (code !== 'INTERNAL_SERVER_ERROR') return formatted;
      services.logger.error({ err }, 'resolver failed');
      return services.config.env === 'production' ? { ...formatted, message: 'Internal server error' } : formatted;
    },
  });
  await apollo.start();

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    const ok = opts.ready ? await opts.ready().catch(() => false) : await services.graph.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not ready' });
  });
  mountWeb(app, { graphqlPath: GRAPHQL_PATH });
  app.use(
    GRAPHQL_PATH,
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, {
      context: async ({ req }) => buildContext(services, actorFrom(req.headers)),
    }),
  );

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
    close: async () => {
      await apollo.stop();
      wss.close();
    },
  };
}
