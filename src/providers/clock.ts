/**
 * Time and randomness as injectable dependencies, so retry backoff, rate-limit waits, cache TTLs
 * and budget months can be tested without real waiting.
 */

export interface Clock {
  /** Milliseconds since the epoch. Default: Date.now. */
  now(): number;
  /** Resolves after `ms` milliseconds. Default: an unref'd setTimeout. */
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1). Default: Math.random. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) =>
    new Promise<void>((resolve) => {
      // unref: a pending backoff must not keep a shutting-down process alive.
      setTimeout(resolve, Math.max(0, ms)).unref();
    }),
  random: () => Math.random(),
};

/** Fills the gaps of a partial clock with the system clock. */
export function resolveClock(partial?: Partial<Clock>): Clock {
  return {
    now: partial?.now ?? systemClock.now,
    sleep: partial?.sleep ?? systemClock.sleep,
    random: partial?.random ?? systemClock.random,
  };
}
