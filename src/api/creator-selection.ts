/**
 * Which creator columns (graph/creator-columns.ts) a selection of Creator fields needs, so a
 * creators page reads those and not all nine. Field names map through a fixed table to column
 * names of the allow-list; a field the table does not know reads every column.
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import { creatorColumns, type CreatorColumn, type CreatorColumnSet } from '../graph/creator-columns';
import { selectedNames } from './lookahead';

/** The columns each Creator field reads from its row; [] for fields served from the id by their own loaders. */
const FIELD_COLUMNS: Record<string, readonly CreatorColumn[]> = {
  __typename: [],
  id: [],
  displayName: ['displayName'],
  active: ['active'],
  tracked: ['tracked'],
  tier: ['tier'],
  backfilled: ['backfilled'],
  lastPostAt: ['lastPostAt'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
  stale: ['lastPostAt'],
  accounts: [],
  account: [],
  match: [],
  combinedReach: [],
  posts: [],
  amplificationChains: [],
  similar: [],
};

/** The columns the fields selected directly under `nodes` (Creator selections) read. */
export function creatorColumnsOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): CreatorColumnSet {
  return creatorColumns.forFields(selectedNames(info, nodes), FIELD_COLUMNS);
}
