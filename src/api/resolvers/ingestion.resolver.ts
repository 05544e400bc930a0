/**
 * The ingestion part of the API: lane health (`Query.ingestion`) and tracking (`trackCreator`,
 * `untrackCreator`, `refreshAccount`). Thin: the rules live in ingest/tracking.ts; this file only
 * maps outcomes to GraphQL shapes.
 */
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { LaneStatusSnapshot } from '../../ingest/lane';
import type { Context } from '../context';
import { ApiError } from '../errors';
import { TrackCreatorInput } from '../inputs/track-creator.input';
import { Account } from '../types/account.type';
import { Creator } from '../types/creator.type';
import { LaneState, Platform } from '../types/enums';
import { LaneStatus, TrackCreatorPayload } from '../types/planning.type';
import { asAccount, asCreator } from './map';

/** What a process without ingestion reports: both lanes present, neither able to work. */
function disabled(platform: Platform, provider: string): LaneStatus {
  return {
    platform,
    provider,
    state: LaneState.DISABLED,
    lastSuccessAt: null,
    lastErrorAt: null,
    lastError: 'ingestion is not running in this process',
    requestsLastHour: 0,
    rateLimitResetAt: null,
    queueDepth: 0,
    paused: false,
    jobsDone: 0,
    jobsFailed: 0,
    accountsWritten: 0,
    postsWritten: 0,
    creditsUsed: null,
    creditsLimit: null,
  };
}

const asLaneStatus = (s: LaneStatusSnapshot): LaneStatus => ({
  ...s,
  platform: s.platform as Platform,
  state: s.state as LaneState,
});

function ingestionOf(ctx: Context) {
  if (!ctx.ingestion) throw new ApiError('CONFLICT', 'ingestion is not running in this process');
  return ctx.ingestion;
}

@Resolver()
export class IngestionResolver {
  @Query(() => [LaneStatus])
  async ingestion(@Ctx() ctx: Context): Promise<LaneStatus[]> {
    if (!ctx.ingestion) return [disabled(Platform.TIKTOK, 'tikliveapi'), disabled(Platform.X, 'x-api-v2')];
    return (await ctx.ingestion.lanes.status()).map(asLaneStatus);
  }

  @Mutation(() => TrackCreatorPayload, { description: 'Start tracking a creator; backfills posts before it shows in dashboards.' })
  @Authorized('admin')
  async trackCreator(@Arg('input', () => TrackCreatorInput) input: TrackCreatorInput, @Ctx() ctx: Context) {
    const outcome = await ingestionOf(ctx).tracking.track(input, ctx.actor);
    const row = outcome.creatorId ? await ctx.loaders.creator.load(outcome.creatorId) : null;
    return { creator: row ? asCreator(row) : null, errors: outcome.errors };
  }

  @Mutation(() => Creator, { nullable: true })
  @Authorized('admin')
  async untrackCreator(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    if (!(await ingestionOf(ctx).tracking.untrack(id))) return null;
    ctx.loaders.creator.clear(id);
    const row = await ctx.loaders.creator.load(id);
    return row ? asCreator(row) : null;
  }

  @Mutation(() => Account, { nullable: true })
  @Authorized('admin')
  async refreshAccount(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const res = await ingestionOf(ctx).tracking.refresh(id);
    const blocked = res.errors.find((e) => e.code === 'LANE_UNAVAILABLE');
    if (blocked) throw new ApiError('CONFLICT', blocked.message);
    return res.account ? asAccount(res.account) : null;
  }
}
