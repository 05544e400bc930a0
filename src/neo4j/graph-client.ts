/**
 * The one door to Neo4j: runs named queries and counts round trips, so tests and benchmarks can
 * prove that loaders batch. Writes run in managed transactions (which retry transient errors such
 * as deadlocks and leader switches); a single-statement read runs as an auto-commit transaction
 * with the same retry (auto-commit-read.ts says why).
 */
import { isDate, isDateTime, isLocalDateTime, type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import { readAutoCommit, streamAutoCommit } from './auto-commit-read';
import { cypher } from './queries';

export type Params = Record<string, unknown>;
export type Row = Record<string, unknown>;

export interface QueryObserver {
  (event: { name: string; mode: 'READ' | 'WRITE'; params: Params; ms: number }): void;
}

export class GraphClient {
  /** Statements sent to the server since creation (or the last resetStats). */
  roundTrips = 0;
  private observers = new Set<QueryObserver>();

  constructor(
    readonly driver: Driver,
    readonly database?: string,
    /** Set on a bounded view: when reads must have finished (ms since the epoch), or undefined for no limit. */
    private readonly readDeadline?: () => number | undefined,
    private readonly parent?: GraphClient,
  ) {}

  /**
   * A view of this client whose read transactions the server aborts at `deadline()` (the driver's
   * transaction timeout), for work done on behalf of one API request. Writes are not cut: they are
   * idempotent batches an authorised caller asked for, better finished than half done.
   * Round trips and observers stay those of this client.
   */
  bounded(deadline: () => number | undefined): GraphClient {
    return new GraphClient(this.driver, this.database, deadline, this.parent ?? this);
  }

  /** Runs a named read query (one auto-commit statement, retried on transient errors) and returns its rows as plain objects. */
  async read<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    return this.run<T>(name, params, 'READ');
  }

  /**
   * `read`, handing each row to `onRow` as it arrives (see streamAutoCommit): for reads of hundreds
   * of thousands of rows that the caller can work on as they come. When a transient failure makes
   * the read start over, `onRestart` is called first and the rows come again from the first.
   */
  async readEach<T = Row>(name: string, params: Params, onRow: (row: T) => void, onRestart?: () => void): Promise<void> {
    const text = cypher(name);
    const t0 = performance.now();
    try {
      await streamAutoCommit(this.driver, text, params, (r) => onRow(toRow(r) as T), {
        database: this.database,
        // All rows in one stream: in batches, the server waits for the next request while this
        // thread works on the batch it has, which is the time streaming is meant to overlap.
        fetchSize: -1,
        deadline: this.readDeadline?.(),
        onRestart,
      }).catch(namingStatement(name));
    } finally {
      this.notify(name, 'READ', params, performance.now() - t0);
    }
  }

  /** Runs a named write query in its own transaction and returns its rows. */
  async write<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    return this.run<T>(name, params, 'WRITE');
  }

  /**
   * Runs several named statements in one write transaction; all or nothing. The callback may be
   * retried on transient errors, so it must not have side effects outside the transaction.
   */
  async writeTx<T>(work: (tx: TxRunner) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite((tx) => work(new TxRunner(tx, this)));
    } finally {
      await session.close();
    }
  }

  /**
   * Has the server plan named statements ahead of their first real use, while the caller computes
   * (a full matching run plans in memory for seconds, with the server idle): each is run once, with
   * inputs that make it do nothing (empty lists), in one transaction that is rolled back, so
   * nothing can be written whatever a statement does. The server caches each statement's plan, so
   * its first real run skips planning. All statements go out in one pipelined batch: resolves when
   * the server has answered them all. Failures are the caller's to ignore or report.
   */
  async prepare(statements: readonly { name: string; params: Params }[]): Promise<void> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      const tx = session.beginTransaction();
      try {
        const results = statements.map((s) => tx.run(cypher(s.name), s.params));
        await Promise.all(results.map((r) => r.summary()));
      } finally {
        await tx.rollback();
      }
    } finally {
      await session.close();
    }
  }

  /** Runs raw Cypher text: for migrations and test set-up only, never with interpolated values. */
  async runText(text: string, params: Params = {}): Promise<Row[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      this.roundTrips++;
      const res = await session.executeWrite((tx) => tx.run(text, params));
      return res.records.map(toRow);
    } finally {
      await session.close();
    }
  }

  observe(fn: QueryObserver): () => void {
    this.observers.add(fn);
    return () => this.observers.delete(fn);
  }

  resetStats(): void {
    this.roundTrips = 0;
  }

  async ping(): Promise<boolean> {
    try {
      await this.driver.getServerInfo({ database: this.database });
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.driver.close();
  }

  /** @internal */
  notify(name: string, mode: 'READ' | 'WRITE', params: Params, ms: number): void {
    if (this.parent) return this.parent.notify(name, mode, params, ms);
    this.roundTrips++;
    for (const o of this.observers) o({ name, mode, params, ms });
  }

  private async run<T>(name: string, params: Params, mode: 'READ' | 'WRITE'): Promise<T[]> {
    const text = cypher(name);
    const t0 = performance.now();
    try {
      if (mode === 'READ') {
        // One statement: an auto-commit read with the managed transaction's retry (auto-commit-read.ts).
        const records = await readAutoCommit(this.driver, text, params, { database: this.database, deadline: this.readDeadline?.() }).catch(
          namingStatement(name),
        );
        return records.map(toRow) as T[];
      }
      const session = this.driver.session({ database: this.database, defaultAccessMode: mode });
      try {
        const res = await session.executeWrite((tx) => tx.run(text, params));
        return res.records.map(toRow) as T[];
      } finally {
        await session.close();
      }
    } finally {
      this.notify(name, mode, params, performance.now() - t0);
    }
  }
}

