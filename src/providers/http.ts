/**
 * The shared HTTP transport both provider clients sit on (undici).
 *
 * One keep-alive `Pool` per base URL; every attempt goes through the lane's limiter; retries with
 * exponential backoff and full jitter on 5xx / network errors / timeouts; 429s wait for
 * `Retry-After` or X's `x-rate-limit-reset`; an exhausted `x-rate-limit-remaining` holds back the
 * next request to the same endpoint family until the window resets.
 *
 * Which responses are errors is the provider's business: each call passes a `classify` function
 * (see tiklive/errors.ts, x/errors.ts) and the transport only acts on the resulting
 * `ProviderError.code` / `retryable`. Every response, good or bad, is first handed to `onResponse`
 * as received, so the ingest layer can stage the raw body before anything interprets it.
 */
import { Pool } from 'undici';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { resolveClock, type Clock } from './clock';
import { ProviderError, type ProviderName } from './errors';
import { StatusTracker, type ProviderClientStatus } from './status';
import type { BudgetStatus } from './budget';

/** One HTTP exchange exactly as received, minus anything secret. */
export interface RawExchange {
  provider: ProviderName;
  /** The logical endpoint, e.g. "/user-posts/" or "/2/users/:id/tweets". */
  endpoint: string;
  method: 'GET';
  /** Path and query as sent (base path included), with credential parameters removed. */
  url: string;
  status: number;
  /** An allow-listed subset (content type, date, rate-limit headers, request ids). */
  headers: Record<string, string>;
  /** The body text, unparsed. */
  body: string;
  /** When the request was sent (ISO, from the transport's clock). */
  requestedAt: string;
  durationMs: number;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt: number;
}

export type OnResponse = (raw: RawExchange) => void | Promise<void>;

/** What a classifier sees: the whole response with lower-cased header names. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Returns the error this response means, or undefined when it is a success. */
export type Classifier = (res: HttpResponse) => ProviderError | undefined;

export interface TransportRequest {
  /** Logical endpoint name for errors, logs and staging. */
  endpoint: string;
  /** Rate-limit bucket (X limits per endpoint template). Default: `endpoint`. */
  family?: string;
  /** Path relative to the base URL, e.g. "/user-posts/". */
  path: string;
  query?: Record<string, string | number | undefined>;
  classify: Classifier;
}

/** Anything that can pace attempts; see limiter.ts. */
export interface Scheduler {
  schedule<T>(fn: () => Promise<T>): Promise<T>;
}

export interface RetryOptions {
  /** Total tries including the first. Default 4. */
  attempts?: number;
  /** Backoff base in ms: attempt n waits random() * min(capMs, baseMs * 2^(n-1)). Default 250. */
  baseMs?: number;
  /** Backoff ceiling in ms. Default 8000. */
  capMs?: number;
}

export interface HttpTransportOptions {
  provider: ProviderName;
  /** Origin plus optional base path, e.g. "https://api.x.com" or "http://127.0.0.1:9000/tiklive". */
  baseUrl: string;
  /** Sent with every request (auth). Never reported or logged. */
  headers?: Record<string, string>;
  /** Whole-request deadline (headers and body) per attempt. Default 15000 ms. */
  timeoutMs?: number;
  retry?: RetryOptions;
  /**
   * Longest single wait the transport accepts for a rate-limit window or Retry-After; beyond it the
   * call fails with RATE_LIMITED (carrying retryAfterMs) instead of sleeping. Default 16 minutes
   * (X windows are 15).
   */
  maxWaitMs?: number;
  /** Keep-alive connections in the pool. Default 8. */
  connections?: number;
  /** Idle keep-alive socket lifetime. Default 30000 ms. */
  keepAliveTimeoutMs?: number;
  /** Paces every attempt (the lane's own limiter). Default: none. */
  limiter?: Scheduler;
  onResponse?: OnResponse;
  /** Query parameters stripped from reported URLs. Default: key, api_key, apikey, token, access_token. */
  secretQueryParams?: string[];
  clock?: Partial<Clock>;
  logger?: Logger;
}

/** What a provider client passes through to its transport unchanged, as its own options give it. */
export type ClientTransportOptions = Pick<
  HttpTransportOptions,
  'timeoutMs' | 'retry' | 'maxWaitMs' | 'connections' | 'limiter' | 'onResponse' | 'clock' | 'logger'
>;

/** A client's transport: its provider, base URL and auth headers, the rest from the client's options. */
export function clientTransport(
  own: Pick<HttpTransportOptions, 'provider' | 'baseUrl' | 'headers'>,
  opts: ClientTransportOptions,
): HttpTransport {
  const { timeoutMs, retry, maxWaitMs, connections, limiter, onResponse, clock, logger } = opts;
  return new HttpTransport({ ...own, timeoutMs, retry, maxWaitMs, connections, limiter, onResponse, clock, logger });
}

