import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { decodeEvidence } from '../../matching/evidence-codec';
import { approveMatch, linkAccounts, rejectMatch, ReviewError } from '../../matching/review';
import type { Context } from '../context';
import { ApiError, notFound } from '../errors';
import { connection, isKeyNumber, isKeyString, pageRequest } from '../pagination';
import { countMatches, matchPage, type MatchFilterArgs, type MatchOrder } from '../../graph/pages';
import { Account } from '../types/account.type';
import { Creator } from '../types/creator.type';
import { MatchStatus, Platform, ReviewOrder } from '../types/enums';
import { Match, MatchConnection, MatchEvent, MatchEvidence } from '../types/match.type';
import { asAccount, asCreator, asMatch, type MatchObj } from './map';

async function reloaded(ctx: Context, id: string) {
  ctx.loaders.match.clear(id);
  const row = await ctx.loaders.match.load(id);
  if (!row) throw notFound('match', id);
  return asMatch(row);
}

async function review<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    if (e instanceof ReviewError) throw new ApiError(e.code, e.message);
    throw e;
  }
}

/**
 * A keyset page of matches: the cursor is the last match's (score, id), or (value, id) in value
 * order, named with the order so a cursor of one cannot be read as the other.
 */
async function matchList(ctx: Context, filters: MatchFilterArgs, order: MatchOrder, first: number | null | undefined, after: string | null | undefined) {
  const scope = `matches:${order}`;
  const req = pageRequest(first, after, scope, (p) => (p.length === 2 && isKeyNumber(p[0]) && isKeyString(p[1], 300) ? { n: p[0], id: p[1] } : null));
  const rows = await matchPage(ctx.graph, { ...filters, after: req.key, skip: req.skip, take: req.take }, order);
  return connection(rows, req, scope, (r) => asMatch(r.row), (r) => [r.n, r.row.id], () => countMatches(ctx.graph, filters));
}

@Resolver(() => Match)
export class MatchResolver {
  @Query(() => MatchConnection)
  async matches(
    @Ctx() ctx: Context,
    @Arg('statuses', () => [MatchStatus], { nullable: true }) statuses?: MatchStatus[] | null,
    @Arg('minScore', () => Int, { nullable: true }) minScore?: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
  ) {
    return matchList(ctx, { statuses: statuses?.length ? statuses : null, minScore: minScore ?? null }, 'strength', first, after);
  }

  @Query(() => MatchConnection, { description: 'PENDING matches, strongest first (or by the value of a decision, see ReviewOrder).' })
  async reviewQueue(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Arg('order', () => ReviewOrder, { nullable: true, defaultValue: ReviewOrder.STRENGTH }) order?: ReviewOrder | null,
  ) {
    const pending = { statuses: [MatchStatus.PENDING], minScore: null };
    return matchList(ctx, pending, order === ReviewOrder.EXPECTED_VALUE ? 'value' : 'strength', first, after);
  }

  @Mutation(() => Match)
  @Authorized('reviewer')
  async approveMatch(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    await review(() => approveMatch(ctx, id, note ?? null));
    return reloaded(ctx, id);
  }

  @Mutation(() => Match)
  @Authorized('reviewer')
  async rejectMatch(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    await review(() => rejectMatch(ctx, id, note ?? null));
    return reloaded(ctx, id);
  }

  @Mutation(() => Match, { description: 'Manually link two accounts (one per platform) as one creator.' })
  @Authorized('reviewer')
  async linkAccounts(
    @Arg('accountIds', () => [ID]) accountIds: string[],
    @Ctx() ctx: Context,
    @Arg('note', () => String, { nullable: true }) note?: string | null,
  ) {
    const id = await review(() => linkAccounts(ctx, accountIds, note ?? null));
    return reloaded(ctx, id);
  }

  @FieldResolver(() => [Account], { description: 'The two matched accounts, one per platform.' })
  async accounts(@Root() m: MatchObj, @Ctx() ctx: Context) {
    const rows = await Promise.all([ctx.loaders.account.load(m.tiktokId), ctx.loaders.account.load(m.xId)]);
    return rows.filter((r) => r !== null).map(asAccount);
  }

  @FieldResolver(() => Account, { nullable: true })
  async account(@Root() m: MatchObj, @Arg('platform', () => Platform) platform: Platform, @Ctx() ctx: Context) {
    const row = await ctx.loaders.account.load(platform === Platform.TIKTOK ? m.tiktokId : m.xId);
    return row ? asAccount(row) : null;
  }

  @FieldResolver(() => [MatchEvidence], { description: 'Why the score is what it is, signal by signal.' })
  evidence(@Root() m: MatchObj) {
    const items = decodeEvidence(m.evidence);
    return items.map((e) => ({ ...e, reason: e.reason ?? null, level: e.level ?? null, matchWeight: e.matchWeight ?? null, m: e.m ?? null, u: e.u ?? null }));
  }

  @FieldResolver(() => [MatchEvent], { description: 'Every change to this match, oldest first.' })
  async history(@Root() m: MatchObj, @Ctx() ctx: Context) {
    return ctx.loaders.matchEvents.load(m.id);
  }

  @FieldResolver(() => Creator, { nullable: true })
  async creator(@Root() m: MatchObj, @Ctx() ctx: Context) {
    if (m.status !== 'AUTO' && m.status !== 'MANUAL') return null;
    const c = await ctx.loaders.creatorByAccount.load(m.tiktokId);
    return c ? asCreator(c) : null;
  }
}

@Resolver(() => MatchEvent)
export class MatchEventResolver {
  @FieldResolver(() => Match)
  async match(@Root() e: { matchId: string }, @Ctx() ctx: Context) {
    const row = await ctx.loaders.match.load(e.matchId);
    if (!row) throw notFound('match', e.matchId);
    return asMatch(row);
  }

  @FieldResolver(() => Date)
  at(@Root() e: { at: Date | string }) {
    return typeof e.at === 'string' ? new Date(e.at) : e.at;
  }
}

