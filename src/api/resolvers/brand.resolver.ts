import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { brandLaunches } from '../../analytics/launches';
import type { BrandRow } from '../../graph/brands';
import { listBrands } from '../../graph/brands';
import { createBrand } from '../../ingest/brands';
import type { Context } from '../context';
import { ApiError, fromUserError } from '../errors';
import { BrandInput } from '../inputs/brand.input';
import { Account } from '../types/account.type';
import { Brand, Graph, Launch } from '../types/brand.type';
import { asAccount, asPost } from './map';
import { brandGraph } from './graph.resolver';

export const asBrand = (r: BrandRow) => ({ ...r, __typename: 'Brand' as const });
export type BrandObj = ReturnType<typeof asBrand>;

@Resolver(() => Brand)
export class BrandResolver {
  @Query(() => [Brand])
  async brands(@Ctx() ctx: Context, @Arg('competitor', () => Boolean, { nullable: true }) competitor?: boolean | null) {
    return (await listBrands(ctx.graph, competitor ?? null)).map(asBrand);
  }

  @Mutation(() => Brand, {
    description:
      "Resolves the brand's handles through the lanes, tracks and backfills its accounts, and stores Brand-OWNS->Account. Errors carry trackCreator's codes (INVALID_HANDLE, NOT_FOUND, PRIVATE, LANE_UNAVAILABLE, ...).",
  })
  @Authorized('admin')
  async createBrand(@Arg('input', () => BrandInput) input: BrandInput, @Ctx() ctx: Context) {
    if (!ctx.ingestion) throw new ApiError('LANE_UNAVAILABLE', 'this process runs no ingestion lanes');
    const res = await createBrand({ graph: ctx.graph, tracking: ctx.ingestion.tracking }, input, ctx.actor);
    if (!res.brand) throw fromUserError(res.errors[0]);
    return asBrand(res.brand);
  }

  @FieldResolver(() => [Account])
  async accounts(@Root() b: BrandObj, @Ctx() ctx: Context) {
    return (await ctx.loaders.accountsByBrand.load(b.id)).map(asAccount);
  }

  @FieldResolver(() => [Launch])
  async launches(
    @Root() b: BrandObj,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
  ) {
    const rows = await brandLaunches(ctx.graph, b.id, { since, until });
    // One batched load for every launch's posts.
    const posts = await ctx.loaders.post.loadMany([...new Set(rows.flatMap((l) => l.postIds))]);
    const byId = new Map(posts.flatMap((p) => (p && !(p instanceof Error) ? [[p.id, asPost(p)] as const] : [])));
    return rows.map((l) => ({ ...l, posts: l.postIds.flatMap((id) => byId.get(id) ?? []) }));
  }

  @FieldResolver(() => Graph)
  graph(
    @Root() b: BrandObj,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 300 }) limit?: number | null,
  ) {
    return brandGraph(ctx, b.id, since ?? null, limit ?? 300);
  }
}
