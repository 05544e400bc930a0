/**
 * Raw staging: every provider response kept as received, before anything interprets it, so the
 * graph can be rebuilt from staging alone (replay.ts) and a malformed body can be inspected after
 * the fact.
 *
 * Files: <dir>/<lane>/<YYYY-MM-DD>.jsonl.gz (UTC day of the request), one JSON line per exchange
 * with the request metadata (method, path, query without credentials, status, an allow-listed set
 * of headers, duration). `record` is synchronous and only buffers; buffered lines are appended as
 * one more gzip member per flush (a gzip file may hold many members; readers see one stream), so
 * a crash loses at most the last unflushed buffer and never corrupts what was written before.
 */
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { promisify } from 'node:util';
import { createGunzip, gzip as gzipCb } from 'node:zlib';
import { silentLogger, type Logger } from '../log';
import type { ProviderName } from '../providers/errors';
import type { OnResponse, RawExchange } from '../providers/http';

const gzip = promisify(gzipCb);

export type Lane = 'tiktok' | 'x';
export const LANES: readonly Lane[] = ['tiktok', 'x'];

export interface StagedExchange {
  lane: Lane;
  /** When the request was sent (ISO). */
  at: string;
  method: string;
  /** Path as sent, without the query string. */
  path: string;
  /** Query parameters as sent, credentials removed. */
  query: Record<string, string>;
  status: number;
  /** Allow-listed response headers (content type, date, rate-limit headers, request ids). */
  headers: Record<string, string>;
  /** The response body exactly as received. */
  body: string;
  /** Duration of the exchange in ms. */
  ms: number;
  /** The provider's logical endpoint, e.g. "/user-posts/" or "/2/users/:id/tweets". */
  endpoint?: string;
  provider?: ProviderName;
  /** 1 for the first try, 2 for the first retry, ... */
  attempt?: number;
}

export interface Staging {
  /** Buffers one exchange; written by the next flush (size- or timer-triggered, or explicit). */
  record(e: StagedExchange): void;
  /** The clients' raw-exchange hook: `createProviderClients({ onResponse: staging.onResponse })`. */
  readonly onResponse: OnResponse;
  /** Writes everything buffered so far. */
  flush(): Promise<void>;
  /** Flushes and stops the timer; later records are refused with a warning. */
  close(): Promise<void>;
  /** Every staged exchange of a lane (both lanes when omitted, merged by time), oldest first (for replay). */
  read(lane?: Lane): AsyncIterable<StagedExchange>;
  readonly dir: string;
}

export interface StagingOptions {
  /** Root directory; lanes get sub-directories. */
  dir: string;
  logger?: Logger;
  /** Buffered exchanges that trigger a flush. Default 200. */
  flushEvery?: number;
  /** Longest time an exchange stays only in memory, ms. Default 2000. */
  flushIntervalMs?: number;
  /** Buffered exchanges kept while the disk refuses writes; the oldest beyond are dropped (logged). Default 50000. */
  maxBuffered?: number;
}

const LANE_OF_PROVIDER: Record<ProviderName, Lane> = { tikliveapi: 'tiktok', 'x-api-v2': 'x' };

/** Parameter and header names that may carry credentials; never staged whatever the client sent. */
const SECRET_NAME = /(^|[_-])(key|apikey|api_key|token|access_token|secret|password|auth|authorization|cookie)$/i;

function withoutSecrets(o: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(o)) if (!SECRET_NAME.test(k)) out[k] = v;
  return out;
}

/** A provider RawExchange (see providers/http.ts) in staging form. */
export function stagedFromRaw(raw: RawExchange): StagedExchange {
  const q = raw.url.indexOf('?');
  const path = q < 0 ? raw.url : raw.url.slice(0, q);
  const query: Record<string, string> = {};
  if (q >= 0) for (const [k, v] of new URLSearchParams(raw.url.slice(q + 1))) query[k] = v;
  return {
    lane: LANE_OF_PROVIDER[raw.provider],
    at: raw.requestedAt,
    method: raw.method,
    path,
    query: withoutSecrets(query),
    status: raw.status,
    headers: withoutSecrets(raw.headers),
    body: raw.body,
    ms: raw.durationMs,
    endpoint: raw.endpoint,
    provider: raw.provider,
    attempt: raw.attempt,
  };
}

function dayOf(at: string): string {
  const t = Date.parse(at);
  return (Number.isFinite(t) ? new Date(t) : new Date()).toISOString().slice(0, 10);
}

export function stagingFile(dir: string, lane: Lane, at: string): string {
  return join(dir, lane, `${dayOf(at)}.jsonl.gz`);
}

