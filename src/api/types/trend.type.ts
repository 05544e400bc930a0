import { Field, Float, Int, ObjectType } from 'type-graphql';
import { Platform, SpilloverClass } from './enums';
import { Post } from './post.type';

// Plain data types (often hundreds of posts, chains or trends per answer) use graphql's default
// resolver without the global middlewares, as the graph view's types do (brand.type.ts): a deadline
// check per data field made every field a promise. Field resolvers (@FieldResolver) keep them.
@ObjectType({ simpleResolvers: true })
export class HashtagTrend {
  @Field()
  tag: string;
  @Field(() => String, { nullable: true })
  category: string | null;
  @Field(() => Int)
  xVolume: number;
  @Field(() => Int)
  tiktokVolume: number;
  @Field(() => SpilloverClass)
  spillover: SpilloverClass;
  @Field(() => Platform, { nullable: true, description: 'Platform whose spike came first, if both spiked.' })
  leader: Platform | null;
  @Field(() => Date, { nullable: true })
  xSpikeAt: Date | null;
  @Field(() => Date, { nullable: true })
  tiktokSpikeAt: Date | null;
  @Field(() => Float, { nullable: true, description: 'tiktokSpikeAt - xSpikeAt in hours; negative when TikTok led.' })
  lagHours: number | null;
  @Field(() => Float, { nullable: true })
  lagHoursLow: number | null;
  @Field(() => Float, { nullable: true })
  lagHoursHigh: number | null;
}

@ObjectType({ simpleResolvers: true })
export class CategoryLag {
  @Field()
  category: string;
  @Field(() => Float, { nullable: true })
  medianLagHours: number | null;
  @Field(() => Float, { nullable: true })
  p25LagHours: number | null;
  @Field(() => Float, { nullable: true })
  p75LagHours: number | null;
  @Field(() => Int)
  samples: number;
}

@ObjectType({ simpleResolvers: true })
export class PlatformFirstSeen {
  @Field(() => Platform)
  platform: Platform;
  @Field(() => Date)
  at: Date;
  @Field(() => Post)
  post: Post;
  @Field(() => Int, {
    nullable: true,
    description: 'Bound on how late we could have seen earlier posts on this platform (its polling interval then).',
  })
  collectionLatencySeconds: number | null;
}

@ObjectType({ simpleResolvers: true })
export class Attribution {
  @Field(() => Platform, { nullable: true })
  firstPlatform: Platform | null;
  @Field(() => Post, { nullable: true })
  firstPost: Post | null;
  @Field(() => Int, { nullable: true, description: 'How far the first platform led the other one, in seconds.' })
  leadSeconds: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether the lead outlasts our own blind spot: false when leadSeconds is within the trailing platform's collectionLatencySeconds (an earlier post there that we have not polled yet could reverse it); null when only one platform has the topic.",
  })
  leadCertain: boolean | null;
  @Field(() => [PlatformFirstSeen])
  firstSeen: PlatformFirstSeen[];
}
