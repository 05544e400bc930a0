/**
 * Read repositories: each function answers for MANY keys in one statement, which is what the
 * per-request DataLoaders (api/loaders.ts) batch into. Results come back in the order of the keys.
 */
import type { GraphClient } from '../neo4j/graph-client';
import type { Platform } from './model';
import type {
  AccountRow,
  AmplificationRow,
  CreatorRow,
  MatchEventRow,
  MatchRow,
  PostRow,
  SnapshotRow,
} from './rows';
import { POST_INTERNAL_KEYS, POST_KEPT_KEYS, POST_PROPS } from './shapes';
import { accountFromColumns, accountKeys, ALL_ACCOUNT_COLUMNS, type AccountColumnSet } from './account-columns';
import { creatorRow, postRow } from './times';

export function byKey<T>(keys: readonly string[], rows: { key: string; value: T }[], empty: T): T[] {
  const m = new Map(rows.map((r) => [r.key, r.value]));
  return keys.map((k) => m.get(k) ?? empty);
}

export async function creatorsByIds(g: GraphClient, ids: readonly string[]): Promise<(CreatorRow | null)[]> {
  const rows = await g.read<{ creator: CreatorRow }>('read/creators-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.creator.id, value: creatorRow(r.creator) as CreatorRow | null })), null);
}

export async function accountsByIds(g: GraphClient, ids: readonly string[]): Promise<(AccountRow | null)[]> {
  const rows = await g.read<{ account: AccountRow }>('read/accounts-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.account.id, value: r.account as AccountRow | null })), null);
}

/** Each creator's accounts by platform, with the `columns` given (graph/account-columns.ts; all by default). */
export async function accountsByCreators(g: GraphClient, ids: readonly string[], columns: AccountColumnSet = ALL_ACCOUNT_COLUMNS): Promise<AccountRow[][]> {
  const keys = accountKeys(columns);
  const rows = await g.read<{ id: string; accounts: unknown[][] }>('read/accounts-by-creators', { ids, accountKeys: keys });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.accounts.map((a) => accountFromColumns(a, keys)) })), []);
}

/**
 * One creator with its accounts (what `creator(id) { accounts }` needs; `accountColumns` of
 * them, graph/account-columns.ts), or null; with the first `posts.take` of its posts across
 * accounts (a plain first page of `Creator.posts`, its `keys`) when given.
 */
export async function creatorWithAccounts(
  g: GraphClient,
  id: string,
  posts: { take: number; keys?: readonly string[] } | null = null,
  accountColumns: AccountColumnSet = ALL_ACCOUNT_COLUMNS,
): Promise<{ creator: CreatorRow; accounts: AccountRow[]; posts: PagedPost[] | null } | null> {
  const keys = posts?.keys ?? POST_KEYS;
  const aKeys = accountKeys(accountColumns);
  const [row] = await g.read<{ creator: CreatorRow; accounts: unknown[][]; posts: StatementPost[] | null }>('read/creator-with-accounts', {
    id,
    postsTake: posts?.take ?? null,
    keys,
    accountKeys: aKeys,
  });
  return row
    ? { creator: creatorRow(row.creator), accounts: row.accounts.map((a) => accountFromColumns(a, aKeys)), posts: row.posts?.map((p) => pagedPost(p, keys)) ?? null }
    : null;
}

export async function creatorsByAccounts(g: GraphClient, ids: readonly string[]): Promise<(CreatorRow | null)[]> {
  const rows = await g.read<{ id: string; creator: CreatorRow }>('read/creators-by-accounts', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: creatorRow(r.creator) as CreatorRow | null })), null);
}

export async function joiningMatchesByCreators(g: GraphClient, ids: readonly string[]): Promise<(MatchRow | null)[]> {
  const rows = await g.read<{ id: string; match: MatchRow }>('read/joining-matches-by-creators', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.match as MatchRow | null })), null);
}

export async function matchesByIds(g: GraphClient, ids: readonly string[]): Promise<(MatchRow | null)[]> {
  const rows = await g.read<{ match: MatchRow }>('read/matches-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.match.id, value: r.match as MatchRow | null })), null);
}

export async function matchEventsByMatches(g: GraphClient, ids: readonly string[]): Promise<MatchEventRow[][]> {
  const rows = await g.read<{ id: string; events: MatchEventRow[] }>('read/match-events-by-matches', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.events })), []);
}

export async function accountByUsername(g: GraphClient, platform: Platform, username: string): Promise<AccountRow | null> {
  const rows = await g.read<{ account: AccountRow }>('read/account-by-username', {
    platform,
    usernameLower: username.replace(/^@/, '').toLowerCase(),
  });
  return rows[0]?.account ?? null;
}