export function createStaging(opts: StagingOptions): Staging {
  const log = (opts.logger ?? silentLogger).child({ component: 'staging' });
  const flushEvery = Math.max(1, opts.flushEvery ?? 200);
  const maxBuffered = Math.max(flushEvery, opts.maxBuffered ?? 50_000);
  /** File -> lines waiting, in arrival order. */
  let buffer = new Map<string, string[]>();
  let buffered = 0;
  let chain: Promise<void> = Promise.resolve();
  let closed = false;

  const timer = setInterval(() => {
    if (buffered > 0) flush().catch((err) => log.error({ err }, 'staging flush failed; will retry'));
  }, opts.flushIntervalMs ?? 2000);
  timer.unref();

  function record(e: StagedExchange): void {
    if (closed) {
      log.warn({ lane: e.lane, path: e.path }, 'staging is closed; exchange not staged');
      return;
    }
    const clean: StagedExchange = { ...e, query: withoutSecrets(e.query), headers: withoutSecrets(e.headers) };
    const file = stagingFile(opts.dir, e.lane, e.at);
    let lines = buffer.get(file);
    if (!lines) buffer.set(file, (lines = []));
    lines.push(JSON.stringify(clean));
    buffered++;
    if (buffered >= flushEvery) flush().catch((err) => log.error({ err }, 'staging flush failed; will retry'));
  }

  async function writeOut(): Promise<void> {
    if (buffered === 0) return;
    const batch = buffer;
    buffer = new Map();
    buffered = 0;
    const failed: [string, string[]][] = [];
    let firstError: unknown;
    for (const [file, lines] of batch) {
      try {
        await mkdir(join(file, '..'), { recursive: true });
        await appendFile(file, await gzip(lines.join('\n') + '\n'));
      } catch (err) {
        failed.push([file, lines]);
        firstError ??= err;
      }
    }
    if (failed.length === 0) return;
    // Put the lines back in front of anything recorded meanwhile, within the memory bound.
    const merged = new Map<string, string[]>(failed);
    for (const [file, lines] of buffer) merged.set(file, [...(merged.get(file) ?? []), ...lines]);
    let total = 0;
    for (const lines of merged.values()) total += lines.length;
    if (total > maxBuffered) {
      let drop = total - maxBuffered;
      for (const lines of merged.values()) {
        const n = Math.min(drop, lines.length);
        lines.splice(0, n);
        drop -= n;
        if (drop === 0) break;
      }
      log.error({ dropped: total - maxBuffered }, 'staging buffer full while the disk refuses writes; oldest exchanges dropped');
      total = maxBuffered;
    }
    buffer = merged;
    buffered = total;
    throw firstError;
  }

  function flush(): Promise<void> {
    // One writer at a time, so members land in the order they were recorded.
    const next = chain.then(writeOut);
    chain = next.catch(() => undefined);
    return next;
  }

  async function close(): Promise<void> {
    clearInterval(timer);
    await flush();
    closed = true;
  }

  async function* readFile(file: string, lane: Lane): AsyncGenerator<StagedExchange> {
    const gunzip = createGunzip();
    const stream = createReadStream(file).pipe(gunzip);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let n = 0;
    try {
      for await (const line of lines) {
        n++;
        if (line.trim() === '') continue;
        try {
          yield JSON.parse(line) as StagedExchange;
        } catch {
          log.warn({ file, line: n }, 'unreadable staged line skipped');
        }
      }
    } catch (err) {
      // A member cut short by a crash ends the file; everything before it is intact.
      log.warn({ err, file, lane, lines: n }, 'staged file ends in a damaged gzip member; rest skipped');
    } finally {
      lines.close();
      stream.destroy();
    }
  }

  async function* readLane(lane: Lane): AsyncGenerator<StagedExchange> {
    let names: string[];
    try {
      names = await readdir(join(opts.dir, lane));
    } catch {
      return;
    }
    for (const name of names.filter((n) => /^\d{4}-\d{2}-\d{2}\.jsonl\.gz$/.test(n)).sort()) {
      yield* readFile(join(opts.dir, lane, name), lane);
    }
  }

  async function* read(lane?: Lane): AsyncGenerator<StagedExchange> {
    await flush();
    if (lane) {
      yield* readLane(lane);
      return;
    }
    yield* mergeByTime(LANES.map(readLane));
  }

  return {
    record,
    onResponse: (raw) => record(stagedFromRaw(raw)),
    flush,
    close,
    read,
    dir: opts.dir,
  };
}

/** Merges per-lane streams (each oldest first) into one, oldest first. */
async function* mergeByTime(sources: AsyncGenerator<StagedExchange>[]): AsyncGenerator<StagedExchange> {
  try {
    const heads = await Promise.all(sources.map((s) => s.next()));
    for (;;) {
      let best = -1;
      for (let i = 0; i < heads.length; i++) {
        const h = heads[i];
        if (h.done) continue;
        if (best < 0 || h.value.at < (heads[best].value as StagedExchange).at) best = i;
      }
      if (best < 0) return;
      yield heads[best].value as StagedExchange;
      heads[best] = await sources[best].next();
    }
  } finally {
    // A consumer that stops early must not leave file streams open.
    await Promise.all(sources.map((s) => s.return(undefined)));
  }
}
