/**
 * graphql-ws failure paths, each with what the client sees: a foreign Origin is refused at the
 * upgrade, a wrong key closes with 4403, a syntax error is an `error` message that leaves the
 * socket and its other subscriptions running, the per-connection cap answers an `error` too.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { gql, startTestApp, TEST_KEYS, wsAuth, as, type TestApp } from '../../support/app';

jest.setTimeout(120_000);

/** Opens a raw socket with an Origin header; resolves with the HTTP status of a refused upgrade, or 'open'. */
function upgrade(url: string, origin: string): Promise<number | 'open'> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, 'graphql-transport-ws', { origin });
    ws.on('open', () => {
      resolve('open');
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}

/** The first result or error of one operation. */
function once(client: Client, query: string): Promise<{ result?: any; error?: any }> {
  return new Promise((resolve) => {
    const stop = client.subscribe({ query }, {
      next: (result) => {
        resolve({ result });
        stop();
      },
      error: (error) => resolve({ error }),
      complete: () => undefined,
    });
  });
}

describe('graphql-ws hardening', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ ALLOWED_ORIGINS: 'https://desk.example.test', WS_MAX_SUBSCRIPTIONS: '2' });
  });
  afterAll(() => app?.close());

  it('lets the same origin and listed origins upgrade, refuses any other', async () => {
    const own = new URL(app.url).origin;
    expect(await upgrade(app.wsUrl, own)).toBe('open');
    expect(await upgrade(app.wsUrl, 'https://desk.example.test')).toBe('open');
    const foreign = await upgrade(app.wsUrl, 'https://evil.example');
    expect(foreign).toBeGreaterThanOrEqual(400);
    expect(foreign).toBeLessThan(500);
  });

  it('answers a syntax error as an error message and keeps the socket and its subscription', async () => {
    const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: wsAuth('viewer') });
    let closed: number | undefined;
    client.on('closed', (e) => (closed = (e as { code: number }).code));
    try {
      const events: any[] = [];
      let subscribed!: () => void;
      const ready = new Promise<void>((r) => (subscribed = r));
      const gotEvent = new Promise<void>((resolve) => {
        client.subscribe({ query: 'subscription { matchChanged { kind match { id } } }' }, {
          next: (v) => {
            events.push(v);
            resolve();
          },
          error: () => undefined,
          complete: () => undefined,
        });
      });
      client.on('connected', () => subscribed());
      await ready;

      const broken = await once(client, 'subscription { matchChanged { ');
      expect(Array.isArray(broken.error)).toBe(true);
      expect(broken.error[0].message).toMatch(/Syntax Error/);
      const invalid = await once(client, '{ noSuchField }');
      expect(invalid.error[0].message).toMatch(/noSuchField/);
      const deep = await once(client, `{ creators(first: 200) { nodes { ${'accounts { creator { '.repeat(15)}id${' } }'.repeat(15)} } } }`);
      expect(deep.error[0].extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', reason: 'depth' });

      // The first subscription still delivers: a decision on HTTP reaches it over the same socket.
      const queue = await gql(app.url, '{ reviewQueue(first: 1) { nodes { id } } }');
      const deadline = Date.now() + 10_000;
      // Poll until the subscription is registered on the server and the event arrives.
      await gql(app.url, 'mutation($id: ID!) { approveMatch(id: $id) { id } }', { id: queue.data.reviewQueue.nodes[0].id }, as('reviewer'));
      await Promise.race([gotEvent, new Promise((_, rej) => setTimeout(() => rej(new Error('no event within 10 s')), Math.max(0, deadline - Date.now())))]);
      expect(events[0].data.matchChanged.kind).toBe('APPROVED');
      expect(closed).toBeUndefined();
    } finally {
      await client.dispose();
    }
  });

  it('caps the operations running at once on one connection', async () => {
    const client = createClient({ url: app.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, connectionParams: { authorization: `Bearer ${TEST_KEYS.viewer}` } });
    try {
      const sub = () => client.subscribe({ query: 'subscription { matchChanged { kind } }' }, { next: () => undefined, error: () => undefined, complete: () => undefined });
      sub();
      sub();
      const third = await once(client, 'subscription { matchChanged { kind } }');
      expect(third.error[0].extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 2 });
    } finally {
      await client.dispose();
    }
  });
});
