/**
 * The shape of a normaliser's field rules: every key of the record a normaliser builds has one
 * rule saying how it is read from the wire object and which graph properties it becomes. The
 * normalisers (tiklive.ts, x.ts) execute their rules; lineage.ts lists them as `Query.lineage`,
 * so the documentation cannot drift from the code.
 */
import type { AccountRecord, AmplificationRecord, Platform } from '../../graph/model';

/** A wire object that cannot become a record (a required value is missing or unusable). */
export class NormalizeError extends Error {
  readonly code = 'MALFORMED' as const;
  constructor(message: string) {
    super(message);
    this.name = 'NormalizeError';
  }
}

export type ProviderId = 'tikliveapi' | 'x-api-v2';

/** One key of a normalised record: how it is read and what it becomes in the graph. */
export interface FieldRule<W, V> {
  /** Graph properties (or relationships) this value ends up in, e.g. "Account.followers". */
  graph: readonly string[];
  /** Where in the provider's response it is read, in the provider's own naming. */
  wire: string;
  read: (w: W) => V;
}

/** The rules for every key of record type R, read from wire input W. */
export interface RuleSet<W, R> {
  platform: Platform;
  provider: ProviderId;
  /** The endpoints whose responses carry this wire object. */
  endpoints: readonly string[];
  rules: { [K in keyof R]-?: FieldRule<W, R[K]> };
}

/** Reads every key of R through its rule. */
export function readWith<W, R>(set: RuleSet<W, R>, input: W): R {
  const out = {} as R;
  for (const key of Object.keys(set.rules) as (keyof R)[]) out[key] = set.rules[key].read(input);
  return out;
}

/** Everything an AccountRecord carries except where-from metadata (source). */
export type AccountFields = Required<Omit<AccountRecord, 'source'>>;

/** A PostRecord with its metrics flattened; null counts mean the provider did not send them. */
export interface PostFields {
  platform: Platform;
  platformPostId: string;
  authorPlatformUserId: string;
  url: string;
  text: string | null;
  createdAt: string;
  hashtags: string[];
  mentions: string[];
  views: number | null;
  likes: number | null;
  comments: number | null;
  shares: number | null;
  quotes: number | null;
  bookmarks: number | null;
  pinned: boolean;
  fetchedAt: string;
}

export interface XPostFields extends PostFields {
  /** This post as amplifier: retweet, quote, or a link to a TikTok video. */
  amplifications: AmplificationRecord[];
}

/** Response time, taken from the exchange (replay) or the clock (live sync). */
export const FETCHED_AT = '(time of the response)';

export function countOrNull(v: number | null | undefined): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

export function nonEmpty(v: string | null | undefined): string | null {
  return typeof v === 'string' && v.trim() !== '' ? v : null;
}
