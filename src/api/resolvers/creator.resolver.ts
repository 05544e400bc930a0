import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { MAX_SIMILAR, similarCreators } from '../../analytics/similar';
import { labelledReach } from '../reach-label';
import type { MatchReason } from '../../graph/model';
import { countCreators, creatorPage, type CreatorFilterArgs } from '../../graph/pages';
import { accountColumnSet } from '../../graph/account-columns';
import { ALL_CREATOR_COLUMNS } from '../../graph/creator-columns';
import { isOrderKey } from '../../graph/order-keys';
import { creatorWithAccounts } from '../../graph/read';
import type { Context } from '../context';
import { accountFieldColumns, accountColumnsOf, creatorAccountColumns, REACH_COLUMNS } from '../account-selection';
import { creatorColumnsOf } from '../creator-selection';
import { fieldNodesAlong } from '../lookahead';
import { badInput } from '../errors';
import { CreatorFilter, CreatorOrder } from '../inputs/creator-filter.input';
import { connection, pageRequest } from '../pagination';
import { creatorPostArgs, plainFirstPostPage, postPage } from './post-page';
import { Account } from '../types/account.type';
import { Creator, CreatorConnection, SimilarCreator } from '../types/creator.type';
import { CreatorOrderField, OrderDirection, Platform } from '../types/enums';
import { Match } from '../types/match.type';
import { AmplificationChain, PostConnection } from '../types/post.type';
import { ReachEstimate } from '../types/reach.type';
import { chainOptions } from './chains.resolver';
import { asAccount, asCreator, asMatch, asPost, iso, type CreatorObj } from './map';

/** Where a creators page's items select their accounts' posts. */
const ACCOUNT_POSTS = [
  ['nodes', 'accounts', 'posts'],
  ['edges', 'node', 'accounts', 'posts'],
] as const;

const ID_ONLY = accountColumnSet([]);

/** Where a creators page's creators are. */
const PAGE_NODES = [['nodes'], ['edges', 'node']] as const;

@Resolver(() => Creator)
export class CreatorResolver {
  @Query(() => Creator, { nullable: true })
  async creator(@Arg('id', () => ID) id: string, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    // A plain first page of the creator's posts is read in the same statement (see creators).
    // Its accounts too when the creator's fields read them, with the columns those fields need.
    const posts = plainFirstPostPage(info, [['posts']], 'Creator');
    const accountColumns = creatorAccountColumns(info, info.fieldNodes);
    if (posts || accountColumns !== null) {
      // Without account fields the statement still lists the accounts (their ids: the posts' authors).
      const columns = accountColumns ?? ID_ONLY;
      const found = await creatorWithAccounts(ctx.graph, id, posts, columns);
      if (!found) return null;
      ctx.loaders.creator.prime(id, found.creator);
      ctx.loaders.accountsByCreator.prime(id, columns, found.accounts);
      if (posts && found.posts) ctx.loaders.postsByCreator.prime({ id, args: creatorPostArgs(posts, null) }, found.posts);
      return asCreator(found.creator);
    }
    const row = await ctx.loaders.creator.load(id);
    return row ? asCreator(row) : null;
  }

  @Query(() => CreatorConnection)
  async creators(
    @Ctx() ctx: Context,
    @Arg('filter', () => CreatorFilter, { nullable: true }) filter?: CreatorFilter | null,
    @Arg('orderBy', () => CreatorOrder, { nullable: true }) orderBy?: CreatorOrder | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    const filters: CreatorFilterArgs = {
      search: filter?.search?.trim().toLowerCase() || null,
      platforms: filter?.platforms?.length ? filter.platforms : null,
      matchStatuses: filter?.matchStatuses?.length ? filter.matchStatuses : null,
      minReach: filter?.minCombinedReach ?? null,
      active: filter?.active === undefined ? true : filter.active,
      tracked: filter?.tracked ?? null,
      includeUnbackfilled: filter?.includeUnbackfilled ?? false,
    };
    const field = orderBy?.field ?? CreatorOrderField.COMBINED_REACH;
    const direction = orderBy?.direction ?? OrderDirection.DESC;
    // A cursor is the last creator's order key for this ordering (graph/order-keys.ts).
    const scope = `creators:${field}:${direction}`;
    const req = pageRequest(first, after, scope, (parts) => (parts.length === 1 && isOrderKey(field, parts[0]) ? parts[0] : null));
    // A page that shows accounts reads them with the creators (one statement, not two), with the
    // columns its selection of them needs, and with them each account's posts when every
    // selection asks for the same plain first page of them.
    const nodes = info ? fieldNodesAlong(info, info.fieldNodes, PAGE_NODES) : [];
    const accountColumns = info ? creatorAccountColumns(info, nodes) : null;
    // Only the creator columns the page shows; such rows are not the creator loader's (all columns).
    const creatorColumns = info ? creatorColumnsOf(info, nodes) : ALL_CREATOR_COLUMNS;
    const withAccounts = accountColumns !== null;
    const posts = withAccounts ? plainFirstPostPage(info, ACCOUNT_POSTS, 'Account') : null;
    const rows = await creatorPage(ctx.graph, {
      ...filters, orderField: field, direction, after: req.key, skip: req.skip, take: req.take, withAccounts,
      accountColumns: accountColumns ?? undefined, creatorColumns, postsTake: posts?.take ?? null, postKeys: posts?.keys,
    });
    for (const r of rows) {
      if (creatorColumns === ALL_CREATOR_COLUMNS) ctx.loaders.creator.prime(r.row.id, r.row);
      if (r.accounts && accountColumns !== null) ctx.loaders.accountsByCreator.prime(r.row.id, accountColumns, r.accounts);
      if (posts && r.accounts && r.accountPosts) {
        r.accounts.forEach((a, i) => ctx.loaders.postsByAccount.prime({ id: a.id, args: posts }, r.accountPosts?.[i] ?? []));
      }
    }
    return connection(rows, req, scope, (r) => asCreator(r.row), (r) => [r.key], () => countCreators(ctx.graph, filters));
  }

