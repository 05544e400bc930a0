import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import { checkLimit, competitorGraph, MAX_DEPTH, neighborhood } from '../../analytics/graph-view';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { Graph } from '../types/brand.type';

export async function brandGraph(ctx: Context, brandId: string, since: Date | null, limit: number) {
  const l = limitOf(limit, 300);
  const g = await competitorGraph(ctx.graph, brandId, { since, limit: l });
  if (!g) throw notFound('brand', brandId);
  return g;
}

function limitOf(limit: number | null | undefined, fallback: number): number {
  try {
    return checkLimit(limit, fallback);
  } catch (err) {
    throw badInput((err as Error).message, 'limit');
  }
}

@Resolver()
export class GraphViewResolver {
  @Query(() => Graph, {
    description:
      "A brand's accounts, posts, hashtags and the creators who amplified or mentioned it, capped at `limit` nodes: fewest hops from the brand first, then the heaviest (engagement, followers, reach, hashtag uses).",
  })
  competitorGraph(
    @Arg('brandId', () => ID) brandId: string,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 300 }) limit?: number | null,
  ) {
    return brandGraph(ctx, brandId, since ?? null, limit ?? 300);
  }

  @Query(() => Graph, { description: 'The subgraph around any node id, for graph views.' })
  async neighborhood(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: Context,
    @Arg('depth', () => Int, { nullable: true, defaultValue: 1 }) depth?: number | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 200 }) limit?: number | null,
  ) {
    const d = depth ?? 1;
    if (!Number.isInteger(d) || d < 1 || d > MAX_DEPTH) throw badInput(`depth must be 1 to ${MAX_DEPTH}`, 'depth');
    const g = await neighborhood(ctx.graph, id, { depth: d, limit: limitOf(limit, 200) });
    if (!g) throw notFound('node', id);
    return g;
  }
}
