/**
 * amplificationChains and the AmplificationChain fields. The chain set comes from one statement
 * (analytics/chains.ts); posts and creators are resolved through the request's loaders, so a page
 * of chains costs a fixed handful of round trips.
 */
import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { campaignPosts } from '../../analytics/campaign-posts';
import { amplificationChains, chainOptionsProblem, type ChainGroup, type ChainOptions, type ChainRow } from '../../analytics/chains';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { Creator } from '../types/creator.type';
import { AmplificationChain, Post } from '../types/post.type';
import { asCreator, asPost, iso } from './map';

/** Checks chain arguments, throwing BAD_USER_INPUT with the reason. */
export function chainOptions(since: Date | null | undefined, crossPlatformOnly: boolean, minDepth: number, first: number): ChainOptions {
  const o: ChainOptions = { since: iso(since), crossPlatformOnly, minDepth, first };
  const problem = chainOptionsProblem(o);
  if (problem) throw badInput(problem, problem.split(' ')[0]);
  return o;
}

@Resolver(() => AmplificationChain)
export class AmplificationChainResolver {
  @Query(() => [AmplificationChain], {
    description:
      'Root posts and everything that amplified them (up to 6 hops), ordered by total engagement. With creatorId, only chains the creator took part in; with campaignId, only chains holding one of the campaign\'s posts (as Campaign.amplification counts them).',
  })
  async amplificationChains(
    @Ctx() ctx: Context,
    @Arg('creatorId', () => ID, { nullable: true }) creatorId?: string | null,
    @Arg('campaignId', () => ID, { nullable: true }) campaignId?: string | null,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('crossPlatformOnly', () => Boolean, { nullable: true, defaultValue: true }) crossPlatformOnly?: boolean | null,
    @Arg('minDepth', () => Int, { nullable: true, defaultValue: 2 }) minDepth?: number | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
  ): Promise<ChainRow[]> {
    const o = chainOptions(since, crossPlatformOnly ?? true, minDepth ?? 2, first ?? 20);
    let group: ChainGroup = { key: 'q', creatorIds: creatorId ? [creatorId] : null };
    if (campaignId) {
      // Chains start from the campaign's posts, as Campaign.amplification counts them (one definition).
      const posts = (await campaignPosts(ctx.graph, campaignId)).filter((p) => !creatorId || p.creatorId === creatorId);
      if (posts.length === 0) return [];
      group = { key: 'q', creatorIds: null, postIds: posts.map((p) => p.postId) };
    }
    const chains = await amplificationChains(ctx.graph, [group], o);
    return chains.get('q') ?? [];
  }

  @FieldResolver(() => Post)
  async root(@Root() c: ChainRow, @Ctx() ctx: Context) {
    const p = await ctx.loaders.post.load(c.rootId);
    if (!p) throw notFound('post', c.rootId);
    return asPost(p);
  }

  @FieldResolver(() => [Post], { description: 'Root first, then in time order.' })
  async posts(@Root() c: ChainRow, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.post.loadMany(c.postIds);
    return rows.flatMap((p) => (p && !(p instanceof Error) ? [asPost(p)] : []));
  }

  @FieldResolver(() => [Creator], { description: 'Canonical creators of the posts, in the order they joined the chain.' })
  async creators(@Root() c: ChainRow, @Ctx() ctx: Context) {
    const rows = await ctx.loaders.creator.loadMany(c.creatorIds);
    return rows.flatMap((r) => (r && !(r instanceof Error) ? [asCreator(r)] : []));
  }

  @FieldResolver(() => Boolean)
  crossPlatform(@Root() c: ChainRow) {
    return c.platforms.length > 1;
  }
}
