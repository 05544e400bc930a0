/**
 * Two API processes' worth of wiring against one graph and one Redis: a subscriber on one
 * instance sees a match approved through the other.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { startApp, type App } from '../../src/app';
import { loadConfig } from '../../src/config';
import { silentLogger } from '../../src/log';
import { gql, startTestApp, type TestApp } from '../support/app';
import { workerNeo4jUri } from '../support/graph';

const REDIS_URL = process.env.CG_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('matchChanged across API instances through Redis', () => {
  let a: TestApp;
  let b: App;
  beforeAll(async () => {
    a = await startTestApp({ REDIS_URL });
    b = await startApp(
      loadConfig({ NEO4J_URI: workerNeo4jUri(), PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', REDIS_URL }),
      silentLogger,
    );
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers an approval made on instance A to a subscriber on instance B', async () => {
    const queue = await gql(a.url, '{ reviewQueue(first: 1) { nodes { id } } }');
    const id = queue.data.reviewQueue.nodes[0].id;
    const client = createClient({
      url: b.api.wsUrl,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      // b runs without API_KEYS: it generated a demo admin key.
      connectionParams: { authorization: `Bearer ${b.api.demoKey}` },
    });
    try {
      const got = new Promise<any>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no event within 10 s')), 10000);
        client.subscribe(
          { query: 'subscription { matchChanged { kind match { id status } } }' },
          {
            next: (v: any) => {
              if (v.data?.matchChanged?.match?.id !== id) return;
              clearTimeout(timer);
              resolve(v.data.matchChanged);
            },
            error: reject,
            complete: () => undefined,
          },
        );
      });
      await new Promise((r) => setTimeout(r, 500));
      const res = await gql(a.url, 'mutation($id: ID!) { approveMatch(id: $id) { status } }', { id });
      expect(res.errors).toBeUndefined();
      expect(await got).toEqual({ kind: 'APPROVED', match: { id, status: 'MANUAL' } });
    } finally {
      await client.dispose();
    }
  });
});
