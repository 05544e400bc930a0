/**
 * Creates the neo4j-driver instance from config. Integers arrive as JS numbers: every count we
 * store fits in 2^53, and the API speaks Int/Float, not neo4j Integer objects.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { coalesceBoltWrites } from './coalesced-writes';

export interface DriverOptions {
  uri: string;
  user?: string;
  password?: string;
  /** Connection pool size. Default 50 (the driver's default is 100; two cores rarely use more). */
  maxPoolSize?: number;
  /** How long a managed transaction retries transient and connection errors. Default 30 s (the driver's). */
  maxTransactionRetryMs?: number;
}

const DEFAULT_RETRY_MS = 30000;
/** Each driver's maxTransactionRetryTime, for the retries we run ourselves (auto-commit-read.ts). */
const retryBudgets = new WeakMap<Driver, number>();

export function createDriver(opts: DriverOptions): Driver {
  const auth = opts.password ? neo4j.auth.basic(opts.user ?? 'neo4j', opts.password) : undefined;
  const retryMs = opts.maxTransactionRetryMs ?? DEFAULT_RETRY_MS;
  coalesceBoltWrites();
  const driver = neo4j.driver(opts.uri, auth, {
    disableLosslessIntegers: true,
    maxConnectionPoolSize: opts.maxPoolSize ?? 50,
    connectionAcquisitionTimeout: 30000,
    maxTransactionRetryTime: retryMs,
    logging: { level: 'error', logger: () => undefined },
  });
  retryBudgets.set(driver, retryMs);
  return driver;
}

/** How long work on this driver retries transient errors: its maxTransactionRetryTime (30 s for a driver made elsewhere). */
export function retryBudgetMs(driver: Driver): number {
  return retryBudgets.get(driver) ?? DEFAULT_RETRY_MS;
}
