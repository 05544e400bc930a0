/**
 * Accounts as the API's hot read statements return them (accounts-by-creators,
 * creator-with-accounts, the creator pages): a list of values, not a map, holding only the columns
 * the caller asked for. A creators page showing 4 account fields read all 19 served properties of
 * 40 accounts: Neo4j read and sent every one and the driver decoded them (issue 15). The
 * statements take `$accountKeys`, a list of column names in ACCOUNT_COLUMNS' order, and return
 * each account as [the value of each key in that order]:
 *
 *   [k IN $accountKeys | CASE k WHEN 'fetchedAt' THEN a.fetchedAt.epochMillis ... ELSE a[k] END]
 *
 * The names always come from ACCOUNT_COLUMNS (a fixed allow-list; `accountKeys` builds the list
 * from a column set, never from request text). id is always read (loaders key on it). Times come
 * back as epoch milliseconds (graph/times.ts). test/graph/shapes.test.ts compares the full set with
 * the stored properties: the served Account properties and usernameLower (the reach band compares it).
 */
import type { Platform } from './model';
import type { AccountRow } from './rows';

/** Every column an account can be read with, in the order the statements return them. */
export const ACCOUNT_COLUMNS = [
  'id', 'platform', 'platformUserId', 'username', 'usernameLower', 'displayName', 'bio', 'bioLink',
  'avatarUrl', 'secUid', 'verified', 'followers', 'following', 'hearts', 'postCount', 'active',
  'fetchedAt', 'lastPostAt', 'deactivatedAt',
] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];

/** Stored as DateTimes, returned as epoch milliseconds and turned into Dates here. */
const TIME_COLUMNS: ReadonlySet<string> = new Set<AccountColumn>(['fetchedAt', 'lastPostAt', 'deactivatedAt']);

/**
 * A set of account columns as a bit mask over ACCOUNT_COLUMNS (bit i: column i), so loaders can
 * tell in one AND whether rows read with one set hold every column another needs.
 */
export type AccountColumnSet = number;

const BIT = new Map<string, number>(ACCOUNT_COLUMNS.map((c, i) => [c, 1 << i]));

/** The set of `columns`, id always in. */
export function accountColumnSet(columns: Iterable<AccountColumn>): AccountColumnSet {
  let set = 1; // id
  for (const c of columns) set |= BIT.get(c) ?? 0;
  return set;
}

/** Every column: what a reader outside the API (or a selection we cannot see into) gets. */
export const ALL_ACCOUNT_COLUMNS: AccountColumnSet = accountColumnSet(ACCOUNT_COLUMNS);

/** True when rows read with `have` hold every column of `want`. */
export const coversColumns = (have: AccountColumnSet, want: AccountColumnSet): boolean => (have & want) === want;

const keysCache = new Map<AccountColumnSet, readonly AccountColumn[]>();

/** The statement parameter for a set: its column names in ACCOUNT_COLUMNS' order (from the allow-list only). */
export function accountKeys(set: AccountColumnSet): readonly AccountColumn[] {
  let keys = keysCache.get(set);
  if (!keys) {
    keys = ACCOUNT_COLUMNS.filter((_, i) => (set & (1 << i)) !== 0);
    keysCache.set(set, keys);
  }
  return keys;
}

/**
 * An account from the values a statement returned for `keys` (the list it was sent). A row read
 * with fewer columns than the full set lacks the others: the loaders never hand it to a reader
 * that asked for more (api/loaders.ts).
 */
export function accountFromColumns(v: readonly unknown[], keys: readonly AccountColumn[] = ACCOUNT_COLUMNS): AccountRow & { usernameLower?: string } {
  const row: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    row[k] = TIME_COLUMNS.has(k) ? (typeof v[i] === 'number' ? new Date(v[i] as number) : null) : v[i];
  }
  return row as unknown as AccountRow & { usernameLower?: string; platform: Platform };
}
