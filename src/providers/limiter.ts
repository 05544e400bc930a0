/**
 * A lane's request-rate limiter (bottleneck): paces attempts evenly so a lane never exceeds its
 * requests-per-minute, and caps how many requests are in flight.
 *
 * In-process by default. Given an ioredis client, the limiter is clustered through Redis under a
 * shared id, so several worker processes of the same lane share one pace. Each lane gets its own
 * limiter: a slow provider fills only its own queue.
 */
import Bottleneck from 'bottleneck';
import type { Redis } from 'ioredis';
import type { Scheduler } from './http';

export interface LaneLimiterOptions {
  /** Bottleneck id; processes sharing Redis and this id share the pace. E.g. "creator-graph:tiklive". */
  id: string;
  /** Evenly spaced: one request every 60000/rpm ms. Default: unlimited (no spacing). */
  requestsPerMinute?: number;
  /** Requests in flight at once. Default 4. */
  maxConcurrent?: number;
  /** Cluster through Redis. The client is duplicated, never closed by the limiter. Default: in-process. */
  redis?: Redis;
}

export interface LaneLimiter extends Scheduler {
  /** Requests waiting for a slot (queued + waiting for minTime). */
  queued(): number;
  close(): Promise<void>;
}

export function createLaneLimiter(opts: LaneLimiterOptions): LaneLimiter {
  const rpm = opts.requestsPerMinute;
  if (rpm !== undefined && !(rpm > 0)) throw new RangeError('requestsPerMinute must be > 0');
  const settings: Bottleneck.ConstructorOptions = {
    id: opts.id,
    maxConcurrent: opts.maxConcurrent ?? 4,
    // Even spacing rather than a per-minute reservoir: TikLiveAPI 429s bursts well below its
    // per-minute limit (docs/providers.md T.5), and minTime needs no refresh interval timer.
    minTime: rpm ? Math.ceil(60_000 / rpm) : 0,
  };
  let connection: Bottleneck.IORedisConnection | undefined;
  if (opts.redis) {
    // A duplicate: Bottleneck's disconnect() closes the clients it holds, and the caller's client
    // must outlive us.
    connection = new Bottleneck.IORedisConnection({ client: opts.redis.duplicate() });
    Object.assign(settings, { datastore: 'ioredis', connection, clearDatastore: false, timeout: 24 * 3600_000 });
  }
  const limiter = new Bottleneck(settings);
  let closed = false;
  return {
    schedule: <T>(fn: () => Promise<T>) => limiter.schedule(fn),
    queued: () => limiter.counts().QUEUED ?? 0,
    async close() {
      if (closed) return;
      closed = true;
      await limiter.disconnect(false);
      if (connection) await connection.disconnect(false);
    },
  };
}
