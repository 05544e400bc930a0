import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { parseMatchId } from '../../graph/ids';
import { parsePlatformId } from '../../graph/model';
import type { Context } from '../context';
import { Node } from '../types/common.type';
import { asAccount, asCreator, asMatch, asPost } from './map';
import { asBrand } from './brand.resolver';
import { asCampaign } from './campaign.resolver';

@Resolver()
export class NodeResolver {
  /** Account and Post ids share the "<platform>:<id>" form, so such an id is tried as both. */
  @Query(() => Node, { nullable: true })
  async node(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    if (id.startsWith('br_')) {
      const b = await ctx.loaders.brand.load(id);
      return b ? asBrand(b) : null;
    }
    if (id.startsWith('cp_')) {
      const k = await ctx.loaders.campaign.load(id);
      return k ? asCampaign(k) : null;
    }
    if (parseMatchId(id)) {
      const m = await ctx.loaders.match.load(id);
      return m ? asMatch(m) : null;
    }
    if (parsePlatformId(id)) {
      const [a, p] = await Promise.all([ctx.loaders.account.load(id), ctx.loaders.post.load(id)]);
      if (a) return asAccount(a);
      return p ? asPost(p) : null;
    }
    const c = await ctx.loaders.creator.load(id);
    return c ? asCreator(c) : null;
  }
}
