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
import type { PubSub } from '../../src/api/pubsub';
import type { GraphClient } from '../../src/neo4j/graph-client';
import { freshGraph, workerNeo4jUri } from './graph';

/**
 * The keys every test app accepts (unless a test sets API_KEYS itself). `gql` sends the admin key
 * unless told otherwise; the reviewer key's name is what review decisions record as the actor.
 */
export const TEST_KEYS = {
  admin: 'test-admin-key-0123456789',
  reviewer: 'test-reviewer-key-0123456789',
  viewer: 'test-viewer-key-0123456789',
} as const;
export const TEST_REVIEWER_NAME = 'rita@agency.test';
export const TEST_API_KEYS = `admin:${TEST_KEYS.admin},reviewer:${TEST_REVIEWER_NAME}:${TEST_KEYS.reviewer},viewer:${TEST_KEYS.viewer}`;
/** Headers that authenticate as one of the test roles: `gql(url, q, v, as('viewer'))`. */
export const as = (role: keyof typeof TEST_KEYS): Record<string, string> => ({ authorization: `Bearer ${TEST_KEYS[role]}` });
/** graphql-ws connection parameters for one of the test roles (admin by default). */
export const wsAuth = (role: keyof typeof TEST_KEYS = 'admin') => ({ authorization: `Bearer ${TEST_KEYS[role]}` });

/**
 * Settings every test app gets unless the test overrides them: the test keys, and a rate limit
 * no test reaches by accident (tests of the limit set their own).
 */
const TEST_DEFAULTS = { API_KEYS: TEST_API_KEYS, RATE_LIMIT_PER_MINUTE: '1000000' };

export interface TestApp {
  url: string;
  wsUrl: string;
  graph: GraphClient;
  /** The key with admin rights: TEST_KEYS.admin, or the generated demo key when API_KEYS was set empty. */
  adminKey: string;
  /** The app's subscription pub/sub (tests publish canaries on it to know a subscription is live). */
  pubSub: PubSub;
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
    ...TEST_DEFAULTS,
    ...env,
  });
  const app = await startApp(config, silentLogger);
  return { url: app.api.url, wsUrl: app.api.wsUrl, graph: app.graph, adminKey: app.api.demoKey ?? TEST_KEYS.admin, pubSub: app.pubSub, close: app.close };
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
    ...TEST_DEFAULTS,
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

/**
 * POSTs a GraphQL operation and returns the parsed body ({ data, errors }). Sends the test admin
 * key unless `headers` carries an Authorization of its own (an empty one sends none).
 */
export async function gql<T = any>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<{ data?: T; errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[] }> {
  const own = Object.keys(headers).some((h) => h.toLowerCase() === 'authorization');
  const auth = own ? {} : as('admin');
  const sent = Object.fromEntries(Object.entries({ ...auth, ...headers }).filter(([, v]) => v !== ''));
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...sent },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as { data?: T; errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[] };
}
