/**
 * Live trend spikes: after ingestion writes posts, the rollup hours they touched are checked, and
 * a spike that the new hours completed (its onset within the last `liveMaxAgeHours` of the
 * ingestion clock) is handed to `publish` once: the claim is a graph MERGE (graph/trend-notices.ts),
 * so several processes ingesting into one graph publish it once between them. Wired at the composition root
 * (src/app.ts), which publishes on the shared pub/sub; nothing here knows about the API.
 */
import type { TrendConfig } from '../config';
import type { Platform } from '../graph/model';
import { claimSpikeNotices } from '../graph/trend-notices';
import type { TagHourKey } from '../graph/trend-rollup';
import type { GraphClient } from '../neo4j/graph-client';
import { HOUR_MS, dataStart, dayRange, hourGrid, seriesFromDays, trendWindow, trendsFromSeries, withCategories, type DayRow, type SeriesRow, type Trend } from './trends';

export interface TrendSpikeEvent {
  /** The platform that spiked. */
  platform: Platform;
  /** The tag's trend over the default window up to the ingestion clock. */
  trend: Trend;
}

/**
 * Checks the touched hours for newly completed spikes; returns the events to publish (each at most
 * once across calls and processes).
 */
export async function newSpikes(graph: GraphClient, cfg: TrendConfig, touched: TagHourKey[], now: Date): Promise<TrendSpikeEvent[]> {
  const recentFrom = now.getTime() - cfg.liveMaxAgeHours * HOUR_MS;
  const oldestUseful = recentFrom - cfg.spike.windowHours * HOUR_MS;
  const recent = touched.filter((k) => {
    const t = Date.parse(k.hour);
    return t >= oldestUseful && t <= now.getTime();
  });
  if (recent.length === 0) return [];
  const touchedSides = new Set(recent.map((k) => `${k.platform}|${k.tag}`));
  const tags = [...new Set(recent.map((k) => k.tag))];

  // First pass over the recent hours only (cheap): which touched series spiked lately?
  const live = { since: new Date(recentFrom), until: now };
  const start = await dataStart(graph);
  const candidates = trendsFromSeries(await seriesOf(graph, tags, live, cfg), live, cfg, start).filter((t) =>
    spikedSides(t, recentFrom).some((p) => touchedSides.has(`${p}|${t.tag}`)),
  );
  if (candidates.length === 0) return [];

  // The candidates' full trends over the default window, as hashtagTrends would answer now.
  const w = trendWindow(cfg, now);
  const full = await withCategories(
    graph,
    trendsFromSeries(await seriesOf(graph, candidates.map((c) => c.tag), w, cfg), w, cfg, start),
    w,
  );
  const events = new Map<string, TrendSpikeEvent>();
  for (const t of full) {
    for (const p of spikedSides(t, recentFrom)) {
      if (!touchedSides.has(`${p}|${t.tag}`)) continue;
      const at = p === 'X' ? t.xSpikeAt : t.tiktokSpikeAt;
      events.set(`${p}|${t.tag}|${at!.getTime()}`, { platform: p, trend: t });
    }
  }
  if (events.size === 0) return [];
  const claimed = await claimSpikeNotices(graph, [...events.keys()]);
  return claimed.map((key) => events.get(key)!);
}

function spikedSides(t: Omit<Trend, 'category'>, since: number): Platform[] {
  const out: Platform[] = [];
  if (t.xSpikeAt && t.xSpikeAt.getTime() >= since) out.push('X');
  if (t.tiktokSpikeAt && t.tiktokSpikeAt.getTime() >= since) out.push('TIKTOK');
  return out;
}

async function seriesOf(graph: GraphClient, tags: string[], w: { since: Date; until: Date }, cfg: TrendConfig): Promise<SeriesRow[]> {
  const days = await graph.read<DayRow>('trends/tag-days-of-tags', { tags, ...dayRange(hourGrid(w, cfg)) });
  return seriesFromDays(days);
}
