import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AmplificationRow } from '../../graph/rows';
import type { Context } from '../context';
import { notFound } from '../errors';
import { Account } from '../types/account.type';
import { Amplification, Post, PostMetrics } from '../types/post.type';
import { asAccount, asPost, type PostObj } from './map';

@Resolver(() => Post)
export class PostResolver {
  @FieldResolver(() => Account)
  async author(@Root() p: PostObj, @Ctx() ctx: Context) {
    const a = await ctx.loaders.account.load(p.authorId);
    if (!a) throw notFound('account', p.authorId);
    return asAccount(a);
  }

  @FieldResolver(() => [String])
  hashtags(@Root() p: PostObj, @Ctx() ctx: Context) {
    return ctx.loaders.hashtags.load(p.id);
  }

  @FieldResolver(() => PostMetrics)
  metrics(@Root() p: PostObj): PostMetrics {
    return {
      views: p.views ?? null,
      likes: p.likes ?? 0,
      comments: p.comments ?? 0,
      shares: p.shares ?? 0,
      quotes: p.quotes ?? null,
      bookmarks: p.bookmarks ?? null,
    };
  }

  @FieldResolver(() => [Amplification], { description: 'Earlier posts that this post amplifies.' })
  async amplifies(@Root() p: PostObj, @Ctx() ctx: Context) {
    return (await ctx.loaders.amplifications.load(p.id)).amplifies;
  }

  @FieldResolver(() => [Amplification], { description: 'Later posts that amplify this post.' })
  async amplifiedBy(@Root() p: PostObj, @Ctx() ctx: Context) {
    return (await ctx.loaders.amplifications.load(p.id)).amplifiedBy;
  }
}

@Resolver(() => Amplification)
export class AmplificationResolver {
  @FieldResolver(() => Post)
  async source(@Root() a: AmplificationRow, @Ctx() ctx: Context) {
    const p = await ctx.loaders.post.load(a.sourceId);
    if (!p) throw notFound('post', a.sourceId);
    return asPost(p);
  }

  @FieldResolver(() => Post)
  async amplifier(@Root() a: AmplificationRow, @Ctx() ctx: Context) {
    const p = await ctx.loaders.post.load(a.amplifierId);
    if (!p) throw notFound('post', a.amplifierId);
    return asPost(p);
  }
}
