/**
 * The `cross_platform_creators` dimension: one row per canonical creator with the seed article's
 * columns, plus the reach band (low and high ends, overlap taken out) and activity flags. Read from Neo4j in keyset pages so a 100,000-
 * creator export never holds one huge result.
 */
import type { MatchReason, MatchStatus } from '../graph/model';
import type { GraphClient } from '../neo4j/graph-client';

export interface CreatorDimRow {
  canonical_id: string;
  display_name: string | null;
  tiktok_username: string | null;
  tiktok_user_id: string | null;
  tiktok_sec_uid: string | null;
  tiktok_followers: number | null;
  tiktok_hearts: number | null;
  tiktok_last_post_at: Date | null;
  x_handle: string | null;
  x_user_id: string | null;
  x_followers: number | null;
  x_last_post_at: Date | null;
  match_score: number | null;
  match_reasons: string | null;
  match_status: 'auto' | 'manual' | 'rejected' | null;
  reach_low: number | null;
  reach_high: number | null;
  tiktok_active: boolean | null;
  x_active: boolean | null;
  active: boolean;
  updated_at: Date;
}

/** Column order of files and the warehouse table. */
export const COLUMNS: (keyof CreatorDimRow)[] = [
  'canonical_id', 'display_name',
  'tiktok_username', 'tiktok_user_id', 'tiktok_sec_uid', 'tiktok_followers', 'tiktok_hearts', 'tiktok_last_post_at',
  'x_handle', 'x_user_id', 'x_followers', 'x_last_post_at',
  'match_score', 'match_reasons', 'match_status',
  'reach_low', 'reach_high',
  'tiktok_active', 'x_active', 'active', 'updated_at',
];

interface PageRow {
  canonicalId: string;
  displayName: string | null;
  active: boolean;
  reachLow: number | null;
  reachHigh: number | null;
  updatedAt: Date | null;
  tiktok: { platformUserId: string; username: string; secUid: string | null; followers: number; hearts: number | null; lastPostAt: Date | null; active: boolean | null; updatedAt: Date | null } | null;
  x: { platformUserId: string; username: string; followers: number; lastPostAt: Date | null; active: boolean | null; updatedAt: Date | null } | null;
  match: { status: MatchStatus; score: number; reasons: MatchReason[] | null } | null;
}

const PAGE = 5000;

export function toDimRow(r: PageRow): CreatorDimRow {
  const t = r.tiktok;
  const x = r.x;
  const m = r.match;
  const times = [r.updatedAt, t?.updatedAt, x?.updatedAt].filter((d): d is Date => d instanceof Date).map((d) => d.getTime());
  return {
    canonical_id: r.canonicalId,
    display_name: r.displayName,
    tiktok_username: t?.username ?? null,
    tiktok_user_id: t?.platformUserId ?? null,
    tiktok_sec_uid: t?.secUid ?? null,
    tiktok_followers: t?.followers ?? null,
    tiktok_hearts: t?.hearts ?? null,
    tiktok_last_post_at: t?.lastPostAt ?? null,
    x_handle: x?.username ?? null,
    x_user_id: x?.platformUserId ?? null,
    x_followers: x?.followers ?? null,
    x_last_post_at: x?.lastPostAt ?? null,
    match_score: m ? m.score : null,
    match_reasons: m ? (m.reasons ?? []).map((s) => s.toLowerCase()).join(',') : null,
    match_status: m && m.status !== 'PENDING' ? (m.status.toLowerCase() as 'auto' | 'manual' | 'rejected') : null,
    reach_low: r.reachLow ?? null,
    reach_high: r.reachHigh ?? null,
    tiktok_active: t ? t.active !== false : null,
    x_active: x ? x.active !== false : null,
    active: r.active !== false && [t, x].some((a) => a && a.active !== false),
    updated_at: new Date(times.length > 0 ? Math.max(...times) : 0),
  };
}

/** Every creator as a dimension row, page by page. */
export async function* creatorDimRows(g: GraphClient, pageSize = PAGE): AsyncGenerator<CreatorDimRow[]> {
  let after = '';
  for (;;) {
    const rows = await g.read<PageRow>('warehouse/creators-page', { after, limit: pageSize });
    if (rows.length === 0) return;
    yield rows.map(toDimRow);
    after = rows[rows.length - 1].canonicalId;
    if (rows.length < pageSize) return;
  }
}
