/**
 * Where a lane's jobs wait: in process (fastq) by default, or in Redis through BullMQ when
 * REDIS_URL is set, so several worker processes share one lane's work. Both backends run the same
 * processor and answer the same questions (depth, pause), so the lane above does not care which
 * one it has.
 *
 * Pausing is always local to this process: every process sees the same shared credit budget and
 * pauses itself, and a paused process must not stop the queue for the others.
 */
import fastq from 'fastq';
import { Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';

export interface LaneQueue<J, R> {
  /** Adds a job and resolves with its result once a worker has run it. */
  push(job: J, opts?: { priority?: boolean }): Promise<R>;
  /** Jobs waiting or running (across all processes for BullMQ). */
  depth(): Promise<number>;
  pause(): void;
  resume(): void;
  readonly paused: boolean;
  /** Stops taking jobs; jobs still waiting in process are rejected with LaneClosedError. */
  close(): Promise<void>;
}

export class LaneClosedError extends Error {
  constructor(name: string) {
    super(`lane ${name} is closed`);
    this.name = 'LaneClosedError';
  }
}

export interface LaneQueueOptions<J, R> {
  /** Lane name, used for the BullMQ queue name and errors. */
  name: string;
  /** Jobs run at once by this process. */
  concurrency: number;
  processor: (job: J) => Promise<R>;
  /** How long close() waits for running jobs. Default 10 s. */
  drainMs?: number;
}

/** In process: fastq, with `unshift` for jobs a user is waiting on. */
export function createMemoryQueue<J, R>(opts: LaneQueueOptions<J, R>): LaneQueue<J, R> {
  const q = fastq.promise<unknown, J, R>(opts.processor, opts.concurrency);
  let closed = false;
  return {
    push(job, o = {}) {
      if (closed) return Promise.reject(new LaneClosedError(opts.name));
      return o.priority ? q.unshift(job) : q.push(job);
    },
    async depth() {
      return q.length() + q.running();
    },
    pause: () => q.pause(),
    resume: () => q.resume(),
    get paused() {
      return q.paused;
    },
    async close() {
      closed = true;
      // abort() rejects the promises of jobs that never started; running ones get a bounded
      // moment to finish, so shutdown neither cuts a write in half nor hangs on a slow provider.
      if (q.length() > 0) q.abort();
      const deadline = Date.now() + (opts.drainMs ?? 10_000);
      while (q.running() > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
    },
  };
}

export interface BullQueueOptions<J, R> extends LaneQueueOptions<J, R> {
  redisUrl: string;
  /** Key prefix of the queue in Redis. Default "creator-graph". */
  prefix?: string;
  /** Run jobs in this process. Default true; false makes a producer that only enqueues (and waits for results). */
  work?: boolean;
  /**
   * How long a job's lock lasts without renewal (BullMQ lockDuration, renewed at half of it):
   * a worker that dies holding a job gives it up this long after its last renewal. Default 30 s.
   */
  lockMs?: number;
  /** How often this process looks for jobs whose worker died (BullMQ stalledInterval). Default 30 s. */
  stalledCheckMs?: number;
}

/**
 * BullMQ: the queue, a worker for this process and the events stream `push` waits on. Results
 * travel back through Redis as JSON, so jobs and results must be plain data.
 */
export function createBullQueue<J, R>(opts: BullQueueOptions<J, R>): LaneQueue<J, R> {
  // BullMQ's blocking commands need connections that never give up on a request.
  const connect = () => new IORedis(opts.redisUrl, { maxRetriesPerRequest: null, lazyConnect: false });
  const prefix = opts.prefix ?? 'creator-graph';
  const queueName = `ingest-${opts.name}`;
  const work = opts.work ?? true;
  const connections = work ? [connect(), connect(), connect()] : [connect(), connect()];
  const queue = new Queue(queueName, { connection: connections[0], prefix });
  const events = new QueueEvents(queueName, { connection: connections[1], prefix });
  // QueueEvents reads the event stream from when it is ready: a job finishing before that would
  // never be announced and its caller would wait forever, so no job is added until it is.
  const eventsReady = events.waitUntilReady();
  // A job whose worker died (killed mid-batch) is moved back to waiting by another process's
  // stalled-job check once its lock lapses, and runs again: the lanes' writes are idempotent.
  const worker = work
    ? new Worker(queueName, async (job) => opts.processor(job.data as J), {
        connection: connections[2],
        prefix,
        concurrency: opts.concurrency,
        // Only when set: BullMQ takes an explicit undefined as the value, not as "use the default".
        ...(opts.lockMs !== undefined ? { lockDuration: opts.lockMs } : {}),
        ...(opts.stalledCheckMs !== undefined ? { stalledInterval: opts.stalledCheckMs } : {}),
      })
    : undefined;
  // Errors also reach the callers through waitUntilFinished; keep the emitter from throwing.
  worker?.on('error', () => undefined);
  let paused = false;
  let closed = false;
  return {
    async push(job, o = {}) {
      if (closed) throw new LaneClosedError(opts.name);
      await eventsReady;
      const added = await queue.add((job as { kind?: string }).kind ?? 'job', job, {
        priority: o.priority ? 1 : undefined,
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 24 * 3600 },
      });
      return (await added.waitUntilFinished(events)) as R;
    },
    async depth() {
      const c = await queue.getJobCounts('wait', 'active', 'delayed', 'prioritized');
      return Object.values(c).reduce((s, n) => s + n, 0);
    },
    pause() {
      paused = true;
      void worker?.pause(true);
    },
    resume() {
      paused = false;
      worker?.resume();
    },
    get paused() {
      return paused;
    },
    async close() {
      closed = true;
      await worker?.close();
      await events.close();
      await queue.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}
