import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDriver } from '../../src/neo4j/driver';
import { startLocalNeo4j } from '../../src/neo4j/local-server';
import { workerNeo4jUri } from '../support/graph';

describe('local Neo4j launcher', () => {
  it('starts beside a running instance on a free port when the preferred one is taken, and stops cleanly', async () => {
    const taken = Number(new URL(workerNeo4jUri()).port);
    const dir = mkdtempSync(join(tmpdir(), 'cg-side-by-side-'));
    const server = await startLocalNeo4j({ dir, port: taken, heap: '512m', pageCacheMb: 64 });
    try {
      expect(server.port).not.toBe(taken);
      const driver = createDriver({ uri: server.uri });
      const res = await driver.executeQuery('CALL dbms.components() YIELD versions, edition RETURN versions[0] AS v, edition');
      expect(res.records[0].get('v')).toMatch(/^5\.26\./);
      expect(res.records[0].get('edition')).toBe('community');
      await driver.close();
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    const after = createDriver({ uri: server.uri });
    await expect(after.verifyConnectivity()).rejects.toThrow();
    await after.close();
  });
});
