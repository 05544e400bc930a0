import { Field, Float, Int, ObjectType } from 'type-graphql';
import { OverlapBasis } from './enums';

@ObjectType({ simpleResolvers: true })
export class ReachEstimate {
  @Field(() => Int, { description: 'Sum of followers, overlap ignored.' })
  naive: number;
  @Field(() => Int, { description: 'Reach at the high end of the assumed overlap.' })
  low: number;
  @Field(() => Int, { description: 'Reach at the low end of the assumed overlap.' })
  high: number;
  @Field(() => Float)
  overlapPctLow: number;
  @Field(() => Float)
  overlapPctHigh: number;
  @Field(() => OverlapBasis)
  basis: OverlapBasis;
  @Field({ description: 'Human form, e.g. "1.1M to 1.3M".' })
  label: string;
}
