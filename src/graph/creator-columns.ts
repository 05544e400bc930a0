/**
 * Creators as the creator pages return them: the list of `$creatorKeys`' values (graph/columns.ts),
 * the columns the page's selection shows. A page showing id and displayName read nine values per
 * creator, three of them DateTimes converted to epoch milliseconds. A row read with fewer than
 * all columns is served only to the page that asked (api/resolvers/creator.resolver.ts primes the
 * shared creator loader with full rows only).
 */
import { Columns, type ColumnSet } from './columns';
import type { CreatorRow } from './rows';

/** Every served Creator column (CreatorRow), in the order the statements return them. */
export const CREATOR_COLUMNS = ['id', 'displayName', 'active', 'tracked', 'tier', 'backfilled', 'lastPostAt', 'createdAt', 'updatedAt'] as const;
export type CreatorColumn = (typeof CREATOR_COLUMNS)[number];
export type CreatorColumnSet = ColumnSet;

/** The creator columns (graph/columns.ts): sets, statement keys, rows. */
export const creatorColumns = new Columns<CreatorColumn>(CREATOR_COLUMNS, ['lastPostAt', 'createdAt', 'updatedAt']);
const creators = creatorColumns;

export const creatorColumnSet = (columns: Iterable<CreatorColumn>): CreatorColumnSet => creators.set(columns);
export const ALL_CREATOR_COLUMNS: CreatorColumnSet = creators.all;
export const creatorKeys = (set: CreatorColumnSet): readonly CreatorColumn[] => creators.keys(set);
/** A creator from the values a statement returned for `keys`; with fewer than all columns it lacks the others. */
export const creatorFromColumns = (v: readonly unknown[], keys: readonly CreatorColumn[]): CreatorRow => creators.row(v, keys) as unknown as CreatorRow;
