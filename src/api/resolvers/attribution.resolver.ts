/** Query.attribution: which platform a story broke on (analytics/attribution.ts). */
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { attribution, AttributionInputError, type AttributionResult, type FirstSeen } from '../../analytics/attribution';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { Attribution, PlatformFirstSeen } from '../types/trend.type';
import { Post } from '../types/post.type';
import { asPost, iso } from './map';

async function loadPost(ctx: Context, id: string) {
  const p = await ctx.loaders.post.load(id);
  if (!p) throw notFound('post', id);
  return asPost(p);
}

@Resolver(() => Attribution)
export class AttributionResolver {
  @Query(() => Attribution, { description: 'Which platform a story broke on: give a hashtag, a URL or a phrase.' })
  async attribution(
    @Ctx() ctx: Context,
    @Arg('hashtag', () => String, { nullable: true }) hashtag?: string | null,
    @Arg('url', () => String, { nullable: true, description: 'A TikTok video or X post URL (any form a bio link may take).' }) url?: string | null,
    @Arg('text', () => String, { nullable: true, description: 'A phrase, matched word for word through the post text index.' }) text?: string | null,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
  ): Promise<AttributionResult> {
    try {
      return await attribution(ctx.graph, { hashtag, url, text, since: iso(since) }, ctx.config.ingest.schedule);
    } catch (e) {
      if (e instanceof AttributionInputError) throw badInput(e.message, e.field);
      throw e;
    }
  }

  @FieldResolver(() => Post, { nullable: true })
  firstPost(@Root() a: AttributionResult, @Ctx() ctx: Context) {
    return a.firstPostId ? loadPost(ctx, a.firstPostId) : null;
  }
}

@Resolver(() => PlatformFirstSeen)
export class PlatformFirstSeenResolver {
  @FieldResolver(() => Post)
  post(@Root() f: FirstSeen, @Ctx() ctx: Context) {
    return loadPost(ctx, f.postId);
  }
}
