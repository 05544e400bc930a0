import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node, PageInfo } from './common.type';
import { Creator } from './creator.type';
import { AmplificationKind, Platform } from './enums';

// Every plain data type (often hundreds of posts, chains or trends per answer) uses graphql's default
// resolver without the global middlewares, as the graph view's types do (brand.type.ts): a deadline
// check per data field made every field a promise. Field resolvers (@FieldResolver) keep them.
@ObjectType({ simpleResolvers: true })
export class PostMetrics {
  @Field(() => Float, { nullable: true })
  views: number | null;
  @Field(() => Float)
  likes: number;
  @Field(() => Float)
  comments: number;
  @Field(() => Float)
  shares: number;
  @Field(() => Float, { nullable: true })
  quotes: number | null;
  @Field(() => Float, { nullable: true })
  bookmarks: number | null;
}

@ObjectType({ implements: Node, simpleResolvers: true })
export class Post implements Node {
  @Field(() => ID)
  id: string;
  @Field(() => Platform)
  platform: Platform;
  @Field()
  platformPostId: string;
  @Field()
  url: string;
  @Field(() => String, { nullable: true })
  text: string | null;
  @Field(() => Date)
  createdAt: Date;
  @Field(() => Float, { description: 'likes + comments + shares (+ quotes on X).' })
  engagement: number;
}

@ObjectType({ simpleResolvers: true })
export class PostEdge {
  @Field()
  cursor: string;
  @Field(() => Post)
  node: Post;
}

@ObjectType({ simpleResolvers: true })
export class PostConnection {
  @Field(() => [PostEdge])
  edges: PostEdge[];
  @Field(() => [Post])
  nodes: Post[];
  @Field(() => PageInfo)
  pageInfo: PageInfo;
  @Field(() => Int)
  totalCount: number;
}

@ObjectType({ description: 'An AMPLIFIED edge: amplifier -[:AMPLIFIED]-> source.', simpleResolvers: true })
export class Amplification {
  @Field(() => AmplificationKind)
  kind: AmplificationKind;
  @Field(() => Int)
  lagSeconds: number;
  @Field(() => Float)
  confidence: number;
}

@ObjectType({ simpleResolvers: true })
export class PlatformEngagement {
  @Field(() => Platform)
  platform: Platform;
  @Field(() => Int)
  posts: number;
  @Field(() => Float)
  engagement: number;
}

@ObjectType({ simpleResolvers: true })
export class AmplificationChain {
  @Field(() => Post)
  root: Post;
  @Field(() => [Post], { description: 'Root first, then in time order.' })
  posts: Post[];
  @Field(() => [Amplification])
  links: Amplification[];
  @Field(() => [Platform])
  platforms: Platform[];
  @Field(() => [Creator])
  creators: Creator[];
  @Field(() => Int, { description: 'Hops on the longest amplification path from the root (1: the root\'s direct amplifiers only).' })
  depth: number;
  @Field(() => Int, { description: 'Seconds from the root to the chain\'s last post.' })
  spanSeconds: number;
  @Field()
  crossPlatform: boolean;
  @Field(() => Float)
  totalEngagement: number;
  @Field(() => [PlatformEngagement])
  byPlatform: PlatformEngagement[];
}
