/**
 * Every graphql-ws protocol failure path closes the socket with its own code (the "must
 * keep holding" list), seen from a raw socket speaking the protocol by hand: 4406 no
 * graphql-transport-ws subprotocol, 4400 a message that is not the protocol's, 4401 subscribe before the handshake,
 * 4403 a wrong key, 4408 no connection_init in time, 4409 a duplicate operation id, 4429 a second
 * connection_init. The server answers /healthz and an ordinary subscription afterwards.
 */
import WebSocket from 'ws';
import { startTestApp, TEST_KEYS, type TestApp } from '../../support/app';

jest.setTimeout(60_000);

const PROTOCOL = 'graphql-transport-ws';
const INIT = { type: 'connection_init', payload: { authorization: `Bearer ${TEST_KEYS.viewer}` } };
const SUBSCRIBE = (id: string) => ({ id, type: 'subscribe', payload: { query: 'subscription { matchChanged { kind } }' } });

interface Closed {
  code: number;
  reason: string;
  /** Milliseconds from open to close. */
  ms: number;
}

/**
 * Opens a socket, runs `script` (sends messages; `ack` resolves on connection_ack) and resolves
 * with how the server closed it. Rejects when nothing closes it within 15 s.
 */
function closeOf(
  url: string,
  script: (send: (m: unknown) => void, ack: Promise<void>) => Promise<void> | void,
  protocol: string | null = PROTOCOL,
): Promise<Closed> {
  return new Promise((resolve, reject) => {
    const ws = protocol === null ? new WebSocket(url) : new WebSocket(url, protocol);
    let opened = 0;
    let acked: () => void = () => undefined;
    const ack = new Promise<void>((r) => (acked = r));
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error('the server did not close the socket within 15 s'));
    }, 15_000);
    ws.on('open', () => {
      opened = Date.now();
      void Promise.resolve(script((m) => ws.send(typeof m === 'string' ? m : JSON.stringify(m)), ack)).catch(reject);
    });
    ws.on('message', (data) => {
      if ((JSON.parse(data.toString()) as { type?: string }).type === 'connection_ack') acked();
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ code, reason: reason.toString(), ms: Date.now() - opened });
    });
    ws.on('error', () => undefined);
  });
}

describe('graphql-ws close codes', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  });
  afterAll(() => app?.close());

  it('4406 without the graphql-transport-ws subprotocol; another subprotocol is not even agreed', async () => {
    expect(await closeOf(app.wsUrl, () => undefined, null)).toMatchObject({ code: 4406 });
    // The legacy subscriptions-transport-ws protocol: the server selects none, so the client drops the handshake.
    expect(await closeOf(app.wsUrl, () => undefined, 'graphql-ws')).toMatchObject({ code: 1006 });
  });

  it('4400 for a message that is not the protocol', async () => {
    expect(await closeOf(app.wsUrl, (send) => send('not json at all'))).toMatchObject({ code: 4400 });
    expect(await closeOf(app.wsUrl, (send) => send({ type: 'no_such_type' }))).toMatchObject({ code: 4400 });
  });

  it('4401 for a subscribe before the handshake', async () => {
    expect(await closeOf(app.wsUrl, (send) => send(SUBSCRIBE('1')))).toMatchObject({ code: 4401 });
  });

  it('4403 for a wrong key', async () => {
    expect(
      await closeOf(app.wsUrl, (send) => send({ type: 'connection_init', payload: { authorization: 'Bearer wrong-key-000000000000' } })),
    ).toMatchObject({ code: 4403 });
  });

  it('4408 when connection_init does not come in time', async () => {
    const closed = await closeOf(app.wsUrl, () => undefined);
    expect(closed).toMatchObject({ code: 4408 });
    // graphql-ws waits 3 s by default.
    expect(closed.ms).toBeGreaterThanOrEqual(2900);
  });

  it('4409 for a second operation under a running one\'s id', async () => {
    const closed = await closeOf(app.wsUrl, async (send, ack) => {
      send(INIT);
      await ack;
      send(SUBSCRIBE('same'));
      send(SUBSCRIBE('same'));
    });
    expect(closed).toMatchObject({ code: 4409 });
  });

  it('4429 for a second connection_init', async () => {
    expect(
      await closeOf(app.wsUrl, (send) => {
        send(INIT);
        send(INIT);
      }),
    ).toMatchObject({ code: 4429 });
  });

  it('keeps serving after all of them', async () => {
    expect((await fetch(app.url.replace(/\/graphql$/, '/healthz'))).status).toBe(200);
    // A well-behaved client is acknowledged, answered (ping/pong) and its subscription accepted.
    const ws = new WebSocket(app.wsUrl, PROTOCOL);
    const seen: string[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        ws.on('error', reject);
        ws.on('close', (code) => reject(new Error(`closed with ${code}`)));
        ws.on('open', () => ws.send(JSON.stringify(INIT)));
        ws.on('message', (data) => {
          const m = JSON.parse(data.toString()) as { type: string };
          seen.push(m.type);
          if (m.type === 'connection_ack') {
            ws.send(JSON.stringify(SUBSCRIBE('ok')));
            ws.send(JSON.stringify({ type: 'ping' }));
          }
          if (m.type === 'pong') resolve();
        });
      });
    } finally {
      ws.removeAllListeners('close');
      ws.close(1000);
    }
    expect(seen).toEqual(['connection_ack', 'pong']);
  });
});
