/**
 * How a match's evidence is stored: one string on its MATCHED_TO edge (relationship properties
 * hold no maps), written for every pair a run creates or changes and read back by the API.
 *
 * Why not plain JSON of the records: a run writes tens of thousands of edges, and the evidence
 * was most of their bytes (about 1.5 KB a pair, mostly object keys, 17-digit m and u, and the same
 * bio or link repeated by two or three signals). A relationship's long string is stored in
 * 128-byte blocks, so its size is write work: on a fresh server, 75,000 edges took 6.9 s with
 * 1,500-character strings and 4.4 s with 500-character ones (the plain driver, one stream). This
 * form is about 42% of the size on the benchmark's pairs (640 characters a pair), and says the same:
 *
 *     {"v":2,"s":[strings...],"e":[[signal, reason, level, points, matchWeight, m, u, platform, raw, normalized, platform, raw, normalized, ...], ...]}
 *
 * Each string is stored once in `s`, and values point at it by index (null: no value); absent
 * fields are null; platform is "T" or "X". m and u keep 4 significant digits: they explain a weight
 * that is itself shown to three decimals (matchWeight), and more digits said nothing a reviewer
 * could use. Evidence stored before this form (a JSON array of the records) still reads as it was
 * written; a rerun rewrites it in this form once, quietly (write.ts compares the strings).
 */
import type { MatchReason, Platform } from '../graph/model';
import type { EvidenceSignal, MatchEvidence } from './evidence';

/** One compared signal as stored and as the API returns it: the scorer's, with no reason as null. */
export type MatchEvidenceRecord = Omit<MatchEvidence, 'reason'> & { reason?: MatchReason | null };

/** The version this module writes; older strings are JSON arrays (no version). */
const VERSION = 2;
/** Significant digits kept of m and u. */
const M_U_DIGITS = 4;

type StoredItem = [
  signal: string,
  reason: string | null,
  level: string | null,
  points: number,
  matchWeight: number | null,
  m: number | null,
  u: number | null,
  ...values: (string | number | null)[],
];

const PLATFORM_CODE: Record<Platform, string> = { TIKTOK: 'T', X: 'X' };
const PLATFORM_OF: Record<string, Platform> = { T: 'TIKTOK', X: 'X' };

function rounded(x: number | undefined): number | null {
  if (x === undefined || x === null || !Number.isFinite(x)) return null;
  return Number(x.toPrecision(M_U_DIGITS));
}

/** The stored string for a pair's evidence. */
export function encodeEvidence(items: readonly MatchEvidenceRecord[]): string {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const ref = (s: string | null): number | null => {
    if (s === null || s === undefined) return null;
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      index.set(s, i);
    }
    return i;
  };
  const e: StoredItem[] = items.map((it) => {
    const row: StoredItem = [it.signal, it.reason ?? null, it.level ?? null, it.points, it.matchWeight ?? null, rounded(it.m), rounded(it.u)];
    for (const v of it.values) row.push(PLATFORM_CODE[v.platform], ref(v.raw), ref(v.normalized));
    return row;
  });
  return JSON.stringify({ v: VERSION, s: strings, e });
}

/** The evidence records of a stored string (either form); empty for none. */
export function decodeEvidence(stored: string | null | undefined): MatchEvidenceRecord[] {
  if (!stored) return [];
  const parsed = JSON.parse(stored) as MatchEvidenceRecord[] | { v: number; s: string[]; e: StoredItem[] };
  if (Array.isArray(parsed)) return parsed;
  if (parsed.v !== VERSION) throw new Error(`unknown stored evidence version ${String(parsed.v)}`);
  const str = (i: unknown): string | null => (typeof i === 'number' ? (parsed.s[i] ?? null) : null);
  return parsed.e.map((row) => {
    const [signal, reason, level, points, matchWeight, m, u, ...flat] = row;
    const values: MatchEvidenceRecord['values'] = [];
    for (let i = 0; i + 2 < flat.length; i += 3) {
      values.push({ platform: PLATFORM_OF[String(flat[i])], raw: str(flat[i + 1]), normalized: str(flat[i + 2]) });
    }
    const out: MatchEvidenceRecord = { signal: signal as EvidenceSignal, reason: (reason as MatchReason | null) ?? null, values, points };
    if (level !== null) out.level = level;
    if (matchWeight !== null) out.matchWeight = matchWeight;
    if (m !== null) out.m = m;
    if (u !== null) out.u = u;
    return out;
  });
}
