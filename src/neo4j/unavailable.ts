/**
 * Neo4j being away (restarted, failed over, a network cut) as opposed to a query being wrong.
 *
 * The driver's managed transactions already retry these errors, but only for its
 * maxTransactionRetryTime (30 s): a restart that takes longer surfaces as ServiceUnavailable or
 * SessionExpired. Background work whose writes are idempotent (the ingestion lanes, a backfill's
 * bookkeeping) outlasts such an outage with `whileGraphDown` instead of failing.
 */
import { isRetryableError } from 'neo4j-driver';
import type { Logger } from '../log';
import { silentLogger } from '../log';

const UNAVAILABLE = new Set(['ServiceUnavailable', 'SessionExpired']);

/** True for a driver error that says the server is unreachable or the connection died (worth retrying later). */
export function isGraphUnavailable(err: unknown): boolean {
  if (isRetryableError(err)) return true;
  // Errors raised outside a managed transaction (connection acquisition) carry the code, not always the flag.
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.has(code);
}

export interface GraphDownOptions {
  /** How long to keep trying in all, from the first failure. Default 10 minutes. */
  budgetMs?: number;
  /** First wait between tries; doubled each time up to `capMs`. Default 1 s. */
  baseMs?: number;
  /** Longest wait between two tries. Default 15 s. */
  capMs?: number;
  logger?: Logger;
  /** What is being retried, for the log. */
  what?: string;
  /** Called before each new try (counters). */
  onRetry?: (err: unknown, attempt: number) => void;
  /** Tests: fake waiting. */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Runs `work`, and runs it again while it fails because Neo4j is unavailable, with exponential
 * backoff, until `budgetMs` has passed since the first failure. `work` must be idempotent: a
 * transaction whose commit answer was lost ran once already. Other errors pass through at once.
 */
export async function whileGraphDown<T>(work: () => Promise<T>, opts: GraphDownOptions = {}): Promise<T> {
  const log = opts.logger ?? silentLogger;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const budget = opts.budgetMs ?? 10 * 60_000;
  let firstFailure: number | undefined;
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (err) {
      if (!isGraphUnavailable(err)) throw err;
      firstFailure ??= Date.now();
      if (Date.now() - firstFailure >= budget) throw err;
      const wait = Math.min(opts.capMs ?? 15_000, (opts.baseMs ?? 1000) * 2 ** (attempt - 1));
      log.warn({ err: (err as Error).message, attempt, waitMs: wait, what: opts.what }, 'Neo4j unavailable; will try again');
      opts.onRetry?.(err, attempt);
      await sleep(wait);
    }
  }
}
