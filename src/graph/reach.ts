/**
 * Combined reach with an honest band (a model rule: the stored creator values and the API use
 * this one formula; only the display label lives in the API, api/reach-label.ts). Followers overlap across platforms and no API reports by how
 * much, so we apply the seed article's survey ranges (same username: 15-25% of the smaller
 * audience; bio-link match with different usernames: 5-10%) and report the resulting range rather
 * than one number. A reviewer's link with neither signal gets the widest plausible band.
 */
import type { MatchReason, Platform } from './model';

export type OverlapBasis = 'SAME_USERNAME' | 'BIOLINK_MATCH' | 'MANUAL_LINK' | 'CALIBRATED' | 'SINGLE_PLATFORM';

export interface ReachEstimate {
  naive: number;
  low: number;
  high: number;
  overlapPctLow: number;
  overlapPctHigh: number;
  basis: OverlapBasis;
}

export interface ReachAccount {
  platform: Platform;
  followers: number;
  usernameLower?: string | null;
  active?: boolean | null;
}

/** Overlap ranges in percent of the smaller audience, by basis. */
export const OVERLAP_RANGES: Record<Exclude<OverlapBasis, 'CALIBRATED'>, [number, number]> = {
  SAME_USERNAME: [15, 25],
  BIOLINK_MATCH: [5, 10],
  MANUAL_LINK: [0, 25],
  SINGLE_PLATFORM: [0, 0],
};

const BIOLINK_REASONS: MatchReason[] = ['BIOLINK_EXACT', 'BIOLINK_DOMAIN', 'PROFILE_LINK'];

export function overlapBasis(accounts: ReachAccount[], reasons: MatchReason[] = []): OverlapBasis {
  const byPlatform = new Set(accounts.map((a) => a.platform));
  if (byPlatform.size < 2) return 'SINGLE_PLATFORM';
  const names = new Set(accounts.map((a) => a.usernameLower ?? ''));
  if (names.size === 1 && !names.has('')) return 'SAME_USERNAME';
  if (reasons.some((r) => BIOLINK_REASONS.includes(r))) return 'BIOLINK_MATCH';
  return 'MANUAL_LINK';
}

export function combinedReach(accounts: ReachAccount[], reasons: MatchReason[] = []): ReachEstimate {
  const live = accounts.filter((a) => a.active !== false);
  // One account per platform: the largest, should a creator ever hold two on one platform.
  const best = new Map<Platform, number>();
  for (const a of live) best.set(a.platform, Math.max(best.get(a.platform) ?? 0, a.followers ?? 0));
  const counts = [...best.values()];
  const naive = counts.reduce((s, n) => s + n, 0);
  const basis = overlapBasis(live, reasons);
  const [pctLow, pctHigh] = OVERLAP_RANGES[basis as keyof typeof OVERLAP_RANGES];
  const smaller = counts.length >= 2 ? Math.min(...counts) : 0;
  const low = Math.round(naive - smaller * (pctHigh / 100));
  const high = Math.round(naive - smaller * (pctLow / 100));
  return {
    naive,
    low,
    high,
    overlapPctLow: pctLow,
    overlapPctHigh: pctHigh,
    basis,
  };
}
