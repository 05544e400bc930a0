import { Field, InputType, Int } from 'type-graphql';
import { CreatorOrderField, MatchStatus, OrderDirection, Platform } from '../types/enums';

@InputType()
export class CreatorFilter {
  @Field(() => String, { nullable: true, description: 'Case-insensitive match on display name or any account username.' })
  search?: string | null;
  @Field(() => [Platform], { nullable: true, description: 'Only creators with an account on every one of these platforms.' })
  platforms?: Platform[] | null;
  @Field(() => [MatchStatus], { nullable: true })
  matchStatuses?: MatchStatus[] | null;
  @Field(() => Int, { nullable: true })
  minCombinedReach?: number | null;
  @Field(() => Boolean, { nullable: true, defaultValue: true })
  active?: boolean | null;
  @Field(() => Boolean, { nullable: true })
  tracked?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'Also list creators whose backfill has not finished (hidden by default: their charts would mislead).',
  })
  includeUnbackfilled?: boolean | null;
}

@InputType()
export class CreatorOrder {
  @Field(() => CreatorOrderField)
  field: CreatorOrderField;
  @Field(() => OrderDirection, { defaultValue: OrderDirection.DESC })
  direction: OrderDirection;
}
