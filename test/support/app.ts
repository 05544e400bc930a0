/**
 * Starts the real service (same wiring as `npm start`) on an ephemeral port against this Jest
 * worker's Neo4j, emptied first, so the sample fixture loads as on a fresh clone.
 */
import { startApp } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph, workerNeo4jUri } from './graph';

export interface TestApp {
  url: string;
  wsUrl: string;
  graph: GraphClient;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const cleaner = await freshGraph();
  await cleaner.close();
  const config = loadConfig({
    NEO4J_URI: workerNeo4jUri(),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    // The sample fixture, not the simulated world (tests that want the world set SIMULATE=true).
    SIMULATE: 'false',
    ...env,
  });
  const app = await startApp(config, silentLogger);
  return { url: app.api.url, wsUrl: app.api.wsUrl, graph: app.graph, close: app.close };
}

/** POSTs a GraphQL operation and returns the parsed body ({ data, errors }). */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string } }[] }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
}
