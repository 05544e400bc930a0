/**
 * One server of the API benchmark, in its own process so its CPU time is its own:
 * `node dist/bench/api/serve.js <ours|floor|peer> <bolt-uri>` (forked by bench/api.ts with an IPC
 * channel). It prints nothing; it sends `{ port }` once listening, answers `{ cpu: true }` with
 * `{ cpu: process.cpuUsage() }`, and exits on `{ stop: true }` (a --cpu-prof profile is written then).
 *
 * - ours: the real server (startApi with the schema, limits, auth and rate limit `npm start` runs),
 *   configured for production as the Dockerfile runs it.
 * - floor: the same data by hand-written Cypher through neo4j-driver, one statement per request,
 *   behind a bare node:http endpoint.
 * - peer: @neo4j/graphql 7 over the same graph, served by Apollo Server on express like ours.
 */
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPubSubHandle } from '../../src/api/pubsub';
import { buildApiSchema } from '../../src/api/schema';
import { startApi } from '../../src/api/server';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { nullBus } from '../../src/matching/events';
import { createDriver } from '../../src/neo4j/driver';
import { GraphClient } from '../../src/neo4j/graph-client';
import { BENCH_KEY, floorAnswer, PEER_TYPEDEFS, type FloorRequest } from './queries';

type Kind = 'ours' | 'floor' | 'peer';

interface Running {
  port: number;
  /** Cypher statements sent so far (ours only: the others send one per request by construction). */
  roundTrips?: () => number;
  close(): Promise<void>;
}

async function startOurs(uri: string): Promise<Running> {
  const config = loadConfig({
    // As the Dockerfile deploys it (bench/api.ts forks every server with NODE_ENV=production).
    NODE_ENV: 'production',
    NEO4J_URI: uri,
    API_KEYS: `viewer:bench:${BENCH_KEY}`,
    // The bench sends far more than a caller's budget; the limiter still runs on every request.
    RATE_LIMIT_PER_MINUTE: '100000000',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  // The logger `npm start` builds (info level); stdout is discarded by the parent.
  const logger = createLogger(config.logLevel);
  const graph = new GraphClient(createDriver({ uri }));
  const api = await startApi(await buildApiSchema(createPubSubHandle().pubSub), { config, graph, bus: nullBus, logger }, { port: 0, host: '127.0.0.1' });
  return {
    port: api.port,
    roundTrips: () => graph.roundTrips,
    close: async () => {
      await api.close();
      await graph.close();
    },
  };
}

async function startFloor(uri: string): Promise<Running> {
  const graph = new GraphClient(createDriver({ uri }));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: FloorRequest;
      try {
        body = JSON.parse(Buffer.concat(chunks).toString()) as FloorRequest;
      } catch {
        res.writeHead(400).end();
        return;
      }
      floorAnswer(graph.driver, body).then(
        (data) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data }));
        },
        (err: unknown) => {
          res.writeHead(500, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: String(err) }));
        },
      );
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await new Promise<void>((r) => server.close(() => r()));
      await graph.close();
    },
  };
}

async function startPeer(uri: string): Promise<Running> {
  const driver = createDriver({ uri });
  const schema = await new Neo4jGraphQL({ typeDefs: PEER_TYPEDEFS, driver }).getSchema();
  const apollo = new ApolloServer({ schema });
  await apollo.start();
  const app = express();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  const server = createServer(app);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    close: async () => {
      await apollo.stop();
      await new Promise<void>((r) => server.close(() => r()));
      await driver.close();
    },
  };
}

async function main(): Promise<void> {
  const [kind, uri] = process.argv.slice(2) as [Kind, string];
  const start = { ours: startOurs, floor: startFloor, peer: startPeer }[kind];
  if (!start || !uri || !process.send) throw new Error('usage (forked): serve.js <ours|floor|peer> <bolt-uri>');
  const running = await start(uri);
  process.on('message', (m: { cpu?: boolean; stop?: boolean }) => {
    if (m.cpu) process.send?.({ cpu: process.cpuUsage(), roundTrips: running.roundTrips?.() });
    if (m.stop) {
      void running.close().finally(() => process.exit(0));
    }
  });
  // The parent gone (crash or kill): stop too, so no server outlives the bench.
  process.on('disconnect', () => void running.close().finally(() => process.exit(0)));
  process.send({ port: running.port });
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
