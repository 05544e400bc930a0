/**
 * The providers' front door: builds both clients from one plain options object (config.ts's
 * `providers` section plus a Redis client and hooks), each lane with its OWN connection pool,
 * limiter and budget so a slow or failing X never delays TikTok and vice versa. The profile
 * cache is shared (keys carry the provider).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { CreditBudget } from './budget';
import { createProfileCache, type ProfileCache } from './cache';
import type { Clock } from './clock';
import type { OnResponse, RetryOptions } from './http';
import { createLaneLimiter, type LaneLimiter } from './limiter';
import type { ProviderClientStatus } from './status';
import { TikLiveClient } from './tiklive/client';
import { XClient } from './x/client';

export interface ProviderClientsOptions {
  tiklive?: {
    /** Default https://api.tikliveapi.com. */
    baseUrl?: string;
    /** X-Api-Key; unset leaves the lane unconfigured (calls fail with AUTH, no requests). */
    key?: string;
    /** Client-side pace. Default 200 (the provider's standard limit). */
    requestsPerMinute?: number;
    /** Monthly credit budget. Default 150000. */
    monthlyCredits?: number;
    /** Credits per endpoint path, e.g. { '/user-posts/': 1 }. Default 1 for every endpoint. */
    creditCosts?: Record<string, number>;
    /** Requests in flight. Default 4. */
    maxConcurrent?: number;
  };
  x?: {
    /** Default https://api.x.com. */
    baseUrl?: string;
    /** App-only Bearer token; unset leaves the lane unconfigured. */
    bearerToken?: string;
    /** Optional client-side pace; X's own x-rate-limit-* headers are always honoured. Default none. */
    requestsPerMinute?: number;
    /** Requests in flight. Default 4. */
    maxConcurrent?: number;
  };
  /** Per-attempt request deadline. Default 15000 ms. */
  timeoutMs?: number;
  /** Profile cache TTL, 12..24 hours. Default 24. */
  profileCacheHours?: number;
  /** Shared Redis: clustered limiters, credit counter and cache. Default: all in process. Not closed by us. */
  redis?: Redis;
  logger?: Logger;
  /** Every raw exchange of both lanes, as received (see http.ts RawExchange). */
  onResponse?: OnResponse;
  /** Default: 4 attempts, base 250 ms, cap 8 s. */
  retry?: RetryOptions;
  /** Longest rate-limit wait accepted before failing with RATE_LIMITED. Default 16 min. */
  maxWaitMs?: number;
  /** Key prefix for Redis limiter ids and the credit counter. Default "creator-graph". */
  keyPrefix?: string;
  /** Tests only: fake time. */
  clock?: Partial<Clock>;
}

export interface LaneClientStatus extends ProviderClientStatus {
  /** Requests waiting in this lane's limiter. */
  queuedRequests: number;
}

export interface ProviderClients {
  tiklive: TikLiveClient;
  x: XClient;
  tikliveBudget: CreditBudget;
  cache: ProfileCache;
  status(): Promise<{ tiklive: LaneClientStatus; x: LaneClientStatus }>;
  /** Closes pools and limiters (not the Redis client). */
  close(): Promise<void>;
}

export function createProviderClients(opts: ProviderClientsOptions = {}): ProviderClients {
  const logger = opts.logger ?? silentLogger;
  const prefix = opts.keyPrefix ?? 'creator-graph';
  const cache = createProfileCache({
    ttlHours: opts.profileCacheHours ?? 24,
    redis: opts.redis,
    clock: opts.clock,
    logger,
    keyPrefix: `${prefix}:profile`,
  });

  const tikliveLimiter: LaneLimiter = createLaneLimiter({
    id: `${prefix}:tiklive`,
    requestsPerMinute: opts.tiklive?.requestsPerMinute ?? 200,
    maxConcurrent: opts.tiklive?.maxConcurrent,
    redis: opts.redis,
  });
  const xLimiter: LaneLimiter = createLaneLimiter({
    id: `${prefix}:x`,
    requestsPerMinute: opts.x?.requestsPerMinute,
    maxConcurrent: opts.x?.maxConcurrent,
    redis: opts.redis,
  });
  const tikliveBudget = new CreditBudget({
    provider: 'tikliveapi',
    monthlyLimit: opts.tiklive?.monthlyCredits ?? 150_000,
    costs: opts.tiklive?.creditCosts,
    redis: opts.redis,
    keyPrefix: prefix,
    clock: opts.clock,
  });

  const common = {
    timeoutMs: opts.timeoutMs,
    retry: opts.retry,
    maxWaitMs: opts.maxWaitMs,
    cache,
    onResponse: opts.onResponse,
    clock: opts.clock,
    logger,
  };
  const tiklive = new TikLiveClient({
    ...common,
    baseUrl: opts.tiklive?.baseUrl,
    key: opts.tiklive?.key,
    limiter: tikliveLimiter,
    budget: tikliveBudget,
  });
  const x = new XClient({ ...common, baseUrl: opts.x?.baseUrl, bearerToken: opts.x?.bearerToken, limiter: xLimiter });

  return {
    tiklive,
    x,
    tikliveBudget,
    cache,
    async status() {
      const [t, xs] = await Promise.all([tiklive.status(), x.status()]);
      return {
        tiklive: { ...t, queuedRequests: tikliveLimiter.queued() },
        x: { ...xs, queuedRequests: xLimiter.queued() },
      };
    },
    async close() {
      await Promise.all([tiklive.close(), x.close(), tikliveLimiter.close(), xLimiter.close()]);
    },
  };
}

export { ProviderError, isProviderError, type ProviderErrorCode, type ProviderName } from './errors';
export type { RawExchange, OnResponse, RetryOptions } from './http';
export type { ProviderClientStatus } from './status';
export type { BudgetStatus } from './budget';
export { TikLiveClient } from './tiklive/client';
export type { TikLiveUserInfo, TikLiveUser, TikLiveStats, TikLiveVideo, TikLivePostsPage } from './tiklive/types';
export { XClient } from './x/client';
export type { XUser, XTweet, XTimelinePage, XUserBatch, XItemError, XProblem, XIncludes } from './x/types';
