/**
 * Spike detection on one hashtag's hourly volume on one platform, and the spike's onset.
 *
 * Input: `counts[i]` = distinct active accounts that posted the tag in hour i (the rollup), and
 * `firsts[i]` = when the first of them posted (epoch ms). Method (robust to the tag's usual volume):
 *
 * - Baseline: for each hour i, the `baselineHours` hours before it (trailing, so a spike is judged
 *   against what came before it): their median `m`, median absolute deviation `d` and mean. The
 *   hourly rate is `lambda = max(mean, m, rateFloor)` (a silent tag still gets a small rate).
 * - Test: the sum `S` of the `windowHours` hours from i is a spike when all three hold:
 *   `S >= minCreators` (one or two posters are never a trend); the Poisson surprise
 *   `P(X >= S | X ~ Poisson(windowHours * lambda)) <= alpha` (counts of independent posters are
 *   Poisson; an always-busy tag needs a very large excess, a silent one only a handful: "0 to 5"
 *   can be a spike); and `S >= windowHours * m + k * sqrt(windowHours) * 1.4826 * d`, a robust
 *   z-score that guards busy tags whose hours vary more than Poisson would.
 * - Episode: consecutive passing windows (gaps up to `gapHours` hours) are one spike. Its onset
 *   is the earliest hour above the detection baseline (`count > m + s`, with the hourly noise
 *   `s = max(1.4826 * d, sqrt(lambda))`) reached walking back from
 *   the first such hour in the first passing window, stepping over quiet gaps of at most `gapHours`;
 *   `spikeAt` is the first post of the onset hour. The strongest episode (largest window sum) is
 *   the series' spike.
 * - Interval: a bootstrap over the episode's accounts. Each replicate redraws the episode's
 *   above-baseline accounts (multinomial over its hours, weights = their counts); the replicate's
 *   onset is the first post of the earliest hour drawn. With many accounts in the first hours the
 *   onset hardly moves; with a thin start (one early poster, then a gap) it moves by hours, so the
 *   lag interval widens exactly when the data are thin. Only the earliest drawn hour matters, so
 *   it is sampled directly from P(earliest >= j) = (1 - F(j-1))^n.
 *
 * - Hours before the graph's first data are not baseline: a window needs `minBaselineHours`
 *   observed hours before it, so a backfill's first day cannot make every busy tag "spike".
 *
 * All parameters come from configuration (TREND_* variables, see README).
 */
import type { TrendConfig } from '../config';

/** The spike parameters (TREND_* configuration; meanings in TrendConfig['spike']). */
export type SpikeParams = TrendConfig['spike'];

export interface Spike {
  /** Hour index of the first passing window. */
  detectedAt: number;
  /** Hour index of the onset, and its first post (epoch ms). */
  onset: number;
  spikeAt: number;
  /** Hour index one past the episode's last passing window's end. */
  end: number;
  /** Largest window sum of the episode. */
  peak: number;
  /** Detection baseline: median and noise per hour. */
  baseline: number;
  noise: number;
}

/** Sliding histogram of small non-negative integers, for trailing median and MAD. */
class SlidingHistogram {
  private readonly h: number[] = [];
  n = 0;
  sum = 0;
  add(v: number): void {
    while (this.h.length <= v) this.h.push(0);
    this.h[v]++;
    this.n++;
    this.sum += v;
  }
  remove(v: number): void {
    this.h[v]--;
    this.n--;
    this.sum -= v;
  }
  /** Lower median (the k-th smallest, k = floor((n-1)/2)). */
  median(): number {
    const k = Math.floor((this.n - 1) / 2);
    let seen = 0;
    for (let v = 0; v < this.h.length; v++) {
      seen += this.h[v];
      if (seen > k) return v;
    }
    return 0;
  }
  /** Lower median of |x - m|. */
  mad(m: number): number {
    const k = Math.floor((this.n - 1) / 2);
    let seen = this.h[m] ?? 0;
    if (seen > k) return 0;
    for (let dist = 1; dist < this.h.length; dist++) {
      seen += (this.h[m - dist] ?? 0) + (this.h[m + dist] ?? 0);
      if (seen > k) return dist;
    }
    return 0;
  }
}

/**
 * Finds the spike episodes of one series whose first passing window starts in [from, to).
 * Hours before `from` serve as baseline only; hours before `observedFrom` (before the graph holds
 * any data) are no baseline at all: a busy tag is not "spiking" on the first day of a backfill.
 * Returns episodes in time order.
 */
