/**
 * What counts as a campaign post, in one place (the statement is cypher/queries/analytics/
 * campaign-posts.cypher): a post by an account of a creator the campaign includes, inside the
 * campaign window, that carries one of the campaign's hashtags, or an X post AMPLIFIED-linked to
 * such a TikTok post by the same creator. `Campaign.amplification` and `amplificationChains
 * (campaignId)` (whose chains start from these posts) both call `campaignPosts`.
 */
import type { Platform } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

export const CAMPAIGN_POSTS_QUERY = 'analytics/campaign-posts';

export interface CampaignPost {
  creatorId: string;
  postId: string;
  platform: Platform;
  createdAt: Date;
  engagement: number;
}

/** The campaign's posts, oldest first; empty for an unknown campaign. */
export async function campaignPosts(g: GraphClient, campaignId: string): Promise<CampaignPost[]> {
  return g.read<CampaignPost>(CAMPAIGN_POSTS_QUERY, { campaignId });
}

export interface CreatorAmplificationRow {
  creatorId: string;
  /** The creator carried the campaign to X: at least one X campaign post. */
  repostedOnX: boolean;
  tiktokEngagement: number;
  xEngagement: number;
  tiktokPosts: number;
  xPosts: number;
}

/**
 * Per sponsored creator, the TikTok-side and X-side engagement of their campaign posts: the X side
 * is the bonus a flat TikTok rate never measures. Every sponsored creator gets a row, zeros included.
 */
export function amplificationByCreator(creatorIds: string[], posts: CampaignPost[]): CreatorAmplificationRow[] {
  const rows = new Map<string, CreatorAmplificationRow>(
    creatorIds.map((id) => [id, { creatorId: id, repostedOnX: false, tiktokEngagement: 0, xEngagement: 0, tiktokPosts: 0, xPosts: 0 }]),
  );
  for (const p of posts) {
    const r = rows.get(p.creatorId);
    if (!r) continue;
    if (p.platform === 'X') {
      r.repostedOnX = true;
      r.xEngagement += p.engagement ?? 0;
      r.xPosts++;
    } else {
      r.tiktokEngagement += p.engagement ?? 0;
      r.tiktokPosts++;
    }
  }
  return [...rows.values()];
}
