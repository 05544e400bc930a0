/**
 * whileGraphDown: runs work again while Neo4j is unavailable, passes every other error through at
 * once, and gives up after its budget. (Against a real restarted server: test/faults/neo4j-restart.test.ts.)
 */
import { Neo4jError } from 'neo4j-driver';
import { isGraphUnavailable, whileGraphDown } from '../../src/neo4j/unavailable';

const unavailable = () => new Neo4jError('Could not perform discovery', 'ServiceUnavailable', '08000', 'connection exception');
const expired = () => new Neo4jError('connection lost', 'SessionExpired', '08000', 'connection exception');
const syntax = () => new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax error');

describe('isGraphUnavailable', () => {
  it('tells an unreachable server from a bad query', () => {
    expect(isGraphUnavailable(unavailable())).toBe(true);
    expect(isGraphUnavailable(expired())).toBe(true);
    expect(isGraphUnavailable(Object.assign(new Error('acquisition'), { code: 'ServiceUnavailable' }))).toBe(true);
    expect(isGraphUnavailable(syntax())).toBe(false);
    expect(isGraphUnavailable(new Error('boom'))).toBe(false);
  });
});

describe('whileGraphDown', () => {
  const waits: number[] = [];
  const sleep = async (ms: number) => void waits.push(ms);
  beforeEach(() => (waits.length = 0));

  it('runs the work again until the graph answers, backing off', async () => {
    let calls = 0;
    const retried: number[] = [];
    const out = await whileGraphDown(
      async () => {
        calls++;
        if (calls < 4) throw calls % 2 ? unavailable() : expired();
        return 'written';
      },
      { sleep, baseMs: 100, capMs: 300, onRetry: (_e, n) => retried.push(n) },
    );
    expect(out).toBe('written');
    expect(calls).toBe(4);
    expect(retried).toEqual([1, 2, 3]);
    expect(waits).toEqual([100, 200, 300]);
  });

  it('passes other errors through at once', async () => {
    let calls = 0;
    await expect(
      whileGraphDown(async () => {
        calls++;
        throw syntax();
      }, { sleep }),
    ).rejects.toMatchObject({ code: 'Neo.ClientError.Statement.SyntaxError' });
    expect(calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('gives up with the last error once the budget is spent', async () => {
    let calls = 0;
    await expect(
      whileGraphDown(async () => {
        calls++;
        throw unavailable();
      }, { sleep, budgetMs: 0 }),
    ).rejects.toMatchObject({ code: 'ServiceUnavailable' });
    expect(calls).toBe(1);
  });
});
