/**
 * Work started beside the caller's own statements and joined before the caller returns: each
 * piece starts when it is handed over; a failure is held (never an unhandled rejection) until
 * `settled()`, which waits for every piece, so nothing is still writing once the caller has
 * returned or thrown, and then throws the first failure.
 */
export class Concurrent {
  private readonly running: Promise<unknown>[] = [];

  /** Starts `work` and returns its promise (for later pieces that must follow it). */
  start<T>(work: () => Promise<T> | T): Promise<T> {
    const p = Promise.resolve().then(work);
    p.catch(() => undefined);
    this.running.push(p);
    return p;
  }

  /** Waits for every piece started so far; throws the first failure, if any. */
  async settled(): Promise<void> {
    const results = await Promise.allSettled(this.running);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
  }
}
