/**
 * Which account columns (graph/account-columns.ts) a GraphQL selection needs, so the accounts
 * statements read those and not all 19. Only the field names of the selection count, mapped
 * through a fixed table to column names of the allow-list: no text of the request ever reaches a
 * statement. A field this table does not know reads every column, so a field added to Account
 * later is served right before anyone lists it here.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { accountColumns, accountColumnSet, type AccountColumn, type AccountColumnSet } from '../graph/account-columns';
import { fieldNodesAlong, selectedNames } from './lookahead';

/** The columns each Account field reads from its row; [] for fields served from id alone or by their own loaders. */
const FIELD_COLUMNS: Record<string, readonly AccountColumn[]> = {
  __typename: [],
  id: [],
  platform: ['platform'],
  platformUserId: ['platformUserId'],
  username: ['username'],
  displayName: ['displayName'],
  bio: ['bio'],
  bioLink: ['bioLink'],
  avatarUrl: ['avatarUrl'],
  secUid: ['secUid'],
  verified: ['verified'],
  followers: ['followers'],
  following: ['following'],
  hearts: ['hearts'],
  postCount: ['postCount'],
  lastPostAt: ['lastPostAt'],
  fetchedAt: ['fetchedAt'],
  active: ['active'],
  deactivatedAt: ['deactivatedAt'],
  profileUrl: ['platform', 'username'],
  history: [],
  creator: [],
  posts: [],
};

/** What Creator.combinedReach reads of each account (graph/reach.ts). */
export const REACH_COLUMNS: AccountColumnSet = accountColumnSet(['platform', 'followers', 'usernameLower', 'active']);
/** Creator.account(platform) picks its account by platform. */
const PLATFORM: AccountColumnSet = accountColumnSet(['platform']);

/** The columns the fields selected directly under `nodes` (Account selections) read: what `Creator.accounts` reads. */
export function accountColumnsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): AccountColumnSet {
  return accountColumns.forFields(selectedNames(info, nodes), FIELD_COLUMNS);
}

/** What `Creator.account(platform)` (`nodes` its field nodes) reads: its selection and the platform it picks by. */
export const accountFieldColumns = (info: GraphQLResolveInfo, nodes: readonly FieldNode[]): AccountColumnSet => accountColumnsOf(info, nodes) | PLATFORM;

/**
 * The account columns every read of the accounts under `creators` (Creator field nodes) needs:
 * `accounts`, `account(platform)` and `combinedReach`, through fragments; null when none of them
 * is selected. A root resolver reads these with its creators and primes the loader, so each of
 * those fields then finds its columns there.
 */
export function creatorAccountColumns(info: GraphQLResolveInfo, creators: readonly FieldNode[]): AccountColumnSet | null {
  let set = 0;
  const accounts = fieldNodesAlong(info, creators, [['accounts']]);
  if (accounts.length) set |= accountColumnsOf(info, accounts);
  const account = fieldNodesAlong(info, creators, [['account']]);
  if (account.length) set |= accountFieldColumns(info, account);
  if (fieldNodesAlong(info, creators, [['combinedReach']]).length) set |= REACH_COLUMNS;
  return set === 0 ? null : set;
}
