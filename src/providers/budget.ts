/**
 * The monthly credit budget for TikLiveAPI (1 successful request = 1 credit, docs/providers.md T.5).
 *
 * Spending is reserved before a request and released if the request fails, so concurrent calls
 * can never overspend: the counter is incremented atomically (in process, or with Redis INCRBY on
 * a per-month key shared by every worker) and rolled back when over the limit. When the budget is
 * exhausted, calls fail fast with ProviderError 'QUOTA' without touching the network.
 *
 * A provider-side "no balance" reply also closes the budget for a cool-off period, so a lane does
 * not keep spending its rate limit on requests the provider will refuse.
 */
import type { Redis } from 'ioredis';
import { resolveClock, type Clock } from './clock';
import { ProviderError, type ProviderName } from './errors';

export interface BudgetStatus {
  exhausted: boolean;
  used: number;
  limit: number;
  /** Start of next month (UTC), when `used` starts again from 0. */
  resetsAt: Date;
  /** Set while a provider "no balance" reply holds the budget closed. */
  providerExhaustedUntil?: Date;
}

export interface CreditReservation {
  readonly cost: number;
  /** Undo the reservation (the request failed, so the provider charged nothing). Idempotent. */
  release(): Promise<void>;
}

export interface CreditBudgetOptions {
  provider?: ProviderName;
  /** Credits allowed per calendar month (UTC). Required. */
  monthlyLimit: number;
  /** Credit cost per endpoint, e.g. { '/user-posts/': 1 }. Endpoints not listed cost `defaultCost`. */
  costs?: Record<string, number>;
  /** Default 1. */
  defaultCost?: number;
  /** Count in Redis (INCRBY on "<keyPrefix>:credits:<provider>:<YYYY-MM>"). Default: in process. */
  redis?: Redis;
  /** Default "creator-graph". */
  keyPrefix?: string;
  /** How long a provider "no balance" reply closes the budget. Default 15 minutes. */
  providerQuotaCooldownMs?: number;
  clock?: Partial<Clock>;
}

/** "2026-07" for any instant in July 2026 (UTC). */
export function monthKey(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function startOfNextMonth(ms: number): Date {
  const d = new Date(ms);
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** Atomic per-month counters: the part that differs between in-process and Redis. */
interface CreditCounter {
  add(month: string, by: number): Promise<number>;
  get(month: string): Promise<number>;
}

class MemoryCounter implements CreditCounter {
  private readonly months = new Map<string, number>();
  async add(month: string, by: number): Promise<number> {
    const v = (this.months.get(month) ?? 0) + by;
    this.months.set(month, v);
    return v;
  }
  async get(month: string): Promise<number> {
    return this.months.get(month) ?? 0;
  }
}

class RedisCounter implements CreditCounter {
  constructor(
    private readonly redis: Redis,
    private readonly key: (month: string) => string,
  ) {}
  async add(month: string, by: number): Promise<number> {
    const k = this.key(month);
    const res = await this.redis.multi().incrby(k, by).expire(k, 40 * 24 * 3600).exec();
    const [err, value] = res?.[0] ?? [new Error('redis transaction aborted'), 0];
    if (err) throw err;
    return Number(value);
  }
  async get(month: string): Promise<number> {
    return Number((await this.redis.get(this.key(month))) ?? 0);
  }
}

export class CreditBudget {
  readonly limit: number;
  private readonly provider: ProviderName;
  private readonly counter: CreditCounter;
  private readonly clock: Clock;
  private readonly costs: Record<string, number>;
  private readonly defaultCost: number;
  private readonly cooldownMs: number;
  private providerExhaustedUntil?: number;

  constructor(opts: CreditBudgetOptions) {
    if (!(opts.monthlyLimit >= 0)) throw new RangeError('monthlyLimit must be >= 0');
    this.limit = opts.monthlyLimit;
    this.provider = opts.provider ?? 'tikliveapi';
    this.clock = resolveClock(opts.clock);
    this.costs = opts.costs ?? {};
    this.defaultCost = opts.defaultCost ?? 1;
    this.cooldownMs = opts.providerQuotaCooldownMs ?? 15 * 60_000;
    const prefix = opts.keyPrefix ?? 'creator-graph';
    this.counter = opts.redis
      ? new RedisCounter(opts.redis, (m) => `${prefix}:credits:${this.provider}:${m}`)
      : new MemoryCounter();
  }

  costOf(endpoint: string): number {
    return this.costs[endpoint] ?? this.defaultCost;
  }

  /** Reserves the endpoint's cost or throws QUOTA (no request must be sent then). */
  async reserve(endpoint: string): Promise<CreditReservation> {
    const now = this.clock.now();
    if (this.providerExhaustedUntil !== undefined && this.providerExhaustedUntil > now) {
      throw this.quotaError(endpoint, 'provider reported no credit balance', this.providerExhaustedUntil - now);
    }
    const cost = this.costOf(endpoint);
    const month = monthKey(now);
    if (cost <= 0) return { cost: 0, release: async () => {} };
    const used = await this.counter.add(month, cost);
    if (used > this.limit) {
      await this.counter.add(month, -cost);
      throw this.quotaError(
        endpoint,
        `monthly credit budget exhausted (${used - cost}/${this.limit})`,
        startOfNextMonth(now).getTime() - now,
      );
    }
    let released = false;
    return {
      cost,
      release: async () => {
        if (released) return;
        released = true;
        await this.counter.add(month, -cost);
      },
    };
  }

  /**
   * Records credits the provider charged beyond a reservation (a retried 200 that could not be
   * read was still billed). No limit check: the spending already happened.
   */
  async charge(endpoint: string, times = 1): Promise<void> {
    const cost = this.costOf(endpoint) * times;
    if (cost > 0) await this.counter.add(monthKey(this.clock.now()), cost);
  }

  /** The provider itself says the balance is gone: refuse calls for the cool-off period. */
  markProviderExhausted(): void {
    this.providerExhaustedUntil = this.clock.now() + this.cooldownMs;
  }

  async status(): Promise<BudgetStatus> {
    const now = this.clock.now();
    const used = await this.counter.get(monthKey(now));
    const providerClosed = this.providerExhaustedUntil !== undefined && this.providerExhaustedUntil > now;
    return {
      exhausted: providerClosed || used + this.defaultCost > this.limit,
      used,
      limit: this.limit,
      resetsAt: startOfNextMonth(now),
      providerExhaustedUntil: providerClosed ? new Date(this.providerExhaustedUntil!) : undefined,
    };
  }

  private quotaError(endpoint: string, message: string, retryAfterMs: number): ProviderError {
    return new ProviderError('QUOTA', message, { provider: this.provider, endpoint, retryAfterMs });
  }
}
