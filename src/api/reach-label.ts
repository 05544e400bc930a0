/**
 * The reach band as people read it ("1.1M to 1.3M"). The band itself is a model rule
 * (graph/reach.ts); only its wording belongs to the API.
 */
import { combinedReach, type ReachAccount, type ReachEstimate } from '../graph/reach';
import type { MatchReason } from '../graph/model';

export interface LabelledReach extends ReachEstimate {
  label: string;
}

/** combinedReach with its display label, as `Creator.combinedReach` serves it. */
export function labelledReach(accounts: ReachAccount[], reasons: MatchReason[] = []): LabelledReach {
  const r = combinedReach(accounts, reasons);
  return { ...r, label: bandLabel(r.low, r.high) };
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
