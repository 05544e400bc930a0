import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Creator } from './creator.type';
import { LaneState, Platform, XTier } from './enums';
import { ReachEstimate } from './reach.type';
import { UserError } from './common.type';

@ObjectType({ simpleResolvers: true })
export class ShortlistEntry {
  @Field(() => Int)
  rank: number;
  @Field(() => Creator)
  creator: Creator;
  @Field(() => Float)
  score: number;
  @Field(() => ReachEstimate)
  reach: ReachEstimate;
  @Field(() => [String])
  why: string[];
}

@ObjectType({ description: "What a lane has spent this calendar month (UTC), from its budget.", simpleResolvers: true })
export class LaneSpend {
  @Field(() => Platform)
  platform: Platform;
  @Field({ description: 'What is counted, e.g. "TikLiveAPI credits".' })
  unit: string;
  @Field(() => Int, { nullable: true, description: 'Spent this month; null when the lane keeps no monthly meter.' })
  used: number | null;
  @Field(() => Int, { nullable: true })
  limit: number | null;
  @Field()
  note: string;
}

@ObjectType({ simpleResolvers: true })
export class BudgetProjection {
  @Field(() => Int)
  tiktokCreditsLow: number;
  @Field(() => Int)
  tiktokCreditsHigh: number;
  @Field(() => XTier)
  xTier: XTier;
  @Field(() => Float, { nullable: true })
  xMonthlyUsdLow: number | null;
  @Field(() => Float, { nullable: true })
  xMonthlyUsdHigh: number | null;
  @Field(() => Int)
  xPostReadsPerMonth: number;
  @Field(() => [String])
  notes: string[];
  @Field({ description: 'Date of the prices and limits used (config/planning.json).' })
  pricesAsOf: string;
  @Field(() => [LaneSpend], { description: 'What the lanes actually spent so far this month, beside the projection.' })
  spentThisMonth: LaneSpend[];
}

@ObjectType({ simpleResolvers: true })
export class LineageEntry {
  @Field({ description: 'Graph property, e.g. Account.followers.' })
  field: string;
  @Field(() => Platform, { nullable: true })
  platform: Platform | null;
  @Field()
  provider: string;
  @Field()
  endpoint: string;
}

@ObjectType({ simpleResolvers: true })
export class LaneStatus {
  @Field(() => Platform)
  platform: Platform;
  @Field()
  provider: string;
  @Field(() => LaneState)
  state: LaneState;
  @Field(() => Date, { nullable: true })
  lastSuccessAt: Date | null;
  @Field(() => Date, { nullable: true })
  lastErrorAt: Date | null;
  @Field(() => String, { nullable: true })
  lastError: string | null;
  @Field(() => Int)
  requestsLastHour: number;
  @Field(() => Date, { nullable: true })
  rateLimitResetAt: Date | null;
  @Field(() => Int)
  queueDepth: number;
  @Field({ description: 'True while the lane waits for its credit budget or usage cap to reopen.' })
  paused: boolean;
  @Field(() => Int, { description: 'Lane jobs finished by this process since start.' })
  jobsDone: number;
  @Field(() => Int, { description: 'Lane jobs that failed outright (not per-account provider errors).' })
  jobsFailed: number;
  @Field(() => Int, { description: 'Profiles written by this process since start.' })
  accountsWritten: number;
  @Field(() => Int, { description: 'Posts written by this process since start.' })
  postsWritten: number;
  @Field(() => Int, { nullable: true, description: 'TikLiveAPI: credits used this month.' })
  creditsUsed: number | null;
  @Field(() => Int, { nullable: true, description: 'TikLiveAPI: the monthly credit budget.' })
  creditsLimit: number | null;
}

@ObjectType({ simpleResolvers: true })
export class TrackCreatorPayload {
  @Field(() => Creator, { nullable: true })
  creator: Creator | null;
  @Field(() => [UserError])
  errors: UserError[];
}
