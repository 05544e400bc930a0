/**
 * Per-client health, as `Query.ingestion` reports it: how busy the lane was in the last hour,
 * whether it is waiting on the provider, and when it last worked or failed.
 *
 * Entity errors (NOT_FOUND, SUSPENDED, PRIVATE) count as the provider working: a deleted account
 * says nothing about the lane's health.
 */
import type { Clock } from './clock';
import type { ProviderError, ProviderName } from './errors';
import type { BudgetStatus } from './budget';

export interface ProviderClientStatus {
  provider: ProviderName;
  /** False when no credential is configured: every call fails with AUTH without a request. */
  configured: boolean;
  /** HTTP requests sent (retries included) in the last 60 minutes. */
  requestsLastHour: number;
  /** Latest time an exhausted rate-limit window opens again, when one is still closed. */
  rateLimitResetAt?: Date;
  lastError?: string;
  lastErrorAt?: Date;
  lastSuccessAt?: Date;
  /** True while a request sleeps for a backoff or a rate-limit window. */
  backingOff: boolean;
  /** TikLiveAPI only: the monthly credit budget. */
  budget?: BudgetStatus;
  /** Attempts since start by outcome (retries included): counters for /metrics. */
  responses?: ResponseCounts;
}

/** HTTP attempts by outcome: the status class, 429 apart, and attempts that got no response. */
export type ResponseClass = '2xx' | '3xx' | '4xx' | '429' | '5xx' | 'network';
export type ResponseCounts = Record<ResponseClass, number>;

export function responseClass(status: number | undefined): ResponseClass {
  if (status === undefined) return 'network';
  if (status === 429) return '429';
  if (status >= 500) return '5xx';
  if (status >= 400) return '4xx';
  if (status >= 300) return '3xx';
  return '2xx';
}

const HOUR_MS = 60 * 60 * 1000;

export class StatusTracker {
  private readonly sent: number[] = [];
  private readonly responses: ResponseCounts = { '2xx': 0, '3xx': 0, '4xx': 0, '429': 0, '5xx': 0, network: 0 };
  private sleeping = 0;
  private lastError?: { message: string; at: number };
  private lastSuccessAt?: number;

  constructor(
    private readonly provider: ProviderName,
    private readonly clock: Clock,
  ) {}

  /** One attempt sent; `status` is the HTTP status it got, undefined when none came (network error, timeout). */
  recordRequest(status?: number): void {
    this.sent.push(this.clock.now());
    this.responses[responseClass(status)]++;
    this.prune();
  }

  recordSuccess(): void {
    this.lastSuccessAt = this.clock.now();
  }

  recordError(err: ProviderError): void {
    if (err.isEntityError) {
      this.recordSuccess();
      return;
    }
    this.lastError = { message: `${err.code}: ${err.message}`, at: this.clock.now() };
  }

  /** Marks the lane as backing off for the duration of `wait`. */
  async backOff(ms: number, sleep: (ms: number) => Promise<void>): Promise<void> {
    this.sleeping++;
    try {
      await sleep(ms);
    } finally {
      this.sleeping--;
    }
  }

  snapshot(extra: { configured: boolean; rateLimitResetAt?: number; budget?: BudgetStatus }): ProviderClientStatus {
    this.prune();
    const now = this.clock.now();
    const blocked = extra.rateLimitResetAt !== undefined && extra.rateLimitResetAt > now;
    return {
      provider: this.provider,
      configured: extra.configured,
      requestsLastHour: this.sent.length,
      rateLimitResetAt: blocked ? new Date(extra.rateLimitResetAt!) : undefined,
      lastError: this.lastError?.message,
      lastErrorAt: this.lastError ? new Date(this.lastError.at) : undefined,
      lastSuccessAt: this.lastSuccessAt !== undefined ? new Date(this.lastSuccessAt) : undefined,
      backingOff: this.sleeping > 0 || blocked,
      budget: extra.budget,
      responses: { ...this.responses },
    };
  }

  private prune(): void {
    const cutoff = this.clock.now() - HOUR_MS;
    let drop = 0;
    while (drop < this.sent.length && this.sent[drop] <= cutoff) drop++;
    if (drop > 0) this.sent.splice(0, drop);
  }
}
