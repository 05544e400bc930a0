import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class BrandInput {
  @Field()
  name: string;
  @Field(() => Boolean, { nullable: true, defaultValue: true })
  competitor?: boolean | null;
  @Field(() => String, { nullable: true })
  tiktokUsername?: string | null;
  @Field(() => String, { nullable: true })
  xUsername?: string | null;
}

@InputType()
export class CampaignInput {
  @Field()
  name: string;
  @Field(() => ID, { nullable: true })
  brandId?: string | null;
  @Field(() => [String])
  hashtags: string[];
  @Field(() => [ID])
  creatorIds: string[];
  @Field(() => Date, { nullable: true })
  startsAt?: Date | null;
  @Field(() => Date, { nullable: true })
  endsAt?: Date | null;
}
