/**
 * Hashtag trends across X and TikTok: per hashtag, its volume on each platform over a window, when
 * it spiked on each (analytics/spikes.ts), the lag from the X spike to the TikTok spike with a
 * bootstrap interval, which platform led, and whether it spilled over; and per category, the
 * distribution of those lags (the planning window for creator briefs).
 *
 * - Volume: the hourly rollup (graph/trend-rollup.ts): distinct active accounts per hour, summed
 *   over the window's hours ("creator-hours").
 * - Spillover from the volume ratio: BOTH when the smaller platform holds at least
 *   `spilloverMinShare` of the tag's volume, otherwise X_ONLY or TIKTOK_ONLY after the larger one.
 * - Category: the vertical most of the tag's posting accounts share in the window; an account's
 *   vertical is the one whose everyday hashtags it uses most (graph/verticals.ts).
 * - A tag is listed when it spiked on at least one platform in the window: a trend, not a tally.
 */
import type { TrendConfig } from '../config';
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';
import { detectSpikes, lagInterval, onsetSampler, quantile, seededRandom, strongest, type Spike } from './spikes';

export const HOUR_MS = 3_600_000;

export type Spillover = 'BOTH' | 'X_ONLY' | 'TIKTOK_ONLY';

export interface TrendWindow {
  since: Date;
  until: Date;
}

export interface TrendFilter {
  category?: string | null;
  spillover?: Spillover | null;
  /** Fewest creator-hours over both platforms. */
  minVolume?: number | null;
  first?: number;
}

export interface Trend {
  tag: string;
  category: string | null;
  xVolume: number;
  tiktokVolume: number;
  spillover: Spillover;
  leader: Platform | null;
  xSpikeAt: Date | null;
  tiktokSpikeAt: Date | null;
  lagHours: number | null;
  lagHoursLow: number | null;
  lagHoursHigh: number | null;
}

export interface CategoryLagRow {
  category: string;
  medianLagHours: number | null;
  p25LagHours: number | null;
  p75LagHours: number | null;
  samples: number;
}

/** One tag's rollup on one platform, as the trends queries return it. */
export interface SeriesRow {
  tag: string;
  platform: Platform;
  hours: number[];
  counts: number[];
  firsts: number[];
}

/** One tag's day on one platform, as the daily rollup holds it (graph/trend-rollup.ts). */
export interface DayRow {
  tag: string;
  platform: Platform;
  /** The UTC day's start, epoch ms. */
  day: number;
  /** 24 hourly distinct-account counts, and each hour's first post (epoch ms; 0 when empty or not read). */
  counts: number[];
  firsts?: number[];
}

/** The days [from, to) that hold the grid's hours (the first day may start before the grid). */
export function dayRange(g: { from: Date; to: Date }): { from: string; to: string } {
  const day = 24 * HOUR_MS;
  return { from: new Date(Math.floor(g.from.getTime() / day) * day).toISOString(), to: g.to.toISOString() };
}

/** Day rows regrouped as one series per tag and platform (non-empty hours, in time order). */
export function seriesFromDays(days: DayRow[]): SeriesRow[] {
  const byKey = new Map<string, SeriesRow>();
  const sorted = [...days].sort((a, b) => a.day - b.day);
  for (const d of sorted) {
    const key = `${d.platform}|${d.tag}`;
    let s = byKey.get(key);
    if (!s) byKey.set(key, (s = { tag: d.tag, platform: d.platform, hours: [], counts: [], firsts: [] }));
    for (let h = 0; h < 24; h++) {
      if (d.counts[h] > 0) {
        s.hours.push(d.day + h * HOUR_MS);
        s.counts.push(d.counts[h]);
        s.firsts.push(d.firsts?.[h] ?? 0);
      }
    }
  }
  return [...byKey.values()];
}

/** A series laid on the window's hour grid (index 0 = the first baseline hour). */
interface Grid {
  counts: Int32Array;
  firsts: Float64Array;
}

