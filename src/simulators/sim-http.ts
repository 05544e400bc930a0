/**
 * What both provider simulators share: a node:http server on 127.0.0.1, request stats, injected
 * latency and failures, incident switches (setMode), and a clean close. Each simulator supplies
 * only a synchronous `handle(request) -> response` that speaks its provider's wire format.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { silentLogger, type Logger } from '../log';
import { Rng } from './random';
import type { World } from './world-model';

export interface SimulatorStats {
  /** Every request received, whatever its outcome. */
  requests: number;
  /** Billable successful calls (TikLive: 1 per success; X: posts and users read). */
  credits: number;
  /** Requests per endpoint label (e.g. "user-posts", "GET /2/users/:id/tweets"). */
  byEndpoint: Record<string, number>;
  status429: number;
  status5xx: number;
}

/** Incident switches, changeable at runtime through handle.setMode(). */
export interface SimulatorMode {
  /** Delay before every response, ms. */
  latencyMs?: number;
  /** Answer every request with this HTTP status (e.g. 503); null/undefined to stop. */
  failAll?: number | null;
  /** TikLive: answer with the bare out-of-balance message. */
  zeroBalance?: boolean;
  /** X: answer with the usage-capped 429. */
  usageCapped?: boolean;
}

export interface SimulatorHandle {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  close(): Promise<void>;
  stats: SimulatorStats;
  setMode(mode: SimulatorMode): void;
  readonly mode: Readonly<SimulatorMode>;
}

export interface CommonSimulatorOptions {
  /** Port to listen on, always on 127.0.0.1. Default 0 (ephemeral). */
  port?: number;
  /** Simulated "now" in epoch ms: later posts are invisible, deletions apply once due. Default () => world.now. */
  clock?: () => number;
  /** Real time for rate-limit windows. Default Date.now. */
  wallClock?: () => number;
  /** Delay before every response, ms. Default 0. */
  latencyMs?: number;
  /** Share of requests answered with a 5xx (502/503/500, seeded). Default 0. */
  failureRate?: number;
  /** Seed for injected failures. Default world.seed. */
  seed?: number;
  /** Default silentLogger. */
  logger?: Logger;
}

export interface SimRequest {
  method: string;
  /** Path without query string. */
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
}

export interface SimResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body: unknown;
  contentType?: string;
  /** Send only the first part of the JSON body (a transient malformed response). */
  truncate?: boolean;
  /** Counts towards stats.credits. */
  credits?: number;
}

export interface SimulatorCore {
  /** Endpoint label for stats, or undefined for an unknown path. */
  endpointOf(req: SimRequest): string | undefined;
  handle(req: SimRequest): SimResponse;
  /** The body for an injected failure with this status. */
  failure(status: number): SimResponse;
}

export function resolveClock(world: World, opts: CommonSimulatorOptions): () => number {
  return opts.clock ?? (() => world.now);
}

/** Starts the HTTP server around a simulator core. */
export async function serveSimulator(
  name: string,
  world: World,
  opts: CommonSimulatorOptions,
  makeCore: (mode: SimulatorMode) => SimulatorCore,
): Promise<SimulatorHandle> {
  const logger = opts.logger ?? silentLogger;
  const failureRate = opts.failureRate ?? 0;
  const failRng = Rng.derive(opts.seed ?? world.seed, `${name}-failures`);
  const mode: SimulatorMode = { latencyMs: opts.latencyMs ?? 0, failAll: null, zeroBalance: false, usageCapped: false };
  const core = makeCore(mode);
  const stats: SimulatorStats = { requests: 0, credits: 0, byEndpoint: {}, status429: 0, status5xx: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const sockets = new Set<Socket>();
  let closed = false;

  const respond = (req: SimRequest, res: ServerResponse) => {
    let out: SimResponse;
    try {
      if (mode.failAll) out = core.failure(mode.failAll);
      else if (failureRate > 0 && failRng.chance(failureRate)) out = core.failure(failRng.pick([500, 502, 503]));
      else out = core.handle(req);
    } catch (err) {
      logger.error({ err, path: req.path }, `${name} simulator handler failed`);
      out = core.failure(500);
    }
    if (out.status === 429) stats.status429++;
    if (out.status >= 500) stats.status5xx++;
    stats.credits += out.credits ?? 0;
    let text =
      typeof out.body === 'string' ? out.body : JSON.stringify(out.body);
    if (out.truncate) text = text.slice(0, Math.max(1, Math.floor(text.length * 0.6)));
    res.writeHead(out.status, {
      'content-type': out.contentType ?? 'application/json; charset=utf-8',
      'content-length': String(Buffer.byteLength(text)),
      ...out.headers,
    });
    res.end(text);
  };

  const server = createServer((req, res) => {
    stats.requests++;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const simReq: SimRequest = { method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers: req.headers };
    const label = core.endpointOf(simReq) ?? 'unknown';
    stats.byEndpoint[label] = (stats.byEndpoint[label] ?? 0) + 1;
    const delay = mode.latencyMs ?? 0;
    if (delay > 0) {
      const t = setTimeout(() => {
        timers.delete(t);
        if (!closed) respond(simReq, res);
      }, delay);
      timers.add(t);
    } else {
      respond(simReq, res);
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ port }, `${name} simulator listening`);

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    get mode() {
      return { ...mode };
    },
    setMode(m: SimulatorMode) {
      for (const k of Object.keys(m) as (keyof SimulatorMode)[]) {
        if (m[k] !== undefined) (mode as Record<string, unknown>)[k] = m[k];
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (closed) return resolve();
        closed = true;
        for (const t of timers) clearTimeout(t);
        timers.clear();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** A fixed-window request counter per key, in real time. */
export class WindowCounter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts one request; returns whether it fits, what is left, and when the window resets (ms). */
  take(key: string, limit: number): { allowed: boolean; remaining: number; resetAt: number } {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || t >= w.start + this.windowMs) {
      w = { start: t, count: 0 };
      this.windows.set(key, w);
    }
    const allowed = w.count < limit;
    if (allowed) w.count++;
    return { allowed, remaining: Math.max(0, limit - w.count), resetAt: w.start + this.windowMs };
  }
}