/** Runs named statements inside a caller's transaction (see GraphClient.writeTx). */
export class TxRunner {
  constructor(
    private readonly tx: ManagedTransaction,
    private readonly client: GraphClient,
  ) {}

  async run<T = Row>(name: string, params: Params = {}): Promise<T[]> {
    const t0 = performance.now();
    try {
      const res = await this.tx.run(cypher(name), params);
      return res.records.map(toRow) as T[];
    } finally {
      this.client.notify(name, 'WRITE', params, performance.now() - t0);
    }
  }
}

/**
 * Rethrows a read's failure with the statement's name on its stack: the driver's own call-site
 * stack is not captured for reads (auto-commit-read.ts), so this says which statement failed.
 */
const namingStatement = (name: string) => (err: unknown): never => {
  if (err instanceof Error) err.stack = `${(err.stack ?? String(err)).trimEnd()}\n    at Cypher statement ${name}`;
  throw err;
};

/** A record as a plain row, by index (Record.toObject walks a generator per field). */
function toRow(r: Neo4jRecord): Row {
  const row: Row = {};
  const keys = r.keys;
  for (let i = 0; i < keys.length; i++) row[keys[i] as string] = fromNeo4j(r.get(i));
  return row;
}

interface DateTimeFields {
  year: unknown;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  timeZoneOffsetSeconds?: number;
  toStandardDate(): Date;
}

/**
 * A DateTime with an offset as a JS Date, by plain arithmetic: the driver's toStandardDate goes
 * through its 64-bit Integer class, ~30 us and a dozen objects per value, which was 3.4 ms of an
 * amplificationChains request (every post and creator carries several timestamps) and much of its
 * garbage. Same result (UTC millis, nanoseconds truncated); the driver's own path for what plain
 * numbers cannot say the same way (two-digit years, which Date.UTC reads as 19xx; no offset).
 */
export function dateTimeToDate(v: DateTimeFields): Date {
  const { year, timeZoneOffsetSeconds: offset } = v;
  if (typeof year !== 'number' || (year >= 0 && year < 100) || typeof offset !== 'number') return v.toStandardDate();
  const utcSeconds = Date.UTC(year, v.month - 1, v.day, v.hour, v.minute, v.second) / 1000 - offset;
  return new Date(utcSeconds * 1000 + Math.trunc(v.nanosecond / 1_000_000));
}

/**
 * Temporal values become JS Dates, so nothing above this module sees driver types. Lists and maps
 * are converted IN PLACE: they are the driver's freshly decoded values, held by nothing but the
 * record being turned into a row, and copying every nested map of every row was garbage for nothing.
 */
export function fromNeo4j(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDateTime(v)) return dateTimeToDate(v as unknown as DateTimeFields);
  if (isLocalDateTime(v) || isDate(v)) return (v as { toStandardDate(): Date }).toStandardDate();
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) if (v[i] !== null && typeof v[i] === 'object') v[i] = fromNeo4j(v[i]);
    return v;
  }
  if (Object.getPrototypeOf(v) === Object.prototype) {
    const o = v as Record<string, unknown>;
    for (const k in o) if (o[k] !== null && typeof o[k] === 'object') o[k] = fromNeo4j(o[k]);
    return o;
  }
  return v;
}
