/**
 * Profile response cache: one profile lookup per account per TTL, whoever asks (the daily refresh,
 * matching discovery, a manual track). Values are the validated profile as JSON text.
 *
 * In-process by default (a Map kept in least-recently-used order, bounded); with an ioredis client,
 * Redis `SET key value EX ttl`, shared by every worker. A Redis failure degrades to a miss, since
 * a cache outage should cost credits, not break ingestion.
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import { silentLogger } from '../log';
import { resolveClock, type Clock } from './clock';
import type { ProviderName } from './errors';

export interface ProfileCache {
  readonly ttlSeconds: number;
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

export interface ProfileCacheOptions {
  /** Time to live in hours, 12..24. Default 24. */
  ttlHours?: number;
  /** Store in Redis. Default: in process. */
  redis?: Redis;
  /** In-process only: entries kept before the least recently used is evicted. Default 10000. */
  maxEntries?: number;
  /** Redis key prefix. Default "creator-graph:profile". */
  keyPrefix?: string;
  clock?: Partial<Clock>;
  logger?: Logger;
}

/**
 * "x|users/by/username|username=jack": provider + endpoint + params sorted by name, values
 * lower-cased because both providers treat handles case-insensitively.
 */
export function profileCacheKey(provider: ProviderName, endpoint: string, params: Record<string, string>): string {
  const p = Object.keys(params)
    .sort()
    .map((k) => `${k}=${params[k].toLowerCase()}`)
    .join('&');
  return `${provider}|${endpoint}|${p}`;
}

export class MemoryProfileCache implements ProfileCache {
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();
  private readonly clock: Clock;
  private readonly maxEntries: number;

  constructor(
    readonly ttlSeconds: number,
    opts: { maxEntries?: number; clock?: Partial<Clock> } = {},
  ) {
    this.clock = resolveClock(opts.clock);
    this.maxEntries = Math.max(1, opts.maxEntries ?? 10_000);
  }

  async get(key: string): Promise<string | undefined> {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (e.expiresAt <= this.clock.now()) {
      this.entries.delete(key);
      return undefined;
    }
    // Re-insert to move the entry to the most recently used end of the Map's order.
    this.entries.delete(key);
    this.entries.set(key, e);
    return e.value;
  }

  async set(key: string, value: string): Promise<void> {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.clock.now() + this.ttlSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value as string;
      this.entries.delete(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

export class RedisProfileCache implements ProfileCache {
  constructor(
    private readonly redis: Redis,
    readonly ttlSeconds: number,
    private readonly prefix = 'creator-graph:profile',
    private readonly log: Logger = silentLogger,
  ) {}

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.get(`${this.prefix}:${key}`)) ?? undefined;
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'profile cache read failed; treating as a miss');
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      await this.redis.set(`${this.prefix}:${key}`, value, 'EX', this.ttlSeconds);
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'profile cache write failed');
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await this.redis.del(`${this.prefix}:${key}`);
    } catch (e) {
      this.log.warn({ err: (e as Error).message }, 'profile cache delete failed');
    }
  }
}

export function createProfileCache(opts: ProfileCacheOptions = {}): ProfileCache {
  const hours = opts.ttlHours ?? 24;
  if (!(hours >= 12 && hours <= 24)) throw new RangeError(`profile cache TTL must be 12..24 hours, got ${hours}`);
  const ttlSeconds = Math.round(hours * 3600);
  return opts.redis
    ? new RedisProfileCache(opts.redis, ttlSeconds, opts.keyPrefix, opts.logger)
    : new MemoryProfileCache(ttlSeconds, { maxEntries: opts.maxEntries, clock: opts.clock });
}
