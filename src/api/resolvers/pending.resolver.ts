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
import { BudgetProjection, ShortlistEntry } from '../types/planning.type';
import { Amplification, AmplificationChain } from '../types/post.type';
import { Attribution } from '../types/trend.type';

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

  @Query(() => Attribution, { description: 'Which platform a story broke on: give a hashtag, a URL or a phrase.' })
  attribution(
    @Arg('hashtag', () => String, { nullable: true }) _h?: string,
    @Arg('url', () => String, { nullable: true }) _u?: string,
    @Arg('text', () => String, { nullable: true }) _t?: string,
    @Arg('since', () => Date, { nullable: true }) _s?: Date,
  ): Attribution {
    throw notImplemented('attribution', ANALYTICS);
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
  @Subscription(() => Amplification, { subscribe: () => { throw notImplemented('amplificationDetected', INGEST); } })
  amplificationDetected(@Root() a: Amplification, @Arg('creatorId', () => ID, { nullable: true }) _c?: string) {
    return a;
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
