/**
 * Campaigns as stored: `(:Brand)-[:SPONSORS]->(:Campaign {id, name, hashtags, startsAt, endsAt})
 * -[:INCLUDES]->(:Creator)`. Hashtags are kept lower-cased without "#", like Hashtag.tag.
 */
import { randomUUID } from 'node:crypto';
import type { GraphClient } from '../neo4j/graph-client';
import { byKey } from './read';
import type { CreatorRow } from './rows';

export interface CampaignRow {
  id: string;
  name: string;
  hashtags: string[];
  startsAt: Date | null;
  endsAt: Date | null;
  brandId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function newCampaignId(): string {
  return `cp_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
}

/** "#Glow", " glow " -> "glow"; empty when nothing is left. */
export function normalizeTag(raw: string): string {
  return raw.trim().replace(/^#+/, '').toLowerCase();
}

export async function upsertCampaign(
  g: GraphClient,
  c: { id: string; name: string; hashtags: string[]; creatorIds: string[]; brandId: string | null; startsAt: Date | null; endsAt: Date | null },
): Promise<CampaignRow> {
  const [row] = await g.write<{ campaign: CampaignRow }>('campaigns/upsert-campaign', {
    ...c,
    startsAt: c.startsAt?.toISOString() ?? null,
    endsAt: c.endsAt?.toISOString() ?? null,
  });
  return row.campaign;
}

export async function listCampaigns(g: GraphClient): Promise<CampaignRow[]> {
  return (await g.read<{ campaign: CampaignRow }>('campaigns/campaign-list')).map((r) => r.campaign);
}

export async function campaignsByIds(g: GraphClient, ids: readonly string[]): Promise<(CampaignRow | null)[]> {
  const rows = await g.read<{ campaign: CampaignRow }>('campaigns/campaigns-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.campaign.id, value: r.campaign as CampaignRow | null })), null);
}

export async function creatorsByCampaigns(g: GraphClient, ids: readonly string[]): Promise<CreatorRow[][]> {
  const rows = await g.read<{ id: string; creators: CreatorRow[] }>('campaigns/creators-by-campaigns', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.creators })), []);
}
