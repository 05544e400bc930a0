/**
 * The API's hot read statements (creator pages, accounts and posts by parent) return their
 * DateTimes as epoch milliseconds (`x.epochMillis` in Cypher), not as Bolt DateTime structs: the
 * driver turns each DateTime into calendar fields with its 64-bit Integer arithmetic, which cost
 * more CPU than anything else in decoding a page, while an integer arrives as a plain number.
 * These name the rows' time fields and make them Dates again, in place, so the row types are the
 * same whichever statement read them (accounts, read as lists: graph/account-columns.ts). Both are
 * UTC milliseconds; a stored DateTime's sub-millisecond part is dropped either way (graph-client's
 * DateTime conversion truncates it too).
 */
import type { CreatorRow, PostRow } from './rows';

export const CREATOR_TIMES = ['lastPostAt', 'createdAt', 'updatedAt'] as const satisfies readonly (keyof CreatorRow)[];
export const POST_TIMES = ['createdAt'] as const satisfies readonly (keyof PostRow)[];

/** A row whose time fields are epoch milliseconds (or null), with them as Dates. */
export function withDates<T>(row: unknown, keys: readonly string[]): T {
  const r = row as Record<string, unknown>;
  for (const k of keys) {
    const v = r[k];
    if (typeof v === 'number') r[k] = new Date(v);
  }
  return r as T;
}

export const creatorRow = (row: unknown): CreatorRow => withDates<CreatorRow>(row, CREATOR_TIMES);
export const postRow = (row: unknown): PostRow => withDates<PostRow>(row, POST_TIMES);
