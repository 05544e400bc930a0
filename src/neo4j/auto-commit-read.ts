/**
 * Single-statement reads as auto-commit transactions, retried as a managed transaction would be.
 *
 * Why not a managed read (session.executeRead): for one statement it costs BEGIN, RUN + PULL and
 * COMMIT, three socket writes and three replies to decode, where an auto-commit read is RUN + PULL
 * and one reply. The API's reads are nearly all one statement each (the loaders batch a tick's keys
 * into one), so on the api bench this was the largest share of our server's CPU per request left
 * after the statements themselves (figures in README.md, "Performance").
 *
 * What a managed transaction gave and this keeps: the retry of errors the driver itself classifies
 * as retryable (`isRetryableError`: transient errors such as a leader switch, ServiceUnavailable,
 * SessionExpired), with the driver's back-off (1 s, doubling, +-20% jitter) for at most the driver's
 * maxTransactionRetryTime (driver.ts), and never past the caller's deadline. A read-only statement
 * may run again harmlessly. Writes, and reads of several statements that must see one snapshot,
 * stay managed transactions (GraphClient.write / writeTx).
 */
import { isRetryableError, type Driver, type Record as Neo4jRecord, type Session } from 'neo4j-driver';
import { retryBudgetMs } from './driver';

const INITIAL_DELAY_MS = 1000;
const MULTIPLIER = 2;
const JITTER = 0.2;

export interface AutoCommitReadOptions {
  database?: string;
  /** When the read must have finished (ms since the epoch): the server's transaction timeout, and no retry after it. */
  deadline?: number;
  /**
   * Records per batch the server sends before waiting for the next request (the driver's
   * fetchSize; -1: all at once). Default the driver's (1,000).
   */
  fetchSize?: number;
  /** Told of each failure about to be retried, before the wait. */
  onRetry?: (err: unknown, attempt: number, waitMs: number) => void;
}

export async function readAutoCommit(driver: Driver, text: string, params: Record<string, unknown>, opts: AutoCommitReadOptions = {}): Promise<Neo4jRecord[]> {
  return withRetry(driver, opts, (session, timeout) => runWithoutCallerStack(() => session.run(text, params, timeout !== undefined ? { timeout } : undefined)).then((r) => r.records));
}

/**
 * `readAutoCommit`, handing each record to `onRecord` as it arrives instead of collecting them:
 * for reads of hundreds of thousands of rows, whose records would otherwise all live (and be
 * promoted to the old generation) until the last one came, and whose rows the caller can start
 * working on meanwhile. A retried attempt starts over: `onRestart` is called first, and the
 * caller must drop what it took from the failed attempt.
 */
export async function streamAutoCommit(
  driver: Driver,
  text: string,
  params: Record<string, unknown>,
  onRecord: (record: Neo4jRecord) => void,
  opts: AutoCommitReadOptions & { onRestart?: () => void } = {},
): Promise<void> {
  let attempts = 0;
  await withRetry(driver, opts, (session, timeout) => {
    if (attempts++ > 0) opts.onRestart?.();
    return new Promise<void>((resolve, reject) => {
      let failed = false;
      const result = runWithoutCallerStack(() => session.run(text, params, timeout !== undefined ? { timeout } : undefined));
      result.subscribe({
        onNext: (record) => {
          if (failed) return;
          try {
            onRecord(record);
          } catch (err) {
            // The caller's own failure: not retried (not a driver error), and no further records.
            failed = true;
            reject(err);
          }
        },
        onCompleted: () => resolve(),
        onError: reject,
      });
    });
  });
}

async function withRetry<T>(driver: Driver, opts: AutoCommitReadOptions, work: (session: Session, timeout: number | undefined) => Promise<T>): Promise<T> {
  const started = Date.now();
  const budget = retryBudgetMs(driver);
  let delay = INITIAL_DELAY_MS;
  let attempt = 0;
  for (;;) {
    // Never 0: to the driver a zero timeout means none at all.
    const timeout = opts.deadline !== undefined ? Math.max(1, opts.deadline - Date.now()) : undefined;
    const session = driver.session({ database: opts.database, defaultAccessMode: 'READ', ...(opts.fetchSize !== undefined ? { fetchSize: opts.fetchSize } : {}) });
    let failure: unknown;
    try {
      return await work(session, timeout);
    } catch (err) {
      failure = err;
    } finally {
      await session.close();
    }
    const wait = delay * (1 - JITTER + 2 * JITTER * Math.random());
    const retryAt = Date.now() + wait;
    if (!isRetryableError(failure) || retryAt - started > budget || (opts.deadline !== undefined && retryAt >= opts.deadline)) throw failure;
    opts.onRetry?.(failure, ++attempt, wait);
    await new Promise((r) => setTimeout(r, wait));
    delay *= MULTIPLIER;
  }
}

/**
 * The driver builds every Result with `new Error().stack` (a captured and formatted stack trace, to
 * put on an error it may report later): on the api bench that was ~3% of our CPU per request, for
 * reads that almost never fail. Result construction is synchronous, so capturing no frames for just
 * that call changes nothing else; a failed read's error keeps its code and message, and
 * GraphClient adds the statement's name to its stack.
 */
function runWithoutCallerStack<T>(start: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return start();
  } finally {
    Error.stackTraceLimit = limit;
  }
}
