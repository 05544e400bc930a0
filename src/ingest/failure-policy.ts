/**
 * When a sync call stops early: lane-wide failures (no key, no credits, usage cap, a long
 * rate-limit window, or several transient failures in a row) end the call and mark the refs not
 * yet tried with that error, so a paused lane costs nothing. Which codes do that is the catalogue's
 * (error-codes.ts); entity errors and single failures never stop a call.
 */
import { LANE_STOP_CODES, MAX_TRANSIENT_IN_A_ROW, type SyncErrorCode } from '../error-codes';
import { isProviderError } from '../providers';
import type { SyncError } from './sync';

/** Tracks lane-wide failure across one sync call: stops after a lane error or a run of transient ones. */
export class LaneGuard {
  stopped?: { code: SyncErrorCode; message: string };
  private transientRun = 0;

  /** Records the outcome of one provider call. */
  note(err?: unknown): void {
    if (!err) {
      this.transientRun = 0;
      return;
    }
    if (!isProviderError(err)) return;
    if (LANE_STOP_CODES.has(err.code)) this.stopped ??= { code: err.code, message: err.message };
    else if (err.code === 'TRANSIENT') {
      this.transientRun++;
      if (this.transientRun >= MAX_TRANSIENT_IN_A_ROW) {
        this.stopped ??= { code: 'TRANSIENT', message: `${this.transientRun} transient failures in a row: ${err.message}` };
      }
    } else this.transientRun = 0;
  }
}

/** Runs fn over items with at most `limit` in flight, until the guard stops. Returns items not started. */
export async function forEachLimited<T>(items: readonly T[], limit: number, guard: LaneGuard, fn: (item: T) => Promise<void>): Promise<T[]> {
  let next = 0;
  const worker = async () => {
    while (next < items.length && !guard.stopped) {
      const item = items[next++];
      await fn(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return items.slice(next);
}

/** The error for a ref the call never tried because the guard stopped it. */
export function notAttempted(ref: string, guard: LaneGuard): SyncError {
  return { ref, code: guard.stopped!.code, message: `not attempted: ${guard.stopped!.message}` };
}
