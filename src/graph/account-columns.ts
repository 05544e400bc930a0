/**
 * Accounts as the API's hot read statements return them (accounts-by-creators,
 * creator-with-accounts, the creator pages): a list of values, not a map, holding only the columns
 * the caller asked for (graph/columns.ts). A creators page showing 4 account fields read all 19
 * served properties of 40 accounts: Neo4j read and sent every one and the driver decoded them
 * (issue 15). The statements take `$accountKeys`, names of ACCOUNT_COLUMNS in its order, and
 * return each account as [the value of each key in that order]. Times come back as epoch
 * milliseconds (graph/times.ts). test/graph/shapes.test.ts compares the full set with the stored
 * properties: the served Account properties and usernameLower (the reach band compares it).
 */
import { Columns, type ColumnSet } from './columns';
import type { AccountRow } from './rows';

export { coversColumns } from './columns';

/** Every column an account can be read with, in the order the statements return them. */
export const ACCOUNT_COLUMNS = [
  'id', 'platform', 'platformUserId', 'username', 'usernameLower', 'displayName', 'bio', 'bioLink',
  'avatarUrl', 'secUid', 'verified', 'followers', 'following', 'hearts', 'postCount', 'active',
  'fetchedAt', 'lastPostAt', 'deactivatedAt',
] as const;
export type AccountColumn = (typeof ACCOUNT_COLUMNS)[number];
/** A set of account columns (graph/columns.ts). */
export type AccountColumnSet = ColumnSet;

/** The account columns (graph/columns.ts): sets, statement keys, rows. */
export const accountColumns = new Columns<AccountColumn>(ACCOUNT_COLUMNS, ['fetchedAt', 'lastPostAt', 'deactivatedAt']);
const accounts = accountColumns;

/** The set of `columns`, id always in. */
export const accountColumnSet = (columns: Iterable<AccountColumn>): AccountColumnSet => accounts.set(columns);
/** Every column: what a reader outside the API (or a selection we cannot see into) gets. */
export const ALL_ACCOUNT_COLUMNS: AccountColumnSet = accounts.all;
/** The statement parameter for a set: its column names in ACCOUNT_COLUMNS' order. */
export const accountKeys = (set: AccountColumnSet): readonly AccountColumn[] => accounts.keys(set);

/**
 * An account from the values a statement returned for `keys` (the list it was sent). A row read
 * with fewer columns than the full set lacks the others: the loaders never hand it to a reader
 * that asked for more (api/loaders.ts).
 */
export function accountFromColumns(v: readonly unknown[], keys: readonly AccountColumn[] = ACCOUNT_COLUMNS): AccountRow & { usernameLower?: string } {
  return accounts.row(v, keys) as unknown as AccountRow & { usernameLower?: string };
}
