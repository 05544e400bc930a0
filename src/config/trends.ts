/** Hashtag trends and spikes (src/analytics/spikes.ts explains the method). */
import { z } from 'zod';
import { int, type ConfigIssue } from './fields';

export const TrendsEnv = z.object({
  TREND_WINDOW_DAYS: int(1, 365).default(30),
  TREND_BASELINE_HOURS: int(6, 24 * 30).default(72),
  TREND_SPIKE_WINDOW_HOURS: int(1, 48).default(3),
  TREND_SPIKE_MIN_CREATORS: int(1).default(4),
  TREND_SPIKE_ALPHA: z.coerce.number().gt(0).lt(1).default(1e-6),
  TREND_SPIKE_K: z.coerce.number().min(0).max(100).default(3),
  TREND_RATE_FLOOR: z.coerce.number().min(0.0001).max(100).default(0.02),
  TREND_GAP_HOURS: int(0, 48).default(3),
  TREND_MIN_BASELINE_HOURS: int(1, 24 * 30).default(24),
  TREND_BOOTSTRAP_SAMPLES: int(20, 100000).default(400),
  TREND_INTERVAL_LEVEL: z.coerce.number().gt(0).lt(1).default(0.9),
  /** A tag is BOTH when the smaller platform holds at least this share of its volume. */
  TREND_SPILLOVER_MIN_SHARE: z.coerce.number().gt(0).max(0.5).default(0.1),
  /** trendSpike publishes spikes whose window ended at most this many hours before the ingest clock. */
  TREND_LIVE_MAX_AGE_HOURS: int(1, 24 * 30).default(24),
});

export interface TrendConfig {
  windowDays: number;
  /** Spike detection (src/analytics/spikes.ts explains the method). */
  spike: {
    /** Trailing hours the baseline is read from. */
    baselineHours: number;
    /** Hours summed by the test. */
    windowHours: number;
    /** Fewest distinct accounts in a window for a spike. */
    minCreators: number;
    /** Largest Poisson tail probability of the window sum that still counts as a spike. */
    alpha: number;
    /** Robust standard deviations (MAD) above the baseline median. */
    k: number;
    /** Lowest hourly rate assumed (a silent tag's baseline). */
    rateFloor: number;
    /** Quiet hours the onset walk and an episode may step over. */
    gapHours: number;
    /** Fewest observed hours a baseline needs (hours before the graph's data are not observed). */
    minBaselineHours: number;
  };
  bootstrapSamples: number;
  intervalLevel: number;
  spilloverMinShare: number;
  liveMaxAgeHours: number;
}

/** A baseline cannot need more observed hours than it reads. */
export const trendsIssue = (e: z.infer<typeof TrendsEnv>): ConfigIssue | undefined =>
  e.TREND_MIN_BASELINE_HOURS > e.TREND_BASELINE_HOURS
    ? { variable: 'TREND_MIN_BASELINE_HOURS', message: 'must not exceed TREND_BASELINE_HOURS' }
    : undefined;

export const trendConfig = (e: z.infer<typeof TrendsEnv>): TrendConfig => ({
  windowDays: e.TREND_WINDOW_DAYS,
  spike: {
    baselineHours: e.TREND_BASELINE_HOURS,
    windowHours: e.TREND_SPIKE_WINDOW_HOURS,
    minCreators: e.TREND_SPIKE_MIN_CREATORS,
    alpha: e.TREND_SPIKE_ALPHA,
    k: e.TREND_SPIKE_K,
    rateFloor: e.TREND_RATE_FLOOR,
    gapHours: e.TREND_GAP_HOURS,
    minBaselineHours: e.TREND_MIN_BASELINE_HOURS,
  },
  bootstrapSamples: e.TREND_BOOTSTRAP_SAMPLES,
  intervalLevel: e.TREND_INTERVAL_LEVEL,
  spilloverMinShare: e.TREND_SPILLOVER_MIN_SHARE,
  liveMaxAgeHours: e.TREND_LIVE_MAX_AGE_HOURS,
});
