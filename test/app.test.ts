/**
 * The `npm start` path with NEO4J_URI unset: the app starts its own Neo4j, serves, and on close
 * drains the server and stops that Neo4j.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../src/app';
import { loadConfig } from '../src/config';
import { silentLogger } from '../src/log';
import { createDriver } from '../src/neo4j/driver';
import { gql } from './support/app';

describe('app lifecycle on the embedded default', () => {
  it('starts a local Neo4j, loads the sample, answers, and stops everything on close', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cg-app-'));
    try {
      const app = await startApp(
        loadConfig({ LOCAL_NEO4J_DIR: dir, LOCAL_NEO4J_PORT: '7790', LOCAL_NEO4J_HEAP: '512m', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', SIMULATE: 'false' }),
        silentLogger,
      );
      expect(app.local).toBeDefined();
      // No API_KEYS: the app generated a demo admin key, as `npm start` does.
      expect(app.api.demoKey).toMatch(/^demo-/);
      const res = await gql(app.api.url, '{ creators(first: 1) { totalCount } }', {}, { authorization: `Bearer ${app.api.demoKey}` });
      expect(res.data.creators.totalCount).toBeGreaterThan(0);
      const uri = app.local!.uri;
      await app.close();
      await expect(fetch(app.api.url.replace('/graphql', '/healthz'))).rejects.toThrow();
      const driver = createDriver({ uri });
      await expect(driver.verifyConnectivity()).rejects.toThrow();
      await driver.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    // A third JVM beside the workers' servers: slow on a loaded two-core machine.
  }, 180_000);
});
