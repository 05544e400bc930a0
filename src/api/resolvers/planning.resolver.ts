/** campaignShortlist and budgetProjection: thin over analytics/shortlist.ts and analytics/budget.ts. */
import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { checkBudgetRequest, projectBudget } from '../../analytics/budget';
import { loadPlanningConfig } from '../../analytics/planning-config';
import { campaignShortlist, checkShortlistRequest } from '../../analytics/shortlist';
import type { Context } from '../context';
import { badInput } from '../errors';
import { bandLabel } from '../reach-label';
import { BudgetInput, ShortlistInput } from '../inputs/planning.input';
import { Platform } from '../types/enums';
import { BudgetProjection, LaneSpend, ShortlistEntry } from '../types/planning.type';
import { asCreator } from './map';

@Resolver()
export class PlanningResolver {
  @Query(() => [ShortlistEntry], {
    description:
      'Creators ranked by weighted combined reach: each platform\'s share of the reach band x its weight x how engaged that audience is against the platform\'s typical rate. `why` explains each entry.',
  })
  async campaignShortlist(@Arg('input', () => ShortlistInput) input: ShortlistInput, @Ctx() ctx: Context) {
    const bad = checkShortlistRequest(input);
    if (bad) throw badInput(bad.message, bad.field);
    // Staleness is judged on the ingestion clock (the simulated one in the demo).
    const now = ctx.ingestion?.now.TIKTOK() ?? new Date();
    const rows = await campaignShortlist(ctx.graph, input, loadPlanningConfig(ctx.config.planningConfig), now);
    const creators = await ctx.loaders.creator.loadMany(rows.map((r) => r.creatorId));
    return rows.flatMap((r, i) => {
      const c = creators[i];
      return c && !(c instanceof Error) ? [{ ...r, reach: { ...r.reach, label: bandLabel(r.reach.low, r.reach.high) }, creator: asCreator(c) }] : [];
    });
  }

  @Query(() => BudgetProjection)
  async budgetProjection(@Arg('input', () => BudgetInput) input: BudgetInput, @Ctx() ctx: Context) {
    const req = { trackedCreators: input.trackedCreators, activelyTracked: input.activelyTracked, days: input.days ?? 30 };
    const bad = checkBudgetRequest(req);
    if (bad) throw badInput(bad);
    const cfg = loadPlanningConfig(ctx.config.planningConfig);
    return { ...projectBudget(req, cfg), pricesAsOf: cfg.asOf, spentThisMonth: await spent(ctx) };
  }
}

async function spent(ctx: Context): Promise<LaneSpend[]> {
  if (!ctx.ingestion) {
    return [Platform.TIKTOK, Platform.X].map((platform) => ({ platform, unit: 'requests', used: null, limit: null, note: 'ingestion is not running in this process' }));
  }
  const [t, x] = await Promise.all([ctx.ingestion.lanes.get('TIKTOK').status(), ctx.ingestion.lanes.get('X').status()]);
  return [
    {
      platform: Platform.TIKTOK,
      unit: 'TikLiveAPI credits',
      used: t.creditsUsed,
      limit: t.creditsLimit,
      note: t.creditsUsed === null ? 'no credit budget configured' : `monthly credit budget (TIKTOKLIVEAPI_MONTHLY_CREDITS); ${t.postsWritten} posts written by this process`,
    },
    {
      platform: Platform.X,
      unit: 'X post reads',
      used: x.creditsUsed,
      limit: x.creditsLimit,
      note: `the X lane keeps no monthly read meter (X reports its cap only when reached, as a usage-capped 429); this process wrote ${x.postsWritten} X posts since start`,
    },
  ];
}