  @FieldResolver(() => [Account])
  async accounts(@Root() c: CreatorObj, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    return (await ctx.loaders.accountsByCreator.load(c.id, accountColumnsOf(info, info.fieldNodes))).map(asAccount);
  }

  @FieldResolver(() => Account, { nullable: true })
  async account(@Root() c: CreatorObj, @Arg('platform', () => Platform) platform: Platform, @Ctx() ctx: Context, @Info() info: GraphQLResolveInfo) {
    const accounts = await ctx.loaders.accountsByCreator.load(c.id, accountFieldColumns(info, info.fieldNodes));
    const a = accounts.find((x) => x.platform === platform);
    return a ? asAccount(a) : null;
  }

  @FieldResolver(() => Match, { nullable: true, description: "The cross-platform match that joins this creator's accounts, if any." })
  async match(@Root() c: CreatorObj, @Ctx() ctx: Context) {
    const m = await ctx.loaders.joiningMatchByCreator.load(c.id);
    return m ? asMatch(m) : null;
  }

  @FieldResolver(() => ReachEstimate)
  async combinedReach(@Root() c: CreatorObj, @Ctx() ctx: Context) {
    const [accounts, match] = await Promise.all([
      ctx.loaders.accountsByCreator.load(c.id, REACH_COLUMNS),
      ctx.loaders.joiningMatchByCreator.load(c.id),
    ]);
    return labelledReach(accounts, (match?.reasons ?? []) as MatchReason[]);
  }

  @FieldResolver(() => Boolean, { description: 'No post on any platform within maxAgeDays.' })
  stale(
    @Root() c: CreatorObj,
    @Arg('maxAgeDays', () => Int, { defaultValue: 30, nullable: false }) maxAgeDays: number,
  ) {
    if (!c.lastPostAt) return true;
    return Date.now() - c.lastPostAt.getTime() > maxAgeDays * 86400_000;
  }

  @FieldResolver(() => PostConnection)
  async posts(
    @Root() c: CreatorObj,
    @Ctx() ctx: Context,
    @Arg('platform', () => Platform, { nullable: true }) platform?: Platform | null,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return postPage(ctx, info!, 'creator', c.id, { since: iso(since), until: iso(until), platform: platform ?? null }, first, after);
  }

  @FieldResolver(() => [AmplificationChain], {
    description: 'Chains any of this creator\'s posts is part of (as root or amplifier), on one platform or both, by total engagement.',
  })
  amplificationChains(
    @Root() c: CreatorObj,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number | null,
  ) {
    return ctx.loaders.chainsByCreator.load({ id: c.id, args: chainOptions(since, false, 1, first ?? 10) });
  }

  @FieldResolver(() => [SimilarCreator], {
    description:
      'Creators with overlapping hashtags and amplifiers (lookalikes): Adamic-Adar, so hashtags and amplifying accounts that touch many creators count for little.',
  })
  async similar(
    @Root() c: CreatorObj,
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true, defaultValue: 10 }) first?: number | null,
  ) {
    const n = first ?? 10;
    if (!Number.isInteger(n) || n < 1 || n > MAX_SIMILAR) throw badInput(`first must be between 1 and ${MAX_SIMILAR}`, 'first');
    const rows = await similarCreators(ctx.graph, c.id, n);
    const creators = await ctx.loaders.creator.loadMany(rows.map((r) => r.id));
    return rows.flatMap((r, i) => {
      const row = creators[i];
      return row && !(row instanceof Error) ? [{ ...r, creator: asCreator(row) }] : [];
    });
  }
}