/**
 * The stored Post properties a post page can read besides id and author (the served ones: PostRow
 * without id and authorId). A page reads only the keys its client's selection needs
 * (api/resolvers/post-page.ts), so a list of 200 posts showing id, text and createdAt does not
 * decode 12 more values each.
 */
export const POST_KEYS: readonly string[] = [
  ...Object.keys(POST_PROPS).filter((k) => !(POST_INTERNAL_KEYS as readonly string[]).includes(k)),
  ...POST_KEPT_KEYS.filter((k) => k !== 'id' && k !== 'authorId'),
];

/**
 * A post as the statements return it: a list, [exact stored time, id, author id, then the values
 * of the page's `keys` in order] (a list, not a map: the driver decodes no key strings), createdAt
 * as epoch milliseconds.
 */
export type StatementPost = unknown[];
type PostSlice = { id: string; posts: StatementPost[] };

/** A post as a page holds it: its row and its exact stored time, for the next cursor. */
export interface PagedPost {
  /** The row with id, authorId and the page's keys only (what the client selected). */
  row: PostRow;
  at: string;
}

export interface PostRange {
  since: string | null;
  until: string | null;
}

export interface PostPageArgs extends PostRange {
  /** Keyset: after this post (its stored time and id), or from the newest when null. */
  afterAt: string | null;
  afterId: string | null;
  /** Rows to pass first (old offset cursors only). */
  skip: number;
  /** Rows to read. */
  take: number;
  /** The properties to read (of POST_KEYS); all of them when absent. */
  keys?: readonly string[];
}

export function pagedPost(v: StatementPost, keys: readonly string[]): PagedPost {
  const row: Record<string, unknown> = { id: v[1], authorId: v[2] };
  for (let i = 0; i < keys.length; i++) row[keys[i]] = v[i + 3];
  return { row: postRow(row), at: v[0] as string };
}

function postPages(g: GraphClient, name: string, ids: readonly string[], args: PostPageArgs & { platform?: Platform | null }) {
  const keys = args.keys ?? POST_KEYS;
  return g
    .read<PostSlice>(name, { ids, ...args, keys })
    .then((rows) => byKey(ids, rows.map((r) => ({ key: r.id, value: r.posts.map((p) => pagedPost(p, keys)) })), []));
}

export function postsByAccounts(g: GraphClient, ids: readonly string[], args: PostPageArgs): Promise<PagedPost[][]> {
  return postPages(g, 'read/posts-by-accounts', ids, args);
}

export function postsByCreators(g: GraphClient, ids: readonly string[], args: PostPageArgs & { platform: Platform | null }): Promise<PagedPost[][]> {
  return postPages(g, 'read/posts-by-creators', ids, args);
}

export async function postCountsByAccounts(g: GraphClient, ids: readonly string[], range: PostRange): Promise<number[]> {
  const rows = await g.read<{ id: string; total: number }>('read/post-counts-by-accounts', { ids, ...range });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.total })), 0);
}

export async function postCountsByCreators(
  g: GraphClient,
  ids: readonly string[],
  range: PostRange & { platform: Platform | null },
): Promise<number[]> {
  const rows = await g.read<{ id: string; total: number }>('read/post-counts-by-creators', { ids, ...range });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.total })), 0);
}

export async function postsByIds(g: GraphClient, ids: readonly string[]): Promise<(PostRow | null)[]> {
  const rows = await g.read<{ post: PostRow }>('read/posts-by-ids', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.post.id, value: r.post as PostRow | null })), null);
}

export async function hashtagsByPosts(g: GraphClient, ids: readonly string[]): Promise<string[][]> {
  const rows = await g.read<{ id: string; tags: string[] }>('read/hashtags-by-posts', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.tags })), []);
}

export async function amplificationsByPosts(
  g: GraphClient,
  ids: readonly string[],
): Promise<{ amplifies: AmplificationRow[]; amplifiedBy: AmplificationRow[] }[]> {
  const rows = await g.read<{ id: string; amplifies: AmplificationRow[]; amplifiedBy: AmplificationRow[] }>(
    'read/amplifications-by-posts',
    { ids },
  );
  return byKey(
    ids,
    rows.map((r) => ({ key: r.id, value: { amplifies: r.amplifies, amplifiedBy: r.amplifiedBy } })),
    { amplifies: [], amplifiedBy: [] },
  );
}

export async function snapshotsByAccounts(
  g: GraphClient,
  ids: readonly string[],
  range: { since: string | null; until: string | null },
): Promise<SnapshotRow[][]> {
  const rows = await g.read<{ id: string; snapshots: SnapshotRow[] }>('read/snapshots-by-accounts', { ids, ...range });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.snapshots })), []);
}
