/**
 * List pages of the API's top-level lists (creators, matches) and their totals. Pages are keyset:
 * each statement starts after a position (an order key, a score and id), reads in index order
 * where one serves, and returns at most `take` rows; totals are separate statements the API runs
 * only when a client asks for totalCount, answered from a count store or an index.
 */
import type { GraphClient } from '../neo4j/graph-client';
import type { MatchStatus, Platform } from './model';
import { KEY_MAX, KEY_MIN, numberKey, type OrderField } from './order-keys';
import type { AccountRow, CreatorRow, MatchRow } from './rows';
import { pagedPost, POST_KEYS, type PagedPost, type StatementPost } from './read';
import { accountColumnSet, accountFromColumns, accountKeys, ALL_ACCOUNT_COLUMNS, type AccountColumnSet } from './account-columns';
import { ALL_CREATOR_COLUMNS, creatorFromColumns, creatorKeys, type CreatorColumnSet } from './creator-columns';

export interface CreatorFilterArgs {
  /** Lower-cased, trimmed; null for none. */
  search: string | null;
  platforms: Platform[] | null;
  matchStatuses: MatchStatus[] | null;
  minReach: number | null;
  active: boolean | null;
  tracked: boolean | null;
  includeUnbackfilled: boolean;
}

export interface CreatorPageArgs extends CreatorFilterArgs {
  orderField: OrderField;
  direction: 'ASC' | 'DESC';
  /** The order key of the last creator seen, or null for the first page. */
  after: string | null;
  skip: number;
  take: number;
  /** Return each creator's accounts with the page (one statement for `creators { accounts }`). */
  withAccounts?: boolean;
  /** With withAccounts: the account columns to read (graph/account-columns.ts; all when absent). */
  accountColumns?: AccountColumnSet;
  /** The creator columns to read (graph/creator-columns.ts; all when absent). */
  creatorColumns?: CreatorColumnSet;
  /** With withAccounts: also each account's first `postsTake` posts (a plain first page of Account.posts). */
  postsTake?: number | null;
  /** The post properties to read with them (of POST_KEYS; all when absent). */
  postKeys?: readonly string[];
}

const WALK: Record<OrderField, string> = {
  COMBINED_REACH: 'reach',
  TIKTOK_FOLLOWERS: 'tiktok',
  X_FOLLOWERS: 'x',
  LAST_POST_AT: 'last-post',
  DISPLAY_NAME: 'name',
};

/** Statement names per order, for PROFILE checks and benchmarks. */
export function creatorPageStatement(field: OrderField, direction: 'ASC' | 'DESC', search: boolean): string {
  const dir = direction === 'ASC' ? 'asc' : 'desc';
  return search ? `read/creator-page-search-${dir}` : `read/creator-page-${WALK[field]}-${dir}`;
}

/** The parameters of a creator page statement. */
export function creatorPageParams(args: CreatorPageArgs): Record<string, unknown> {
  const { direction, orderField, after, withAccounts, accountColumns, creatorColumns, postsTake, postKeys, ...rest } = args;
  // Below every key of a creator with at least minCombinedReach (keys round the reach, the
  // statement still filters exactly): the descending reach walk ends there, the ascending starts.
  const reachFloor = numberKey(args.minReach ?? 0, '');
  let start = after ?? (direction === 'ASC' ? KEY_MIN : KEY_MAX);
  if (orderField === 'COMBINED_REACH' && direction === 'ASC' && args.minReach !== null && start < reachFloor) start = reachFloor;
  return {
    ...rest,
    withAccounts: withAccounts ?? false,
    postsTake: withAccounts ? (postsTake ?? null) : null,
    keys: postKeys ?? POST_KEYS,
    // Without accounts nothing reads them: the smallest list.
    accountKeys: accountKeys(withAccounts ? (accountColumns ?? ALL_ACCOUNT_COLUMNS) : accountColumnSet([])),
    creatorKeys: creatorKeys(creatorColumns ?? ALL_CREATOR_COLUMNS),
    field: orderField,
    after: start,
    reachFloor,
  };
}

export interface CreatorPageRow {
  /** The creator with the columns asked for (creatorColumns): all of CreatorRow only when all were. */
  row: CreatorRow;
  key: string;
  /** Present when asked for (withAccounts). */
  accounts: AccountRow[] | null;
  /** Each account's posts, in the order of `accounts`, when asked for (postsTake). */
  accountPosts: PagedPost[][] | null;
}

