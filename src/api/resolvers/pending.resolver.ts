/**
 * Contract fields whose features land with later work (ingestion, matching runs, analytics). They
 * are in the schema now so it stays a superset of the contract; until then they answer a clear
 * NOT_IMPLEMENTED error rather than a wrong or empty result.
 */
import { Arg, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { notImplemented } from '../errors';
import { Platform, SpilloverClass } from '../types/enums';
import { CategoryLag, HashtagTrend } from '../types/trend.type';

const ANALYTICS = 'analytics';

@Resolver()
export class PendingQueryResolver {
  @Query(() => [HashtagTrend])
  hashtagTrends(
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('until', () => Date, { nullable: true }) _u?: Date,
    @Arg('category', () => String, { nullable: true }) _c?: string,
    @Arg('spillover', () => SpilloverClass, { nullable: true }) _p?: SpilloverClass,
    @Arg('minVolume', () => Int, { nullable: true }) _m?: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: 50 }) _f?: number,
  ): HashtagTrend[] {
    throw notImplemented('hashtagTrends', ANALYTICS);
  }

  @Query(() => [CategoryLag])
  categoryLags(
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('until', () => Date, { nullable: true }) _u?: Date,
  ): CategoryLag[] {
    throw notImplemented('categoryLags', ANALYTICS);
  }
}

@Resolver()
export class PendingSubscriptionResolver {
  @Subscription(() => HashtagTrend, { subscribe: () => { throw notImplemented('trendSpike', ANALYTICS); } })
  trendSpike(
    @Root() t: HashtagTrend,
    @Arg('platform', () => Platform, { nullable: true }) _p?: Platform,
    @Arg('category', () => String, { nullable: true }) _c?: string,
  ) {
    return t;
  }
}
