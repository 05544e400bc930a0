/**
 * Starts one local Neo4j per Jest worker, each in its own temporary store, so test files run in
 * parallel without sharing a database (Community has one user database per server). A test file
 * owns its worker's server while it runs and clears it first (see ./graph.ts). Set
 * CG_TEST_NEO4J_URIS (comma-separated bolt URIs, one per worker) to use servers you started.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalNeo4j, type LocalNeo4j } from '../../src/neo4j/local-server';

declare global {
  // eslint-disable-next-line no-var
  var __CG_NEO4J__: LocalNeo4j[] | undefined;
}

export default async function globalSetup(config: { maxWorkers: number }): Promise<void> {
  if (process.env.CG_TEST_NEO4J_URIS) return;
  const workers = Math.max(1, config.maxWorkers);
  const t0 = Date.now();
  const servers = await Promise.all(
    Array.from({ length: workers }, (_, i) =>
      startLocalNeo4j({
        dir: mkdtempSync(join(tmpdir(), `cg-test-neo4j-${i}-`)),
        port: 7700 + i,
        heap: '768m',
        pageCacheMb: 128,
      }),
    ),
  );
  globalThis.__CG_NEO4J__ = servers;
  process.env.CG_TEST_NEO4J_URIS = servers.map((s) => s.uri).join(',');
  process.stdout.write(
    `\n[test] ${servers.length} local Neo4j server(s) ready in ${Date.now() - t0} ms: ${process.env.CG_TEST_NEO4J_URIS}\n`,
  );
}
