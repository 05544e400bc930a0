import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { accountByUsername } from '../../graph/read';
import type { Context } from '../context';
import { Account, AccountSnapshot } from '../types/account.type';
import { Creator } from '../types/creator.type';
import { Platform } from '../types/enums';
import { PostConnection } from '../types/post.type';
import { asAccount, asCreator, iso, profileUrl, type AccountObj } from './map';
import { postPage } from './post-page';

@Resolver(() => Account)
export class AccountResolver {
  @Query(() => Account, { nullable: true })
  async account(
    @Arg('platform', () => Platform) platform: Platform,
    @Arg('username') username: string,
    @Ctx() ctx: Context,
  ) {
    const row = await accountByUsername(ctx.graph, platform, username);
    return row ? asAccount(row) : null;
  }

  @FieldResolver(() => String)
  profileUrl(@Root() a: AccountObj) {
    return profileUrl(a);
  }

  @FieldResolver(() => [AccountSnapshot], { description: 'Profile metrics over time, one snapshot per refresh.' })
  history(
    @Root() a: AccountObj,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
  ) {
    return ctx.loaders.snapshots.load({ id: a.id, args: { since: iso(since), until: iso(until) } });
  }

  @FieldResolver(() => Creator, { nullable: true })
  async creator(@Root() a: AccountObj, @Ctx() ctx: Context) {
    const c = await ctx.loaders.creatorByAccount.load(a.id);
    return c ? asCreator(c) : null;
  }

  @FieldResolver(() => PostConnection)
  async posts(
    @Root() a: AccountObj,
    @Ctx() ctx: Context,
    @Arg('since', () => Date, { nullable: true }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true }) until?: Date | null,
    @Arg('first', () => Int, { nullable: true, defaultValue: 20 }) first?: number | null,
    @Arg('after', () => String, { nullable: true }) after?: string | null,
    @Info() info?: GraphQLResolveInfo,
  ) {
    return postPage(ctx, info!, 'account', a.id, { since: iso(since), until: iso(until) }, first, after);
  }
}
