/**
 * Contract fields whose features land with later work (ingestion, matching runs, analytics). They
 * are in the schema now so it stays a superset of the contract; until then they answer a clear
 * NOT_IMPLEMENTED error rather than a wrong or empty result.
 */
import { Arg, Authorized, FieldResolver, ID, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { notImplemented } from '../errors';
import { BrandInput, CampaignInput } from '../inputs/brand.input';
import { BudgetInput, ShortlistInput } from '../inputs/planning.input';
import { Brand, Campaign, Graph, Launch } from '../types/brand.type';
import { Platform, SpilloverClass } from '../types/enums';
import { BudgetProjection, ShortlistEntry } from '../types/planning.type';
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

  @Query(() => [Brand])
  brands(@Arg('competitor', () => Boolean, { nullable: true }) _c?: boolean): Brand[] {
    throw notImplemented('brands', ANALYTICS);
  }

  @Query(() => Graph)
  competitorGraph(
    @Arg('brandId', () => ID) _b: string,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 300 }) _l?: number,
  ): Graph {
    throw notImplemented('competitorGraph', ANALYTICS);
  }

  @Query(() => Graph, { description: 'The subgraph around any node id, for graph views.' })
  neighborhood(
    @Arg('id', () => ID) _id: string,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) _d?: number,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200 }) _l?: number,
  ): Graph {
    throw notImplemented('neighborhood', ANALYTICS);
  }

  @Query(() => [Campaign])
  campaigns(): Campaign[] {
    throw notImplemented('campaigns', ANALYTICS);
  }

  @Query(() => [ShortlistEntry])
  campaignShortlist(@Arg('input', () => ShortlistInput) _i: ShortlistInput): ShortlistEntry[] {
    throw notImplemented('campaignShortlist', ANALYTICS);
  }

  @Query(() => BudgetProjection)
  budgetProjection(@Arg('input', () => BudgetInput) _i: BudgetInput): BudgetProjection {
    throw notImplemented('budgetProjection', ANALYTICS);
  }

}

@Resolver()
export class PendingMutationResolver {
  @Mutation(() => Brand)
  @Authorized('admin')
  createBrand(@Arg('input', () => BrandInput) _i: BrandInput): Brand {
    throw notImplemented('createBrand', ANALYTICS);
  }

  @Mutation(() => Campaign)
  @Authorized('admin')
  createCampaign(@Arg('input', () => CampaignInput) _i: CampaignInput): Campaign {
    throw notImplemented('createCampaign', ANALYTICS);
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

@Resolver(() => Brand)
export class BrandFieldsResolver {
  @FieldResolver(() => [Launch])
  launches(
    @Root() _b: Brand,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('until', () => Date, { nullable: true }) _u?: Date,
  ): Launch[] {
    throw notImplemented('Brand.launches', ANALYTICS);
  }

  @FieldResolver(() => Graph)
  graph(
    @Root() _b: Brand,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 300 }) _l?: number,
  ): Graph {
    throw notImplemented('Brand.graph', ANALYTICS);
  }
}
