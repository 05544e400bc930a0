import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node, PageInfo } from './common.type';
import { TrackingTier } from './enums';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Creator implements Node {
  @Field(() => ID, { description: "The canonical id: ours, not any platform's; stable across rematching." })
  id: string;
  @Field()
  displayName: string;
  @Field()
  active: boolean;
  @Field()
  tracked: boolean;
  @Field(() => TrackingTier, { nullable: true })
  tier: TrackingTier | null;
  @Field({ description: 'True once at least the configured backfill window of posts is loaded on every platform the creator is on.' })
  backfilled: boolean;
  @Field(() => Date, { nullable: true })
  lastPostAt: Date | null;
  @Field(() => Date)
  createdAt: Date;
  @Field(() => Date)
  updatedAt: Date;
}

@ObjectType({ simpleResolvers: true })
export class SimilarCreator {
  @Field(() => Creator)
  creator: Creator;
  @Field(() => Float)
  score: number;
  @Field(() => [String])
  sharedHashtags: string[];
  @Field(() => Int, { description: 'Accounts that amplified both creators.' })
  sharedAmplifiers: number;
}

@ObjectType({ simpleResolvers: true })
export class CreatorEdge {
  @Field()
  cursor: string;
  @Field(() => Creator)
  node: Creator;
}

@ObjectType({ simpleResolvers: true })
export class CreatorConnection {
  @Field(() => [CreatorEdge])
  edges: CreatorEdge[];
  @Field(() => [Creator])
  nodes: Creator[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}
