/**
 * Matching runs and their quality: `runMatching` starts a full pass (joining one already under
 * way), `matchQuality` measures the matcher against reviewer decisions. Thin: the work lives in
 * src/matching.
 */
import { Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import { matchQuality } from '../../matching/quality';
import { runMatching } from '../../matching/run';
import type { Context } from '../context';
import { MatchingRun, MatchQuality } from '../types/match.type';

@Resolver()
export class MatchingResolver {
  @Mutation(() => MatchingRun)
  @Authorized('admin')
  async runMatching(@Ctx() ctx: Context): Promise<MatchingRun> {
    const run = await runMatching(ctx.graph, ctx.bus, { matching: ctx.config.matching });
    ctx.logger.info(
      { run: run.id, accounts: run.accountsConsidered, candidates: run.candidatePairs, created: run.created, changed: run.changed, ms: run.durationMs, actor: ctx.actor },
      'matching run finished',
    );
    return run;
  }

  @Query(() => MatchQuality)
  matchQuality(@Ctx() ctx: Context): Promise<MatchQuality> {
    return matchQuality(ctx.graph);
  }
}
