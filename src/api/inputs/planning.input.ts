import { Field, Float, InputType, Int } from 'type-graphql';

@InputType()
export class PlatformWeightsInput {
  @Field(() => Float, { nullable: true, defaultValue: 1 })
  tiktok?: number | null;
  @Field(() => Float, { nullable: true, defaultValue: 1 })
  x?: number | null;
}

@InputType()
export class ShortlistInput {
  @Field(() => Int, { nullable: true })
  minCombinedReach?: number | null;
  @Field(() => PlatformWeightsInput, { nullable: true })
  weights?: PlatformWeightsInput | null;
  @Field(() => [String], { nullable: true })
  hashtags?: string[] | null;
  @Field(() => Int, { nullable: true, defaultValue: 30 })
  maxStaleDays?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: false })
  includePending?: boolean | null;
  @Field(() => Int, { nullable: true, defaultValue: 50 })
  first?: number | null;
}

@InputType()
export class BudgetInput {
  @Field(() => Int)
  trackedCreators: number;
  @Field(() => Int)
  activelyTracked: number;
  @Field(() => Int, { nullable: true, defaultValue: 30 })
  days?: number | null;
}
