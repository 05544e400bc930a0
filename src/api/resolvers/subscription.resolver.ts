import { Arg, ID, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { AmplificationEvent } from '../../analytics/amplification-watch';
import type { MatchEventPayload } from '../../matching/events';
import { AMPLIFICATION_DETECTED, MATCH_CHANGED } from '../pubsub';
import { MatchStatus } from '../types/enums';
import { MatchEvent } from '../types/match.type';
import { Amplification } from '../types/post.type';

interface MatchChangedArgs {
  statuses?: MatchStatus[] | null;
  minScore?: number | null;
}

@Resolver()
export class MatchSubscriptionResolver {
  @Subscription(() => MatchEvent, {
    topics: MATCH_CHANGED,
    filter: ({ payload, args }: { payload: MatchEventPayload; args: MatchChangedArgs }) =>
      (!args.statuses?.length || args.statuses.includes(payload.status as MatchStatus)) &&
      (args.minScore == null || payload.score >= args.minScore),
  })
  matchChanged(
    @Root() event: MatchEventPayload,
    @Arg('statuses', () => [MatchStatus], { nullable: true }) _statuses?: MatchStatus[] | null,
    @Arg('minScore', () => Int, { nullable: true }) _minScore?: number | null,
  ) {
    return event;
  }
}

@Resolver()
export class AmplificationSubscriptionResolver {
  @Subscription(() => Amplification, {
    topics: AMPLIFICATION_DETECTED,
    description: 'A new AMPLIFIED edge (ingestion, or the cross-post detector); with creatorId, only edges with that creator on either end.',
    filter: ({ payload, args }: { payload: AmplificationEvent; args: { creatorId?: string | null } }) =>
      !args.creatorId || payload.creatorIds.includes(args.creatorId),
  })
  amplificationDetected(@Root() event: AmplificationEvent, @Arg('creatorId', () => ID, { nullable: true }) _creatorId?: string | null) {
    return event;
  }
}
