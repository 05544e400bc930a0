/**
 * The driver's writes of one request leave in one socket write (src/neo4j/coalesced-writes.ts):
 * a RUN over the driver's 1,400-byte buffer used to cost a write syscall per 1,400 bytes. Counted
 * at the socket (net.Socket's one path to the kernel, for writes and writevs alike), against the
 * worker's real Neo4j, with the answer checked so the coalesced bytes are still a valid request.
 */
import type { Driver } from 'neo4j-driver';
import { Socket } from 'node:net';
import { createDriver } from '../../src/neo4j/driver';
import { workerNeo4jUri } from '../support/graph';

let driver: Driver;
beforeAll(() => {
  driver = createDriver({ uri: workerNeo4jUri() });
});
afterAll(() => driver?.close());

it('sends a 5 KB statement and its parameters in one socket write, and gets its answer', async () => {
  const port = Number(new URL(workerNeo4jUri()).port);
  await driver.executeQuery('RETURN 1'); // the connection is open and idle in the pool
  const padding = 'x'.repeat(4000);
  const text = `RETURN size($padding) AS n, ${JSON.stringify('y'.repeat(1000))} AS pad`;
  const spy = jest.spyOn(Socket.prototype as unknown as { _writeGeneric(...a: unknown[]): unknown }, '_writeGeneric');
  const session = driver.session({ defaultAccessMode: 'READ' });
  try {
    const result = await session.run(text, { padding });
    const toNeo4j = spy.mock.contexts.filter((s) => (s as Socket).remotePort === port).length;
    spy.mockRestore();
    expect(result.records[0].get('n')).toBe(4000);
    expect(result.records[0].get('pad')).toHaveLength(1000);
    expect(toNeo4j).toBe(1);
  } finally {
    spy.mockRestore();
    await session.close();
  }
});

it('still answers many requests interleaved on the pool', async () => {
  const sizes = Array.from({ length: 40 }, (_, i) => 100 * (i + 1));
  const answers = await Promise.all(sizes.map((n) => driver.executeQuery('RETURN size($s) AS n', { s: 'z'.repeat(n) })));
  expect(answers.map((a) => a.records[0].get('n'))).toEqual(sizes);
});