export async function creatorPage(g: GraphClient, args: CreatorPageArgs): Promise<CreatorPageRow[]> {
  const name = creatorPageStatement(args.orderField, args.direction, args.search !== null);
  // Each account as the list of its columns' values (graph/account-columns.ts), then its posts (or null).
  const rows = await g.read<{ creator: unknown[]; key: string; accounts: unknown[][] | null }>(name, creatorPageParams(args));
  const withPosts = (args.postsTake ?? null) !== null;
  const keys = args.postKeys ?? POST_KEYS;
  const aKeys = accountKeys(args.accountColumns ?? ALL_ACCOUNT_COLUMNS);
  const cKeys = creatorKeys(args.creatorColumns ?? ALL_CREATOR_COLUMNS);
  return rows.map((r) => ({
    row: creatorFromColumns(r.creator, cKeys),
    key: r.key,
    // Without withAccounts the statement reads none and returns an empty list: not "no accounts".
    accounts: args.withAccounts && r.accounts ? r.accounts.map((a) => accountFromColumns(a, aKeys)) : null,
    accountPosts: args.withAccounts && withPosts && r.accounts
      ? r.accounts.map((a) => ((a[aKeys.length] as StatementPost[] | null) ?? []).map((p) => pagedPost(p, keys)))
      : null,
  }));
}

export async function countCreators(g: GraphClient, f: CreatorFilterArgs): Promise<number> {
  const unfiltered = f.active === null && f.includeUnbackfilled && f.search === null && f.tracked === null &&
    f.minReach === null && f.platforms === null && f.matchStatuses === null;
  const [row] = unfiltered
    ? await g.read<{ total: number }>('read/creator-count-all')
    : await g.read<{ total: number }>('read/creator-count', {
        ...f,
        actives: f.active === null ? [true, false] : [f.active],
        backfills: f.includeUnbackfilled ? [true, false] : [true],
      });
  return row?.total ?? 0;
}

export const MATCH_STATUSES: readonly MatchStatus[] = ['AUTO', 'PENDING', 'MANUAL', 'REJECTED'];
/** Above every score (0..100): where the first page of a strength-ordered list starts. */
const SCORE_MAX = 101;

export interface MatchFilterArgs {
  statuses: MatchStatus[] | null;
  minScore: number | null;
}

export interface MatchPageArgs extends MatchFilterArgs {
  /** The (score, id) or (value, id) of the last match seen, or null for the first page. */
  after: { n: number; id: string } | null;
  skip: number;
  take: number;
}

/** 'strength': score descending; 'value': uncertain and high-reach first (see the query). */
export type MatchOrder = 'strength' | 'value';

export async function matchPage(g: GraphClient, args: MatchPageArgs, order: MatchOrder = 'strength'): Promise<{ row: MatchRow; n: number }[]> {
  const base = {
    statuses: args.statuses ?? MATCH_STATUSES,
    minScore: args.minScore ?? -1,
    skip: args.skip,
    take: args.take,
    id: args.after?.id ?? '',
  };
  type Flat = { props: Record<string, unknown>; tiktokId: string; xId: string };
  const flat = (m: Flat) => ({ ...m.props, tiktokId: m.tiktokId, xId: m.xId }) as unknown as MatchRow;
  if (order === 'value') {
    const rows = await g.read<{ match: Flat; value: number }>('read/match-page-by-value', { ...base, value: args.after?.n ?? null });
    return rows.map((r) => ({ row: flat(r.match), n: r.value }));
  }
  const rows = await g.read<{ match: Flat }>('read/match-page', { ...base, score: args.after?.n ?? SCORE_MAX });
  return rows.map((r) => ({ row: flat(r.match), n: r.match.props.score as number }));
}

export async function countMatches(g: GraphClient, f: MatchFilterArgs): Promise<number> {
  const [row] =
    f.statuses === null && f.minScore === null
      ? await g.read<{ total: number }>('read/match-count-all')
      : await g.read<{ total: number }>('read/match-count', { statuses: f.statuses ?? MATCH_STATUSES, minScore: f.minScore ?? -1 });
  return row?.total ?? 0;
}
