import { Arg, Int, Resolver, Root, Subscription } from 'type-graphql';
import type { MatchEventPayload } from '../../matching/events';
import { MATCH_CHANGED } from '../pubsub';
import { MatchStatus } from '../types/enums';
import { MatchEvent } from '../types/match.type';

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
