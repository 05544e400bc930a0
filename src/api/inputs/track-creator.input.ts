import { Field, InputType, Int } from 'type-graphql';
import { TrackingTier } from '../types/enums';

@InputType()
export class TrackCreatorInput {
  @Field(() => String, { nullable: true })
  tiktokUsername?: string | null;
  @Field(() => String, { nullable: true })
  xUsername?: string | null;
  @Field(() => String, { nullable: true })
  displayName?: string | null;
  @Field(() => TrackingTier, { nullable: true, defaultValue: TrackingTier.LONG_TAIL })
  tier?: TrackingTier | null;
  @Field(() => Int, { nullable: true, defaultValue: 30 })
  backfillDays?: number | null;
}
