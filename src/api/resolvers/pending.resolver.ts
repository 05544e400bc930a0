/**
 * Contract fields whose features land with later work (ingestion, matching runs, analytics). They
 * are in the schema now so it stays a superset of the contract; until then they answer a clear
 * NOT_IMPLEMENTED error rather than a wrong or empty result.
 */
import { Arg, ID, Int, Query, Resolver, Root, Subscription } from 'type-graphql';
import { notImplemented } from '../errors';
import { Platform, SpilloverClass } from '../types/enums';
import { Amplification, AmplificationChain } from '../types/post.type';
import { Attribution, CategoryLag, HashtagTrend } from '../types/trend.type';

const INGEST = 'ingestion lanes';
const ANALYTICS = 'analytics';

@Resolver()
export class PendingQueryResolver {
  @Query(() => [AmplificationChain])
  amplificationChains(
    @Arg('creatorId', () => ID, { nullable: true }) _c?: string,
    @Arg('campaignId', () => ID, { nullable: true }) _k?: string,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('crossPlatformOnly', () => Boolean, { nullable: true, defaultValue: true }) _x?: boolean,
    @Arg('minDepth', () => Int, { nullable: true, defaultValue: 2 }) _d?: number,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) _f?: number,
  ): AmplificationChain[] {
    throw notImplemented('amplificationChains', ANALYTICS);
  }

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

  @Query(() => Attribution, { description: 'Which platform a story broke on: give a hashtag, a URL or a phrase.' })
  attribution(
    @Arg('hashtag', () => String, { nullable: true }) _h?: string,
    @Arg('url', () => String, { nullable: true }) _u?: string,
    @Arg('text', () => String, { nullable: true }) _t?: string,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
  ): Attribution {
    throw notImplemented('attribution', ANALYTICS);
  }
}

@Resolver()
export class PendingSubscriptionResolver {
  @Subscription(() => Amplification, { subscribe: () => { throw notImplemented('amplificationDetected', INGEST); } })
  amplificationDetected(@Root() a: Amplification, @Arg('creatorId', () => ID, { nullable: true }) _c?: string) {
    return a;
  }

  @Subscription(() => HashtagTrend, { subscribe: () => { throw notImplemented('trendSpike', ANALYTICS); } })
  trendSpike(
    @Root() t: HashtagTrend,
    @Arg('platform', () => Platform, { nullable: true }) _p?: Platform,
    @Arg('category', () => String, { nullable: true }) _c?: string,
  ) {
    return t;
  }
}
