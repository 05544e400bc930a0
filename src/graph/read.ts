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
import { accountRow, creatorRow, postRow } from './times';

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

export async function accountsByCreators(g: GraphClient, ids: readonly string[]): Promise<AccountRow[][]> {
  const rows = await g.read<{ id: string; accounts: AccountRow[] }>('read/accounts-by-creators', { ids });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: r.accounts.map(accountRow) })), []);
}

/**
 * One creator with its accounts (what `creator(id) { accounts }` needs), or null; with the first
 * `postsTake` of its posts across accounts (a plain first page of `Creator.posts`) when given.
 */
export async function creatorWithAccounts(
  g: GraphClient,
  id: string,
  postsTake: number | null = null,
): Promise<{ creator: CreatorRow; accounts: AccountRow[]; posts: PagedPost[] | null } | null> {
  const [row] = await g.read<{ creator: CreatorRow; accounts: AccountRow[]; posts: StatementPost[] | null }>('read/creator-with-accounts', {
    id,
    postsTake,
  });
  return row ? { creator: creatorRow(row.creator), accounts: row.accounts.map(accountRow), posts: row.posts?.map(pagedPost) ?? null } : null;
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

/** A post as the statements return it: the served properties, its author and its exact stored time (`at`). */
export type StatementPost = Record<string, unknown> & { at: string };
type PostSlice = { id: string; posts: StatementPost[] };

/** A post as a page holds it: its row and its exact stored time, for the next cursor. */
export interface PagedPost {
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
}

export const pagedPost = ({ at, ...row }: StatementPost): PagedPost => ({ row: postRow(row), at });
const pagedPosts = (r: PostSlice): PagedPost[] => r.posts.map(pagedPost);

export async function postsByAccounts(g: GraphClient, ids: readonly string[], args: PostPageArgs): Promise<PagedPost[][]> {
  const rows = await g.read<PostSlice>('read/posts-by-accounts', { ids, ...args });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: pagedPosts(r) })), []);
}

export async function postsByCreators(
  g: GraphClient,
  ids: readonly string[],
  args: PostPageArgs & { platform: Platform | null },
): Promise<PagedPost[][]> {
  const rows = await g.read<PostSlice>('read/posts-by-creators', { ids, ...args });
  return byKey(ids, rows.map((r) => ({ key: r.id, value: pagedPosts(r) })), []);
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
