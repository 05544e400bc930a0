/**
 * Tiny per-test HTTP servers on 127.0.0.1 that answer exactly the provider wire format a case
 * needs, plus a fake clock whose sleep advances time instantly. The HTTP boundary is real: the
 * clients under test speak undici to these sockets.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
}

export type Reply =
  | { status?: number; headers?: Record<string, string | undefined>; body?: string | object }
  /** Never answer (timeouts, stuck lanes). */
  | 'hang'
  /** Drop the socket without a response (network error). */
  | 'destroy';

export interface TestServer {
  url: string;
  requests: Recorded[];
  /** TCP connections accepted so far (keep-alive checks). */
  connections(): number;
  close(): Promise<void>;
}

export async function startServer(handler: (req: Recorded, n: number) => Reply | Promise<Reply>): Promise<TestServer> {
  const requests: Recorded[] = [];
  const sockets = new Set<Socket>();
  let connections = 0;
  const server: Server = createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://127.0.0.1');
    const rec: Recorded = { method: req.method ?? 'GET', path: u.pathname, query: u.searchParams, headers: req.headers };
    requests.push(rec);
    Promise.resolve(handler(rec, requests.length)).then(
      (reply) => {
        if (reply === 'hang') return;
        if (reply === 'destroy') {
          req.socket.destroy();
          return;
        }
        const body = reply.body === undefined ? '' : typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
        const headers: Record<string, string> = { 'content-type': 'application/json' };
        for (const [k, v] of Object.entries(reply.headers ?? {})) if (v !== undefined) headers[k] = v;
        res.writeHead(reply.status ?? 200, headers);
        res.end(body);
      },
      (e) => {
        res.writeHead(500);
        res.end(String(e));
      },
    );
  });
  server.on('connection', (s) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface FakeClock {
  now(): number;
  sleep(ms: number): Promise<void>;
  random(): number;
  /** Every sleep requested, in order. */
  sleeps: number[];
  advance(ms: number): void;
}

/** Starts mid-month so month boundaries are only crossed on purpose. */
export function fakeClock(start = Date.parse('2026-07-15T12:00:00.000Z'), random = 0.5): FakeClock {
  let t = start;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += Math.max(0, ms);
    },
    random: () => random,
    sleeps,
    advance: (ms) => {
      t += ms;
    },
  };
}
