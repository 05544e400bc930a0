/**
 * `createBrand`: a brand is tracked like a creator. Its handles are resolved through the lanes by
 * the same TrackingService (so bad or unknown handles come back with trackCreator's UserError
 * codes), its accounts are tracked as TIER1 and backfilled, and the brand owns them in the graph.
 * Accounts already tracked (a brand's accounts are often tracked as creators first) are reused.
 */
import { upsertBrand, type BrandRow } from '../graph/brands';
import type { Platform } from '../graph/model';
import { accountByUsername } from '../graph/read';
import type { GraphClient } from '../neo4j/graph-client';
import { parseHandle } from './handles';
import type { TrackError, TrackingService } from './tracking';

export interface BrandRequest {
  name: string;
  competitor?: boolean | null;
  tiktokUsername?: string | null;
  xUsername?: string | null;
}

export interface BrandOutcome {
  brand: BrandRow | null;
  errors: TrackError[];
}

const FIELD: Record<Platform, string> = { TIKTOK: 'tiktokUsername', X: 'xUsername' };

export async function createBrand(
  deps: { graph: GraphClient; tracking: TrackingService },
  input: BrandRequest,
  actor = 'anonymous',
): Promise<BrandOutcome> {
  const name = input.name?.trim() ?? '';
  if (name.length === 0 || name.length > 120) {
    return { brand: null, errors: [{ code: 'BAD_USER_INPUT', field: ['input', 'name'], message: 'name must be 1 to 120 characters' }] };
  }
  const given: [Platform, string][] = [];
  if (input.tiktokUsername?.trim()) given.push(['TIKTOK', input.tiktokUsername]);
  if (input.xUsername?.trim()) given.push(['X', input.xUsername]);
  if (given.length === 0) {
    return { brand: null, errors: [{ code: 'BAD_USER_INPUT', field: ['input'], message: 'give tiktokUsername, xUsername or both' }] };
  }
  // Handles already tracked are reused as they are; the rest go through trackCreator's path.
  const toTrack: Partial<Record<Platform, string>> = {};
  for (const [platform, raw] of given) {
    const handle = parseHandle(platform, raw);
    const row = handle ? await accountByUsername(deps.graph, platform, handle) : null;
    const [t] = row
      ? await deps.graph.read<{ tracked: boolean }>('tracking/tracking-of-accounts', { accountIds: [row.id] })
      : [];
    if (!t?.tracked) toTrack[platform] = raw;
  }
  if (toTrack.TIKTOK || toTrack.X) {
    const res = await deps.tracking.track(
      { tiktokUsername: toTrack.TIKTOK ?? null, xUsername: toTrack.X ?? null, displayName: name, tier: 'TIER1' },
      actor,
    );
    if (res.errors.length > 0 && !res.creatorId) return { brand: null, errors: res.errors };
  }
  const accountIds: string[] = [];
  for (const [platform, raw] of given) {
    const row = await accountByUsername(deps.graph, platform, parseHandle(platform, raw) ?? raw);
    if (!row) {
      return { brand: null, errors: [{ code: 'NOT_FOUND', field: ['input', FIELD[platform]], message: `@${raw} was not stored` }] };
    }
    accountIds.push(row.id);
  }
  const brand = await upsertBrand(deps.graph, { name, competitor: input.competitor ?? true, accountIds });
  return { brand, errors: [] };
}
