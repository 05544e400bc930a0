/**
 * Combined reach with an honest band. Followers overlap across platforms and no API reports by how
 * much, so we apply the seed article's survey ranges (same username: 15-25% of the smaller
 * audience; bio-link match with different usernames: 5-10%) and report the resulting range rather
 * than one number. A reviewer's link with neither signal gets the widest plausible band.
 */
import type { MatchReason, Platform } from '../graph/model';

export type OverlapBasis = 'SAME_USERNAME' | 'BIOLINK_MATCH' | 'MANUAL_LINK' | 'CALIBRATED' | 'SINGLE_PLATFORM';

export interface ReachEstimate {
  naive: number;
  low: number;
  high: number;
  overlapPctLow: number;
  overlapPctHigh: number;
  basis: OverlapBasis;
  label: string;
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
    label: bandLabel(low, high),
  };
}

/** "1.1M to 1.3M"; adds a decimal when one would show the two ends as equal. */
export function bandLabel(low: number, high: number): string {
  if (low === high) return formatCount(low);
  for (const digits of [1, 2, 3]) {
    const a = formatCount(low, digits);
    const b = formatCount(high, digits);
    if (a !== b) return `${a} to ${b}`;
  }
  return `${low} to ${high}`;
}

/** 1234 -> "1.2K", 1_250_000 -> "1.3M"; `digits` decimals, trailing zeros dropped. */
export function formatCount(n: number, digits = 1): string {
  const units: [number, string][] = [
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ];
  for (const [size, suffix] of units) {
    if (Math.abs(n) >= size) {
      return `${(n / size).toFixed(digits).replace(/\.?0+$/, '')}${suffix}`;
    }
  }
  return String(n);
}
