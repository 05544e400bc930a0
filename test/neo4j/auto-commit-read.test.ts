/**
 * Single-statement reads run as auto-commit transactions (src/neo4j/auto-commit-read.ts) and must
 * keep what managed transactions gave them: an error the driver classifies as retryable is retried,
 * anything else fails at once, and no retry starts past the caller's deadline. The retryable error
 * is a real one: the read goes through a TCP relay to the worker's Neo4j that drops connections
 * until told otherwise (the driver reports ServiceUnavailable).
 */
import { isRetryableError, type Driver } from 'neo4j-driver';
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { readAutoCommit, streamAutoCommit } from '../../src/neo4j/auto-commit-read';
import { createDriver } from '../../src/neo4j/driver';
import { workerNeo4jUri } from '../support/graph';

/** A relay to Neo4j that drops every connection while `dropping`. */
let dropping = true;
let relay: Server;
let driver: Driver;
const sockets = new Set<Socket>();

beforeAll(async () => {
  const target = new URL(workerNeo4jUri());
  relay = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    if (dropping) return void client.destroy();
    const upstream = connect(Number(target.port), target.hostname);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
  driver = createDriver({ uri: `bolt://127.0.0.1:${(relay.address() as AddressInfo).port}`, maxTransactionRetryMs: 10_000 });
});

afterAll(async () => {
  await driver?.close();
  for (const s of sockets) s.destroy();
  await new Promise((r) => relay?.close(r));
});

beforeEach(async () => {
  // Each test starts with no pooled connection, so its first read meets the relay as it is set.
  await driver.close();
  driver = createDriver({ uri: `bolt://127.0.0.1:${(relay.address() as AddressInfo).port}`, maxTransactionRetryMs: 10_000 });
});

it('retries a retryable error and answers once the cause is gone', async () => {
  dropping = true;
  const retries: unknown[] = [];
  const records = await readAutoCommit(driver, 'RETURN 41 + 1 AS n', {}, {
    // The first failure restores the connection (the event, not a sleep): the retry then succeeds.
    onRetry: (err) => {
      retries.push(err);
      dropping = false;
    },
  });
  expect(records[0].get('n')).toBe(42);
  expect(retries).toHaveLength(1);
  expect(isRetryableError(retries[0])).toBe(true);
});

it('fails at once on an error the driver does not call retryable', async () => {
  dropping = false;
  const retries: unknown[] = [];
  await expect(readAutoCommit(driver, 'RETURN 1 +', {}, { onRetry: (e) => retries.push(e) })).rejects.toMatchObject({
    code: expect.stringMatching(/SyntaxError/),
  });
  expect(retries).toEqual([]);
});

it('does not retry past the deadline', async () => {
  dropping = true;
  const retries: unknown[] = [];
  // The back-off's first wait (0.8 to 1.2 s) would end after this deadline: the failure is the answer.
  const err = await readAutoCommit(driver, 'RETURN 1', {}, { deadline: Date.now() + 500, onRetry: (e) => retries.push(e) }).catch((e: unknown) => e);
  expect(isRetryableError(err)).toBe(true);
  expect(retries).toEqual([]);
});

describe('streamAutoCommit', () => {
  it('hands over every row in order, and starts over (onRestart first) when a retryable error makes it retry', async () => {
    dropping = true;
    const events: string[] = [];
    let rows: number[] = [];
    await streamAutoCommit(driver, 'UNWIND range(1, 5000) AS n RETURN n', {}, (r) => rows.push(r.get('n') as number), {
      onRetry: () => {
        events.push('retry');
        dropping = false;
      },
      onRestart: () => {
        events.push('restart');
        rows = [];
      },
    });
    expect(events).toEqual(['retry', 'restart']);
    expect(rows).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it("fails with the caller's own error, not retried, and hands over no row after it", async () => {
    dropping = false;
    const retries: unknown[] = [];
    const seen: number[] = [];
    const boom = new Error('caller failed');
    const err = await streamAutoCommit(
      driver,
      'UNWIND range(1, 5000) AS n RETURN n',
      {},
      (r) => {
        seen.push(r.get('n') as number);
        if (seen.length === 10) throw boom;
      },
      { onRetry: (e) => retries.push(e) },
    ).catch((e: unknown) => e);
    expect(err).toBe(boom);
    expect(retries).toEqual([]);
    expect(seen).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
  });
});