export function detectSpikes(
  counts: ArrayLike<number>,
  firsts: ArrayLike<number>,
  from: number,
  to: number,
  p: SpikeParams,
  observedFrom = 0,
): Spike[] {
  const len = counts.length;
  const w = p.windowHours;
  const out: Spike[] = [];
  const hist = new SlidingHistogram();
  const seen = (j: number) => j >= observedFrom && j >= 0;
  // The baseline before hour i covers the observed hours of [i - B, i).
  const start = Math.max(0, from);
  for (let j = start - p.baselineHours; j < start; j++) if (seen(j)) hist.add(j < len ? counts[j] : 0);
  let windowSum = 0;
  for (let j = start; j < Math.min(len, start + w); j++) windowSum += counts[j];
  let current: Spike | null = null;
  let lastPass = -Infinity;
  const last = Math.min(to, len - 1);
  for (let i = start; i <= last; i++) {
    if (i > start) {
      const old = i - 1 - p.baselineHours;
      if (seen(old)) hist.remove(counts[old]);
      if (seen(i - 1)) hist.add(counts[i - 1]);
      windowSum += (i + w - 1 < len ? counts[i + w - 1] : 0) - counts[i - 1];
    }
    if (i >= to) break;
    if (windowSum < p.minCreators || hist.n < p.minBaselineHours) continue;
    // lambda >= the mean: a window at or below the mean rate fails below, skip the median first.
    if (windowSum <= w * Math.max(hist.sum / hist.n, p.rateFloor)) continue;
    const m = hist.median();
    const d = hist.mad(m);
    const lambda = Math.max(hist.sum / hist.n, m, p.rateFloor);
    if (windowSum <= w * lambda || windowSum < w * m + p.k * Math.sqrt(w) * 1.4826 * d) continue;
    if (poissonTail(windowSum, w * lambda) > p.alpha) continue;
    const s = Math.max(1.4826 * d, Math.sqrt(lambda));
    if (current && i - lastPass <= w + p.gapHours) {
      current.end = Math.min(len, i + w);
      current.peak = Math.max(current.peak, windowSum);
    } else {
      const onset = onsetOf(counts, i, w, m + s, p.gapHours, Math.max(0, i - p.baselineHours));
      current = { detectedAt: i, onset, spikeAt: firsts[onset], end: Math.min(len, i + w), peak: windowSum, baseline: m, noise: s };
      out.push(current);
    }
    lastPass = i;
  }
  return out;
}

const LOG_FACTORIAL: number[] = [0];
function logFactorial(n: number): number {
  for (let i = LOG_FACTORIAL.length; i <= n; i++) LOG_FACTORIAL.push(LOG_FACTORIAL[i - 1] + Math.log(i));
  return LOG_FACTORIAL[n];
}

/** P(X >= s) for X ~ Poisson(mu), s > mu (the terms then shrink, so the sum converges fast). */
export function poissonTail(s: number, mu: number): number {
  let term = Math.exp(-mu + s * Math.log(mu) - logFactorial(s));
  let total = 0;
  for (let x = s; term > total * 1e-12 && x < s + 10_000; x++) {
    total += term;
    term *= mu / (x + 1);
  }
  return Math.min(1, total);
}

/** Earliest hour above `level`, walking back from the first such hour of the window at i. */
function onsetOf(counts: ArrayLike<number>, i: number, w: number, level: number, gap: number, floor: number): number {
  let first = i;
  for (let j = i; j < Math.min(counts.length, i + w); j++) {
    if (counts[j] > level) {
      first = j;
      break;
    }
  }
  let onset = first;
  for (let j = first - 1; j >= floor && onset - j <= gap + 1; j--) {
    if (counts[j] > level) onset = j;
  }
  return onset;
}

/** The strongest episode (largest window sum; the earlier on a tie), or null. */
export function strongest(spikes: Spike[]): Spike | null {
  let best: Spike | null = null;
  for (const s of spikes) if (!best || s.peak > best.peak) best = s;
  return best;
}

/** Deterministic PRNG (mulberry32) seeded from a string, so an answer never changes between calls. */
export function seededRandom(seedText: string): () => number {
  let a = 2166136261;
  for (let i = 0; i < seedText.length; i++) a = Math.imul(a ^ seedText.charCodeAt(i), 16777619);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Sampler of bootstrap onsets (epoch ms) of one spike: the first post of the earliest hour drawn
 * when the episode's above-baseline accounts are redrawn.
 */
export function onsetSampler(counts: ArrayLike<number>, firsts: ArrayLike<number>, spike: Spike): (u: number) => number {
  const hours: number[] = [];
  const weights: number[] = [];
  for (let j = spike.onset; j < spike.end; j++) {
    const excess = counts[j] - spike.baseline;
    if (excess > 0) {
      hours.push(j);
      weights.push(excess);
    }
  }
  const n = weights.reduce((a, b) => a + b, 0);
  if (n === 0) return () => spike.spikeAt;
  // survival[j] = P(earliest drawn hour index >= j) = (1 - F(j-1))^n.
  const survival: number[] = [];
  let cum = 0;
  for (let j = 0; j < hours.length; j++) {
    survival.push(Math.pow(Math.max(0, 1 - cum / n), n));
    cum += weights[j];
  }
  return (u: number) => {
    // The earliest drawn hour is the last j with survival[j] > u.
    let j = 0;
    while (j + 1 < hours.length && survival[j + 1] > u) j++;
    return firsts[hours[j]];
  };
}

/** Percentile (0..1) of a sorted array, linear between ranks. */
export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Bootstrap interval of (tiktok onset - x onset) in hours, at `level` (e.g. 0.9). */
export function lagInterval(
  x: (u: number) => number,
  tiktok: (u: number) => number,
  samples: number,
  level: number,
  rand: () => number,
): { low: number; high: number } {
  const lags: number[] = [];
  for (let b = 0; b < samples; b++) lags.push((tiktok(rand()) - x(rand())) / 3_600_000);
  lags.sort((a, b) => a - b);
  return { low: quantile(lags, (1 - level) / 2), high: quantile(lags, (1 + level) / 2) };
}
