/**
 * Hashtag trends (analytics/trends.ts): hashtagTrends, categoryLags and the trendSpike
 * subscription (published by the live spike check wired in src/app.ts).
 */
import { Arg, Ctx, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import type { TrendSpikeEvent } from '../../analytics/live-spikes';
import { categoryLags, hashtagTrends, trendWindow, type Trend, type TrendWindow } from '../../analytics/trends';
import type { Context } from '../context';
import { badInput } from '../errors';
import { TREND_SPIKE } from '../pubsub';
import { Platform, SpilloverClass } from '../types/enums';
import { CategoryLag, HashtagTrend } from '../types/trend.type';

const MAX_WINDOW_DAYS = 366;
const MAX_FIRST = 1000;

function windowOf(ctx: Context, since?: Date | null, until?: Date | null): TrendWindow {
  for (const [name, d] of [['since', since], ['until', until]] as const) {
    if (d && Number.isNaN(d.getTime())) throw badInput(`${name} is not a valid date-time`, name);
  }
  const w = trendWindow(ctx.config.trends, new Date(), since, until);
  if (w.since.getTime() >= w.until.getTime()) throw badInput('since must be before until', 'since');
  if (w.until.getTime() - w.since.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    throw badInput(`the window may span at most ${MAX_WINDOW_DAYS} days`, 'since');
  }
  return w;
}

function toType(t: Trend): HashtagTrend {
  return Object.assign(new HashtagTrend(), { ...t, spillover: t.spillover as SpilloverClass, leader: t.leader as Platform | null });
}

@Resolver()
export class TrendQueryResolver {
  @Query(() => [HashtagTrend], {
    description:
      'Hashtags that spiked on X or TikTok in [since, until) (default: the last TREND_WINDOW_DAYS days), largest volume first. Volumes are creator-hours (distinct active accounts per hour, summed).',
  })
  async hashtagTrends(
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
    @Arg('category', () => String, { nullable: true }) category?: string | null,
    @Arg('spillover', () => SpilloverClass, { nullable: true }) spillover?: SpilloverClass | null,
    @Arg('minVolume', () => Int, { nullable: true }) minVolume?: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) first?: number,
  ): Promise<HashtagTrend[]> {
    const w = windowOf(ctx, since, until);
    const n = first ?? 50;
    if (n < 0 || n > MAX_FIRST) throw badInput(`first must be between 0 and ${MAX_FIRST}`, 'first');
    if (minVolume != null && minVolume < 0) throw badInput('minVolume must not be negative', 'minVolume');
    const trends = await hashtagTrends(ctx.graph, w, { category, spillover, minVolume, first: n }, ctx.config.trends);
    return trends.map(toType);
  }

  @Query(() => [CategoryLag], { description: 'Median and quartiles of the X-to-TikTok spike lag per category, over the trends of [since, until).' })
  async categoryLags(
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
  ): Promise<CategoryLag[]> {
    const rows = await categoryLags(ctx.graph, windowOf(ctx, since, until), ctx.config.trends);
    return rows.map((r) => Object.assign(new CategoryLag(), r));
  }
}

interface TrendSpikeArgs {
  platform?: Platform | null;
  category?: string | null;
}

@Resolver()
export class TrendSubscriptionResolver {
  @Subscription(() => HashtagTrend, {
    topics: TREND_SPIKE,
    description: 'A hashtag whose newly ingested hour completed a spike on a platform.',
    filter: ({ payload, args }: { payload: TrendSpikeEvent; args: TrendSpikeArgs }) =>
      (!args.platform || args.platform === payload.platform) &&
      (!args.category || args.category.trim().toLowerCase() === payload.trend.category),
  })
  trendSpike(
    @Root() event: TrendSpikeEvent,
    @Arg('platform', () => Platform, { nullable: true }) _platform?: Platform | null,
    @Arg('category', () => String, { nullable: true }) _category?: string | null,
  ): HashtagTrend {
    // Through Redis the dates arrive as strings.
    const t = event.trend;
    const date = (d: Date | string | null) => (d === null ? null : new Date(d));
    return toType({ ...t, xSpikeAt: date(t.xSpikeAt), tiktokSpikeAt: date(t.tiktokSpikeAt) });
  }
}