const REPORTED_HEADERS = new Set([
  'content-type',
  'content-length',
  'date',
  'retry-after',
  'x-rate-limit-limit',
  'x-rate-limit-remaining',
  'x-rate-limit-reset',
  'x-request-id',
  'x-transaction-id',
  'x-response-time',
  'x-access-level',
  'etag',
  'last-modified',
  'cache-control',
]);

const DEFAULT_SECRET_PARAMS = ['key', 'api_key', 'apikey', 'token', 'access_token'];

/** Parses Retry-After (delta seconds or HTTP date) into a wait in ms; undefined when absent or bad. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const at = Date.parse(v);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/** Builds "path?query" with commas kept literal (X's comma-separated lists read better in logs). */
export function buildPathAndQuery(
  basePath: string,
  path: string,
  query: Record<string, string | number | undefined> | undefined,
  omit: ReadonlySet<string> = new Set(),
): string {
  const prefix = basePath.replace(/\/+$/, '');
  const p = prefix + (path.startsWith('/') ? path : `/${path}`);
  const parts: string[] = [];
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || omit.has(k.toLowerCase())) continue;
    parts.push(`${encodeURIComponent(k)}=${encodeURIComponent(String(v)).replace(/%2C/gi, ',')}`);
  }
  return parts.length ? `${p}?${parts.join('&')}` : p;
}

export class HttpTransport {
  readonly provider: ProviderName;
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly clock: Clock;
  private readonly log: Logger;
  private readonly timeoutMs: number;
  private readonly attempts: number;
  private readonly baseMs: number;
  private readonly capMs: number;
  private readonly maxWaitMs: number;
  private readonly secretParams: ReadonlySet<string>;
  private readonly tracker: StatusTracker;
  /** Endpoint family -> epoch ms before which no request may be sent. */
  private readonly blockedUntil = new Map<string, number>();
  private closed = false;

  constructor(private readonly opts: HttpTransportOptions) {
    this.provider = opts.provider;
    const base = new URL(opts.baseUrl);
    this.basePath = base.pathname === '/' ? '' : base.pathname;
    this.timeoutMs = opts.timeoutMs ?? 15_000;
    this.pool = new Pool(base.origin, {
      connections: opts.connections ?? 8,
      keepAliveTimeout: opts.keepAliveTimeoutMs ?? 30_000,
      headersTimeout: this.timeoutMs,
      bodyTimeout: this.timeoutMs,
    });
    this.clock = resolveClock(opts.clock);
    this.log = (opts.logger ?? silentLogger).child({ provider: opts.provider });
    this.attempts = Math.max(1, opts.retry?.attempts ?? 4);
    this.baseMs = opts.retry?.baseMs ?? 250;
    this.capMs = opts.retry?.capMs ?? 8_000;
    this.maxWaitMs = opts.maxWaitMs ?? 16 * 60_000;
    this.secretParams = new Set((opts.secretQueryParams ?? DEFAULT_SECRET_PARAMS).map((s) => s.toLowerCase()));
    this.tracker = new StatusTracker(opts.provider, this.clock);
  }

  /** Sends a GET, retrying as configured; resolves with the successful response or throws ProviderError. */
  async get(req: TransportRequest): Promise<HttpResponse> {
    if (this.closed) {
      throw new ProviderError('TRANSIENT', 'transport is closed', {
        provider: this.provider,
        endpoint: req.endpoint,
        retryable: false,
      });
    }
    const family = req.family ?? req.endpoint;
    const sentPath = buildPathAndQuery(this.basePath, req.path, req.query);
    const reportedPath = buildPathAndQuery(this.basePath, req.path, req.query, this.secretParams);

    for (let attempt = 1; ; attempt++) {
      await this.waitForFamily(family, req.endpoint);

      let err: ProviderError | undefined;
      let res: HttpResponse | undefined;
      const requestedAt = this.clock.now();
      const t0 = performance.now();
      try {
        res = await this.schedule(() => this.send(sentPath));
      } catch (e) {
        err = this.networkError(e, req.endpoint);
      }
      const durationMs = Math.round((performance.now() - t0) * 10) / 10;
      this.tracker.recordRequest(res?.status);

      if (res) {
        // Staged before interpretation: a body we cannot parse must still be kept as received.
        await this.report(req.endpoint, reportedPath, res, requestedAt, durationMs, attempt);
        this.noteRateLimitHeaders(family, res.headers);
        err = req.classify(res);
        if (err?.code === 'RATE_LIMITED' && err.retryAfterMs === undefined) {
          err.retryAfterMs = this.rateLimitWait(res.headers);
        }
        if (err?.code === 'RATE_LIMITED' && err.retryAfterMs !== undefined) {
          this.block(family, this.clock.now() + err.retryAfterMs);
        }
        this.log.debug({ endpoint: req.endpoint, url: reportedPath, status: res.status, durationMs, attempt }, 'provider response');
      }

      if (!err) {
        this.tracker.recordSuccess();
        return res!;
      }
      if (!err.retryable || attempt >= this.attempts) {
        this.tracker.recordError(err);
        throw err;
      }
      const wait = err.retryAfterMs ?? this.backoff(attempt);
      if (wait > this.maxWaitMs) {
        this.tracker.recordError(err);
        throw err;
      }
      this.log.warn(
        { endpoint: req.endpoint, code: err.code, status: err.status, attempt, waitMs: Math.round(wait) },
        'provider request failed; retrying',
      );
      await this.tracker.backOff(wait, this.clock.sleep);
    }
  }

