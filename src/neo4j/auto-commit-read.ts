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
import { isRetryableError, type Driver, type Record as Neo4jRecord } from 'neo4j-driver';
import { retryBudgetMs } from './driver';

const INITIAL_DELAY_MS = 1000;
const MULTIPLIER = 2;
const JITTER = 0.2;

export interface AutoCommitReadOptions {
  database?: string;
  /** When the read must have finished (ms since the epoch): the server's transaction timeout, and no retry after it. */
  deadline?: number;
}

export async function readAutoCommit(driver: Driver, text: string, params: Record<string, unknown>, opts: AutoCommitReadOptions = {}): Promise<Neo4jRecord[]> {
  const started = Date.now();
  const budget = retryBudgetMs(driver);
  let delay = INITIAL_DELAY_MS;
  for (;;) {
    // Never 0: to the driver a zero timeout means none at all.
    const timeout = opts.deadline !== undefined ? Math.max(1, opts.deadline - Date.now()) : undefined;
    const session = driver.session({ database: opts.database, defaultAccessMode: 'READ' });
    let failure: unknown;
    try {
      return (await session.run(text, params, timeout !== undefined ? { timeout } : undefined)).records;
    } catch (err) {
      failure = err;
    } finally {
      await session.close();
    }
    const wait = delay * (1 - JITTER + 2 * JITTER * Math.random());
    const retryAt = Date.now() + wait;
    if (!isRetryableError(failure) || retryAt - started > budget || (opts.deadline !== undefined && retryAt >= opts.deadline)) throw failure;
    await new Promise((r) => setTimeout(r, wait));
    delay *= MULTIPLIER;
  }
}
