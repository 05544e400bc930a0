import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Account } from './account.type';
import { Node } from './common.type';
import { Creator } from './creator.type';
import { AmplificationKind, GraphNodeKind, Platform } from './enums';
import { Post } from './post.type';

@ObjectType({ description: 'A topic (hashtag or link) a brand pushed on both platforms, and which went first.', simpleResolvers: true })
export class Launch {
  @Field()
  topic: string;
  @Field(() => Platform)
  firstPlatform: Platform;
  @Field(() => Date)
  firstAt: Date;
  @Field(() => Date, { nullable: true })
  xFirstAt: Date | null;
  @Field(() => Date, { nullable: true })
  tiktokFirstAt: Date | null;
  @Field(() => Float, { nullable: true })
  leadHours: number | null;
  @Field(() => [Post])
  posts: Post[];
}

// Plain data, often thousands of fields per answer: served by graphql's default resolver, without
// the global middlewares (a deadline check per field made every field a promise).
@ObjectType({ simpleResolvers: true })
export class GraphNode {
  @Field(() => ID)
  id: string;
  @Field(() => GraphNodeKind)
  kind: GraphNodeKind;
  @Field()
  label: string;
  @Field(() => Platform, { nullable: true })
  platform: Platform | null;
  @Field(() => Float, { nullable: true })
  weight: number | null;
}

@ObjectType({ simpleResolvers: true })
export class GraphEdge {
  @Field(() => ID)
  id: string;
  @Field(() => ID)
  source: string;
  @Field(() => ID)
  target: string;
  @Field({ description: 'Relationship type, e.g. MATCHED_TO, AMPLIFIED, HAS_ACCOUNT, POSTED, TAGGED, OWNS.' })
  type: string;
  @Field(() => Float, { nullable: true })
  weight: number | null;
  @Field(() => AmplificationKind, { nullable: true, description: 'AMPLIFIED edges: the kind of amplification (null for other types).' })
  kind: AmplificationKind | null;
}

@ObjectType({ description: 'A subgraph ready for a graph view.', simpleResolvers: true })
export class Graph {
  @Field(() => [GraphNode])
  nodes: GraphNode[];
  @Field(() => [GraphEdge])
  edges: GraphEdge[];
}

@ObjectType({ implements: Node, simpleResolvers: true })
export class Brand implements Node {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field()
  competitor: boolean;
  @Field(() => [Account])
  accounts: Account[];
}

@ObjectType({ simpleResolvers: true })
export class CreatorAmplification {
  @Field(() => Creator)
  creator: Creator;
  @Field()
  repostedOnX: boolean;
  @Field(() => Float)
  tiktokEngagement: number;
  @Field(() => Float)
  xEngagement: number;
  @Field(() => Int, { description: 'Campaign posts on TikTok (see analytics/campaign-posts for what counts).' })
  tiktokPosts: number;
  @Field(() => Int, { description: 'Campaign posts on X: campaign hashtags, or the creator carrying their campaign TikTok over.' })
  xPosts: number;
}

@ObjectType({ implements: Node, simpleResolvers: true })
export class Campaign implements Node {
  @Field(() => ID)
  id: string;
  @Field()
  name: string;
  @Field(() => Brand, { nullable: true })
  brand: Brand | null;
  @Field(() => [String])
  hashtags: string[];
  @Field(() => Date, { nullable: true })
  startsAt: Date | null;
  @Field(() => Date, { nullable: true })
  endsAt: Date | null;
  @Field(() => [Creator])
  creators: Creator[];
  @Field(() => [CreatorAmplification], { description: 'Per sponsored creator: did they amplify on X, and what did X add.' })
  amplification: CreatorAmplification[];
}