interface TagSide {
  grid: Grid;
  volume: number;
  spike: Spike | null;
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The window's hour grid: baseline hours before `since`, then the window's own hours. */
export function hourGrid(w: TrendWindow, cfg: TrendConfig): { firstHour: number; sinceIdx: number; untilIdx: number; from: Date; to: Date } {
  const sinceHour = Math.floor(w.since.getTime() / HOUR_MS);
  const untilHour = Math.ceil(w.until.getTime() / HOUR_MS);
  const firstHour = sinceHour - cfg.spike.baselineHours;
  return {
    firstHour,
    sinceIdx: sinceHour - firstHour,
    untilIdx: untilHour - firstHour,
    from: new Date(firstHour * HOUR_MS),
    to: new Date(untilHour * HOUR_MS),
  };
}

function layOut(row: SeriesRow, firstHour: number, len: number): Grid {
  const counts = new Int32Array(len);
  const firsts = new Float64Array(len);
  for (let j = 0; j < row.hours.length; j++) {
    const i = Math.floor(row.hours[j] / HOUR_MS) - firstHour;
    if (i < 0 || i >= len) continue;
    counts[i] = row.counts[j];
    firsts[i] = row.firsts[j];
  }
  return { counts, firsts };
}

/** Each tag's sides (X, TikTok): its grid, window volume and strongest spike. */
export type TagSides = Map<string, Partial<Record<Platform, TagSide>>>;

/**
 * Lays each series on the window's grid and finds its strongest spike. Needs the counts only: the
 * first-post times matter for the spikes found, so a caller may fill them in afterwards
 * (`spikeDayKeys`, `fillFirsts`) instead of reading them for every hour of every tag.
 */
export function detectSides(series: SeriesRow[], w: TrendWindow, cfg: TrendConfig, dataStart: number | null): TagSides {
  const g = hourGrid(w, cfg);
  const len = g.untilIdx;
  const observedFrom = dataStart === null ? 0 : Math.floor(dataStart / HOUR_MS) - g.firstHour;
  const byTag: TagSides = new Map();
  for (const row of series) {
    let volume = 0;
    for (let j = 0; j < row.hours.length; j++) {
      const i = Math.floor(row.hours[j] / HOUR_MS) - g.firstHour;
      if (i >= g.sinceIdx && i < g.untilIdx) volume += row.counts[j];
    }
    // Fewer accounts in the whole window than a spike needs: cannot spike, skip the scan.
    const grid = volume >= cfg.spike.minCreators ? layOut(row, g.firstHour, len) : null;
    const spike = grid ? strongest(detectSpikes(grid.counts, grid.firsts, g.sinceIdx, g.untilIdx, cfg.spike, observedFrom)) : null;
    const sides = byTag.get(row.tag) ?? {};
    sides[row.platform] = { grid: grid ?? { counts: new Int32Array(0), firsts: new Float64Array(0) }, volume, spike };
    byTag.set(row.tag, sides);
  }
  return byTag;
}

const dayOfHour = (hour: number) => new Date(hour * HOUR_MS).toISOString().slice(0, 10);

/** Keys ("<PLATFORM>|<tag>|<YYYY-MM-DD>") of the rollup days that hold the spikes' hours. */
export function spikeDayKeys(sides: TagSides, w: TrendWindow, cfg: TrendConfig): string[] {
  const g = hourGrid(w, cfg);
  const keys = new Set<string>();
  for (const [tag, bySide] of sides) {
    for (const [platform, side] of Object.entries(bySide) as [Platform, TagSide][]) {
      if (!side.spike) continue;
      for (let i = side.spike.onset; i < side.spike.end; i++) keys.add(`${platform}|${tag}|${dayOfHour(g.firstHour + i)}`);
    }
  }
  return [...keys];
}

/** Copies the days' first-post times into the grids and the spikes' onsets. */
export function fillFirsts(sides: TagSides, days: (Omit<DayRow, 'counts' | 'firsts'> & { firsts: number[] })[], w: TrendWindow, cfg: TrendConfig): void {
  const g = hourGrid(w, cfg);
  for (const d of days) {
    const side = sides.get(d.tag)?.[d.platform];
    if (!side) continue;
    const base = Math.floor(d.day / HOUR_MS) - g.firstHour;
    for (let h = 0; h < 24; h++) {
      const i = base + h;
      if (i >= 0 && i < side.grid.firsts.length) side.grid.firsts[i] = d.firsts[h];
    }
  }
  for (const bySide of sides.values()) {
    for (const side of Object.values(bySide)) if (side?.spike) side.spike.spikeAt = side.grid.firsts[side.spike.onset];
  }
}

/** The trends of the tags that spiked on a platform, without categories, in no particular order. */
export function assembleTrends(byTag: TagSides, cfg: TrendConfig): Omit<Trend, 'category'>[] {
  const out: Omit<Trend, 'category'>[] = [];
  for (const [tag, sides] of byTag) {
    const x = sides.X;
    const tt = sides.TIKTOK;
    if (!x?.spike && !tt?.spike) continue;
    const xVolume = x?.volume ?? 0;
    const tiktokVolume = tt?.volume ?? 0;
    const minorShare = Math.min(xVolume, tiktokVolume) / Math.max(1, xVolume + tiktokVolume);
    const spillover: Spillover =
      minorShare >= cfg.spilloverMinShare ? 'BOTH' : xVolume >= tiktokVolume ? 'X_ONLY' : 'TIKTOK_ONLY';
    const trend: Omit<Trend, 'category'> = {
      tag,
      xVolume,
      tiktokVolume,
      spillover,
      leader: null,
      xSpikeAt: x?.spike ? new Date(x.spike.spikeAt) : null,
      tiktokSpikeAt: tt?.spike ? new Date(tt.spike.spikeAt) : null,
      lagHours: null,
      lagHoursLow: null,
      lagHoursHigh: null,
    };
    if (x?.spike && tt?.spike) {
      const lag = (tt.spike.spikeAt - x.spike.spikeAt) / HOUR_MS;
      trend.lagHours = round2(lag);
      trend.leader = lag > 0 ? 'X' : lag < 0 ? 'TIKTOK' : null;
      const ci = lagInterval(
        onsetSampler(x.grid.counts, x.grid.firsts, x.spike),
        onsetSampler(tt.grid.counts, tt.grid.firsts, tt.spike),
        cfg.bootstrapSamples,
        cfg.intervalLevel,
        seededRandom(`${tag}|${x.spike.spikeAt}|${tt.spike.spikeAt}`),
      );
      trend.lagHoursLow = round2(Math.min(ci.low, lag));
      trend.lagHoursHigh = round2(Math.max(ci.high, lag));
    }
    out.push(trend);
  }
  return out;
}

/**
 * Trends of the series over the window, without categories (pure: the graph reads are around it).
 * Lists every tag that spiked on a platform in the window, in no particular order.
 */
export function trendsFromSeries(series: SeriesRow[], w: TrendWindow, cfg: TrendConfig, dataStart: number | null): Omit<Trend, 'category'>[] {
  return assembleTrends(detectSides(series, w, cfg, dataStart), cfg);
}

/** Every trend of the window with its category, unfiltered and unordered. */
export async function allTrends(graph: GraphClient, w: TrendWindow, cfg: TrendConfig): Promise<Trend[]> {
  const g = hourGrid(w, cfg);
  const [start, days] = await Promise.all([dataStart(graph), graph.read<DayRow>('trends/tag-days-in-range', dayRange(g))]);
  // Counts first; the first-post times only of the days the spikes found need (a few per spike).
  const sides = detectSides(seriesFromDays(days), w, cfg, start);
  const keys = spikeDayKeys(sides, w, cfg);
  if (keys.length > 0) fillFirsts(sides, await graph.read<Omit<DayRow, 'counts'> & { firsts: number[] }>('trends/tag-day-firsts', { keys }), w, cfg);
  return withCategories(graph, assembleTrends(sides, cfg), w);
}

/** When the graph's post data begin (epoch ms of the first rollup hour), or null when it has none. */
export async function dataStart(graph: GraphClient): Promise<number | null> {
  const rows = await graph.read<{ start: number }>('trends/data-start');
  return rows[0]?.start ?? null;
}

export async function withCategories(graph: GraphClient, trends: Omit<Trend, 'category'>[], w: TrendWindow): Promise<Trend[]> {
  if (trends.length === 0) return [];
  const rows = await graph.read<{ tag: string; category: string | null }>('trends/tag-categories', {
    tags: trends.map((t) => t.tag),
    from: w.since.toISOString(),
    to: w.until.toISOString(),
  });
  const category = new Map(rows.map((r) => [r.tag, r.category]));
  return trends.map((t) => ({ ...t, category: category.get(t.tag) ?? null }));
}

/** Trends of the window after the filters, largest volume first (then by tag), at most `first`. */
export function filterTrends(trends: Trend[], f: TrendFilter): Trend[] {
  const category = f.category?.trim().toLowerCase();
  return trends
    .filter((t) => !category || t.category === category)
    .filter((t) => !f.spillover || t.spillover === f.spillover)
    .filter((t) => f.minVolume == null || t.xVolume + t.tiktokVolume >= f.minVolume)
    .sort((a, b) => b.xVolume + b.tiktokVolume - (a.xVolume + a.tiktokVolume) || (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0))
    .slice(0, f.first ?? 50);
}

export async function hashtagTrends(graph: GraphClient, w: TrendWindow, f: TrendFilter, cfg: TrendConfig): Promise<Trend[]> {
  return filterTrends(await allTrends(graph, w, cfg), f);
}

/** Median and quartiles of the lags per category, from the window's trends that have a lag. */
export function lagsByCategory(trends: Trend[]): CategoryLagRow[] {
  const lags = new Map<string, number[]>();
  for (const t of trends) {
    if (t.lagHours === null || t.category === null) continue;
    const l = lags.get(t.category) ?? [];
    l.push(t.lagHours);
    lags.set(t.category, l);
  }
  return [...lags.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([category, l]) => {
      const s = l.sort((a, b) => a - b);
      return {
        category,
        medianLagHours: round2(quantile(s, 0.5)),
        p25LagHours: round2(quantile(s, 0.25)),
        p75LagHours: round2(quantile(s, 0.75)),
        samples: s.length,
      };
    });
}

export async function categoryLags(graph: GraphClient, w: TrendWindow, cfg: TrendConfig): Promise<CategoryLagRow[]> {
  return lagsByCategory(await allTrends(graph, w, cfg));
}

/** The window a query means: [since, until), by default the last `windowDays` up to `now`. */
export function trendWindow(cfg: TrendConfig, now: Date, since?: Date | null, until?: Date | null): TrendWindow {
  const u = until ?? now;
  return { since: since ?? new Date(u.getTime() - cfg.windowDays * 24 * HOUR_MS), until: u };
}
