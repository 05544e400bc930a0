import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { Node } from './common.type';
import { Platform } from './enums';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Account implements Node {
  @Field(() => ID)
  id: string;
  @Field(() => Platform)
  platform: Platform;
  @Field()
  platformUserId: string;
  @Field()
  username: string;
  @Field(() => String, { nullable: true })
  displayName: string | null;
  @Field(() => String, { nullable: true })
  bio: string | null;
  @Field(() => String, { nullable: true, description: "The profile's link (TikTok bioLink, X url expanded)." })
  bioLink: string | null;
  @Field(() => String, { nullable: true })
  avatarUrl: string | null;
  @Field(() => String, { nullable: true, description: 'TikTok only.' })
  secUid: string | null;
  @Field(() => Boolean, { nullable: true })
  verified: boolean | null;
  @Field(() => Int)
  followers: number;
  @Field(() => Int, { nullable: true })
  following: number | null;
  @Field(() => Float, { nullable: true, description: 'TikTok only: total likes received.' })
  hearts: number | null;
  @Field(() => Int, { nullable: true })
  postCount: number | null;
  @Field(() => Date, { nullable: true })
  lastPostAt: Date | null;
  @Field(() => Date, { nullable: true, description: 'When the provider last returned this profile.' })
  fetchedAt: Date | null;
  @Field({ description: 'False once the provider reports the account gone (deleted, suspended).' })
  active: boolean;
  @Field(() => Date, { nullable: true })
  deactivatedAt: Date | null;
}

@ObjectType({ simpleResolvers: true })
export class AccountSnapshot {
  @Field(() => Date)
  at: Date;
  @Field(() => Int)
  followers: number;
  @Field(() => Int, { nullable: true })
  following: number | null;
  @Field(() => Float, { nullable: true })
  hearts: number | null;
  @Field(() => Int, { nullable: true })
  postCount: number | null;
}
