import { Arg, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import { amplificationByCreator, campaignPosts } from '../../analytics/campaign-posts';
import { listCampaigns, newCampaignId, normalizeTag, upsertCampaign, type CampaignRow } from '../../graph/campaigns';
import type { Context } from '../context';
import { badInput, notFound } from '../errors';
import { CampaignInput } from '../inputs/brand.input';
import { Brand, Campaign, CreatorAmplification } from '../types/brand.type';
import { Creator } from '../types/creator.type';
import { asBrand } from './brand.resolver';
import { asCreator } from './map';

export const asCampaign = (r: CampaignRow) => ({ ...r, __typename: 'Campaign' as const, startsAt: r.startsAt ?? null, endsAt: r.endsAt ?? null });
export type CampaignObj = ReturnType<typeof asCampaign>;

const MAX_CREATORS = 1000;

@Resolver(() => Campaign)
export class CampaignResolver {
  @Query(() => [Campaign])
  async campaigns(@Ctx() ctx: Context) {
    return (await listCampaigns(ctx.graph)).map(asCampaign);
  }

  @Mutation(() => Campaign)
  @Authorized('admin')
  async createCampaign(@Arg('input', () => CampaignInput) input: CampaignInput, @Ctx() ctx: Context) {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 200) throw badInput('name must be 1 to 200 characters', 'name');
    const hashtags = [...new Set(input.hashtags.map(normalizeTag).filter((t) => t.length > 0))];
    if (hashtags.length === 0) throw badInput('give at least one hashtag', 'hashtags');
    if (hashtags.some((t) => t.length > 100 || /\s/.test(t))) throw badInput('a hashtag is one word of at most 100 characters', 'hashtags');
    const creatorIds = [...new Set(input.creatorIds)];
    if (creatorIds.length === 0 || creatorIds.length > MAX_CREATORS) throw badInput(`give 1 to ${MAX_CREATORS} creatorIds`, 'creatorIds');
    if (input.startsAt && input.endsAt && input.endsAt.getTime() <= input.startsAt.getTime()) {
      throw badInput('endsAt must be after startsAt', 'endsAt');
    }
    const creators = await ctx.loaders.creator.loadMany(creatorIds);
    const missing = creatorIds.filter((_, i) => !creators[i] || creators[i] instanceof Error);
    if (missing.length > 0) throw notFound('creator', missing[0]);
    if (input.brandId && !(await ctx.loaders.brand.load(input.brandId))) throw notFound('brand', input.brandId);
    const row = await upsertCampaign(ctx.graph, {
      id: newCampaignId(),
      name,
      hashtags,
      creatorIds,
      brandId: input.brandId ?? null,
      startsAt: input.startsAt ?? null,
      endsAt: input.endsAt ?? null,
    });
    return asCampaign(row);
  }

  @FieldResolver(() => Brand, { nullable: true })
  async brand(@Root() k: CampaignObj, @Ctx() ctx: Context) {
    const b = k.brandId ? await ctx.loaders.brand.load(k.brandId) : null;
    return b ? asBrand(b) : null;
  }

  @FieldResolver(() => [Creator])
  async creators(@Root() k: CampaignObj, @Ctx() ctx: Context) {
    return (await ctx.loaders.creatorsByCampaign.load(k.id)).map(asCreator);
  }

  @FieldResolver(() => [CreatorAmplification], { description: 'Per sponsored creator: did they amplify on X, and what did X add.' })
  async amplification(@Root() k: CampaignObj, @Ctx() ctx: Context) {
    const [creators, posts] = await Promise.all([ctx.loaders.creatorsByCampaign.load(k.id), campaignPosts(ctx.graph, k.id)]);
    const byId = new Map(creators.map((c) => [c.id, asCreator(c)]));
    return amplificationByCreator([...byId.keys()], posts).map((r) => ({ ...r, creator: byId.get(r.creatorId)! }));
  }
}