  /** Health of this lane's transport, for Query.ingestion. */
  status(extra: { configured: boolean; budget?: BudgetStatus }): ProviderClientStatus {
    return this.tracker.snapshot({ ...extra, rateLimitResetAt: this.latestBlock() });
  }

  /** Records an error raised before any request (missing key, budget exhausted) in the status. */
  noteError(err: ProviderError): void {
    this.tracker.recordError(err);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.close();
  }

  private schedule<T>(fn: () => Promise<T>): Promise<T> {
    return this.opts.limiter ? this.opts.limiter.schedule(fn) : fn();
  }

  private async send(pathAndQuery: string): Promise<HttpResponse> {
    const ac = new AbortController();
    const timer = setTimeout(() => ac.abort(new Error(`timed out after ${this.timeoutMs} ms`)), this.timeoutMs);
    try {
      const r = await this.pool.request({
        method: 'GET',
        path: pathAndQuery,
        headers: { accept: 'application/json', ...this.opts.headers },
        signal: ac.signal,
      });
      const body = await r.body.text();
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(r.headers)) {
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
      }
      return { status: r.statusCode, headers, body };
    } finally {
      clearTimeout(timer);
    }
  }

  private networkError(e: unknown, endpoint: string): ProviderError {
    const msg = e instanceof Error ? e.message : String(e);
    const code = (e as { code?: string } | null)?.code;
    return new ProviderError('TRANSIENT', `network error: ${code ? `${code} ` : ''}${msg}`, {
      provider: this.provider,
      endpoint,
      retryable: true,
      cause: e,
    });
  }

  private async report(
    endpoint: string,
    url: string,
    res: HttpResponse,
    requestedAt: number,
    durationMs: number,
    attempt: number,
  ): Promise<void> {
    if (!this.opts.onResponse) return;
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(res.headers)) if (REPORTED_HEADERS.has(k)) headers[k] = v;
    await this.opts.onResponse({
      provider: this.provider,
      endpoint,
      method: 'GET',
      url,
      status: res.status,
      headers,
      body: res.body,
      requestedAt: new Date(requestedAt).toISOString(),
      durationMs,
      attempt,
    });
  }

  /** X: remaining 0 closes the family until reset; any later response with remaining > 0 reopens it. */
  private noteRateLimitHeaders(family: string, headers: Record<string, string>): void {
    const remaining = headers['x-rate-limit-remaining'];
    const reset = Number(headers['x-rate-limit-reset']);
    if (remaining === undefined) return;
    if (Number(remaining) <= 0 && Number.isFinite(reset)) this.block(family, reset * 1000);
    else if (Number(remaining) > 0) this.blockedUntil.delete(family);
  }

  /** 429 wait: Retry-After first, then X's reset (floor 1 s); undefined means "use backoff". */
  private rateLimitWait(headers: Record<string, string>): number | undefined {
    const now = this.clock.now();
    const ra = parseRetryAfter(headers['retry-after'], now);
    if (ra !== undefined) return ra;
    const reset = Number(headers['x-rate-limit-reset']);
    if (headers['x-rate-limit-reset'] !== undefined && Number.isFinite(reset)) return Math.max(reset * 1000 - now, 1000);
    return undefined;
  }

  private block(family: string, until: number): void {
    this.blockedUntil.set(family, Math.max(until, this.blockedUntil.get(family) ?? 0));
  }

  private latestBlock(): number | undefined {
    let latest: number | undefined;
    for (const until of this.blockedUntil.values()) if (latest === undefined || until > latest) latest = until;
    return latest;
  }

  private async waitForFamily(family: string, endpoint: string): Promise<void> {
    const until = this.blockedUntil.get(family);
    if (until === undefined) return;
    const wait = until - this.clock.now();
    if (wait <= 0) return;
    if (wait > this.maxWaitMs) {
      const err = new ProviderError('RATE_LIMITED', `rate-limit window for ${family} closed for ${Math.ceil(wait / 1000)} s`, {
        provider: this.provider,
        endpoint,
        retryAfterMs: wait,
      });
      this.tracker.recordError(err);
      throw err;
    }
    this.log.info({ family, waitMs: wait }, 'rate-limit window exhausted; waiting for reset');
    await this.tracker.backOff(wait, this.clock.sleep);
  }

  private backoff(attempt: number): number {
    return this.clock.random() * Math.min(this.capMs, this.baseMs * 2 ** (attempt - 1));
  }
}
