/**
 * Requests per minute per caller: the key's (or token's) name when authenticated, the client IP
 * otherwise. With REDIS_URL the counters live in Redis, so every instance behind a load balancer
 * draws on one budget; an in-memory limiter stands in while Redis is unreachable (rate limiting
 * degrades to per instance rather than failing every request).
 */
import IORedis, { type Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import { ApiError } from '../errors';
import type { Principal } from '../auth/roles';

export interface RateLimiter {
  /** Resolves when allowed; rejects with RATE_LIMITED (and `retryAfterSeconds`) when not. */
  consume(principal: Principal | null, ip: string | undefined): Promise<void>;
  close(): Promise<void>;
}

export class RateLimited extends ApiError {
  constructor(readonly retryAfterSeconds: number, limit: number) {
    super('RATE_LIMITED', `rate limit of ${limit} requests per minute exceeded; retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      limit,
      http: { status: 429 },
    });
  }
}

export function callerKey(principal: Principal | null, ip: string | undefined): string {
  return principal ? `${principal.via}:${principal.name}` : `ip:${ip ?? 'unknown'}`;
}

export function createRateLimiter(opts: { perMinute: number; redisUrl?: string; keyPrefix?: string }): RateLimiter {
  const keyPrefix = opts.keyPrefix ?? 'cg-rate';
  const memory = new RateLimiterMemory({ points: opts.perMinute, duration: 60, keyPrefix });
  let redis: Redis | undefined;
  let limiter: RateLimiterAbstract = memory;
  if (opts.redisUrl) {
    // No offline queue: a request must not wait for Redis to come back; the insurance limiter answers.
    redis = new IORedis(opts.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
    redis.on('error', () => undefined); // reconnects by itself; the insurance limiter covers the gap
    limiter = new RateLimiterRedis({
      storeClient: redis,
      points: opts.perMinute,
      duration: 60,
      keyPrefix,
      rejectIfRedisNotReady: true,
      insuranceLimiter: memory,
    });
  }
  return {
    async consume(principal, ip) {
      try {
        await limiter.consume(callerKey(principal, ip), 1);
      } catch (res) {
        if (res instanceof RateLimiterRes) throw new RateLimited(Math.max(1, Math.ceil(res.msBeforeNext / 1000)), opts.perMinute);
        throw res;
      }
    },
    async close() {
      if (redis) await redis.quit().catch(() => redis?.disconnect());
    },
  };
}
