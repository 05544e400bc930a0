/**
 * Starts the real service (same wiring as `npm start`) on an ephemeral port against this Jest
 * worker's Neo4j, emptied first, so the sample fixture loads as on a fresh clone.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type App } from '../../src/app';
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

/**
 * Starts the real service over the simulated world (the simulators behind the real clients and
 * lanes), not seeded, staging raw responses in a throwaway folder; `close` stops it and removes
 * the folder. The whole App, for tests that reach into ingestion.
 */
export async function startSimulatedApp(env: Record<string, string> = {}): Promise<App> {
  const cleaner = await freshGraph();
  await cleaner.close();
  const staging = mkdtempSync(join(tmpdir(), 'cg-sim-app-'));
  const config = loadConfig({
    NEO4J_URI: workerNeo4jUri(),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    SIMULATE: 'true',
    SEED_ON_START: 'false',
    STAGING_DIR: staging,
    ...env,
  });
  const app = await startApp(config, silentLogger).catch((err: unknown) => {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  });
  return {
    ...app,
    close: async () => {
      await app.close();
      rmSync(staging, { recursive: true, force: true });
    },
  };
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
