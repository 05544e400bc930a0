import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node, PageInfo } from './common.type';
import { MatchEventKind, MatchReason, MatchStatus, Platform } from './enums';

@ObjectType({ simpleResolvers: true })
export class PlatformValue {
  @Field(() => Platform)
  platform: Platform;
  @Field(() => String, { nullable: true, description: 'As the provider returned it.' })
  raw: string | null;
  @Field(() => String, { nullable: true, description: 'As compared, after normalisation.' })
  normalized: string | null;
}

@ObjectType({ description: 'One compared signal and what it contributed to the score.', simpleResolvers: true })
export class MatchEvidence {
  @Field({ description: 'What was compared, e.g. BIO_LINK, USERNAME, DISPLAY_NAME, BIO_TEXT.' })
  signal: string;
  @Field(() => MatchReason, { nullable: true })
  reason: MatchReason | null;
  @Field(() => [PlatformValue])
  values: PlatformValue[];
  @Field(() => Int, { description: 'Points added to the score (negative for a penalty). Probabilistic scoring: the match weight, rounded.' })
  points: number;
  @Field(() => String, { nullable: true, description: 'Probabilistic scoring: the comparison level (EXACT, NORMALIZED, SIMILAR, SHARED_WORD, SHARED_TOKEN, DIFFERENT, MISSING, ...).' })
  level?: string | null;
  @Field(() => Float, { nullable: true, description: 'Probabilistic scoring: log2(m / u), the Bayes factor in bits; 0 for a missing value. The PRIOR item carries the prior odds.' })
  matchWeight?: number | null;
  @Field(() => Float, { nullable: true, description: 'Probabilistic scoring: how often true pairs land on this level.' })
  m?: number | null;
  @Field(() => Float, { nullable: true, description: 'Probabilistic scoring: how often unrelated accounts land on this level (term frequency for equal values).' })
  u?: number | null;
}

@ObjectType({ implements: Node, simpleResolvers: true })
export class Match implements Node {
  @Field(() => ID)
  id: string;
  @Field(() => Int)
  score: number;
  @Field(() => [MatchReason])
  reasons: MatchReason[];
  @Field(() => MatchStatus)
  status: MatchStatus;
  @Field(() => String, { nullable: true })
  reviewedBy: string | null;
  @Field(() => String, { nullable: true })
  reviewNote: string | null;
  @Field(() => Date)
  createdAt: Date;
  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ simpleResolvers: true })
export class MatchEdge {
  @Field()
  cursor: string;
  @Field(() => Match)
  node: Match;
}

@ObjectType({ simpleResolvers: true })
export class MatchConnection {
  @Field(() => [MatchEdge])
  edges: MatchEdge[];
  @Field(() => [Match])
  nodes: Match[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}

@ObjectType({ simpleResolvers: true })
export class ThresholdQuality {
  @Field(() => Int)
  threshold: number;
  @Field(() => Float, { nullable: true })
  precision: number | null;
  @Field(() => Float, { nullable: true })
  recall: number | null;
  @Field(() => Int)
  pairsAtOrAbove: number;
}

@ObjectType({ description: 'Matcher quality measured with reviewer decisions as labels.', simpleResolvers: true })
export class MatchQuality {
  @Field(() => Int)
  labelledPairs: number;
  @Field(() => Int)
  approved: number;
  @Field(() => Int)
  rejected: number;
  @Field(() => [ThresholdQuality])
  byThreshold: ThresholdQuality[];
}

@ObjectType({ simpleResolvers: true })
export class MatchingRun {
  @Field(() => ID)
  id: string;
  @Field(() => Date)
  startedAt: Date;
  @Field(() => Date, { nullable: true })
  finishedAt: Date | null;
  @Field(() => Int)
  accountsConsidered: number;
  @Field(() => Int)
  candidatePairs: number;
  @Field(() => Int)
  auto: number;
  @Field(() => Int)
  pending: number;
  @Field(() => Int)
  unchanged: number;
  @Field(() => Int)
  durationMs: number;
}

@ObjectType({ simpleResolvers: true })
export class MatchEvent {
  @Field(() => MatchEventKind)
  kind: MatchEventKind;
  @Field(() => MatchStatus, { nullable: true })
  previousStatus: MatchStatus | null;
  @Field(() => Int, { nullable: true })
  previousScore: number | null;
  @Field(() => Date)
  at: Date;
  @Field(() => String, { nullable: true, description: "Who made the change: the reviewer's identity, or \"matcher\" for the automatic matcher." })
  actor: string | null;
  @Field(() => String, { nullable: true, description: "The reviewer's note, if any." })
  note: string | null;
}
