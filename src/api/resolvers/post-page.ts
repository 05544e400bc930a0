/**
 * Post pages of an account or a creator (Account.posts, Creator.posts): keyset on the post's
 * stored time and id, newest first, through the per-request loaders so a page of parents costs one
 * statement; totalCount is a second loader, asked only when a client selects it. A page reads only
 * the post properties its selection needs (`keys`, part of the loader key, so two selections of
 * one page with different fields each get theirs).
 */
import type { FieldNode, GraphQLResolveInfo } from 'graphql';
import type { Platform } from '../../graph/model';
import { POST_KEYS, type PostPageArgs, type PostRange } from '../../graph/read';
import { POST_METRIC_KEYS } from '../../graph/shapes';
import type { Context } from '../context';
import { argumentsOf, fieldNodesAlong, selectedNames } from '../lookahead';
import { connection, isKeyString, MAX_PAGE, pageRequest } from '../pagination';
import { asPost } from './map';

// Cursors of one post list serve every parent's list of that kind: the position is a post's.
const POST_SCOPE = 'posts';

/** An ISO-8601 date-time as Neo4j prints one (what `datetime()` reads back exactly). */
const STORED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[\w/+-]{1,64}\])?$/;

/**
 * The stored properties each Post field reads, beyond the id, author id and stored time every page
 * reads; fields resolved through loaders by the post's id read none. A field not listed here (a new
 * one) makes the page read every property (test/api/loaders.test.ts keeps the list complete).
 */
export const POST_FIELD_KEYS: Record<string, readonly string[]> = {
  __typename: [],
  id: [],
  author: [],
  hashtags: [],
  amplifies: [],
  amplifiedBy: [],
  platform: ['platform'],
  platformPostId: ['platformPostId'],
  url: ['url'],
  text: ['text'],
  createdAt: ['createdAt'],
  engagement: ['engagement'],
  metrics: POST_METRIC_KEYS,
};

/** Where a post connection's selection holds its posts' fields. */
const POST_NODES = [['nodes'], ['edges', 'node']] as const;

/** The post properties the connection selections `nodes` need, in POST_KEYS order. */
export function postKeysOf(info: GraphQLResolveInfo, nodes: readonly FieldNode[]): readonly string[] {
  const keys = new Set<string>();
  for (const name of selectedNames(info, fieldNodesAlong(info, nodes, POST_NODES))) {
    const k = POST_FIELD_KEYS[name];
    if (!k) return POST_KEYS;
    for (const x of k) keys.add(x);
  }
  return POST_KEYS.filter((k) => keys.has(k));
}

/** Where a post page starts and what its loader is asked for: a loader key's arguments, in one place. */
export function postPageArgs(range: PostRange, first: number | null | undefined, after: string | null | undefined, keys: readonly string[]) {
  const req = pageRequest(first, after, POST_SCOPE, (p) =>
    p.length === 2 && isKeyString(p[0], 64) && STORED_TIME.test(p[0]) && isKeyString(p[1], 300) ? { at: p[0], id: p[1] } : null,
  );
  const args: PostPageArgs = {
    since: range.since,
    until: range.until,
    afterAt: req.key?.at ?? null,
    afterId: req.key?.id ?? null,
    skip: req.skip,
    take: req.take,
    keys,
  };
  return { req, args };
}

/** The loader key arguments of a creator's post page (postsByCreator). */
export const creatorPostArgs = (args: PostPageArgs, platform: Platform | null) => ({ ...args, platform });

/**
 * The loader arguments of the one plain first page of posts (no after, since, until or platform)
 * that every selection of `type.posts` along `paths` asks for, so the parent's statement can read
 * those posts and prime the loader; null when nothing selects posts there, or the selections ask
 * for different or other pages (their resolvers then load them, one batched statement each).
 */
export function plainFirstPostPage(info: GraphQLResolveInfo | undefined, paths: readonly (readonly string[])[], type: 'Account' | 'Creator'): PostPageArgs | null {
  if (!info) return null;
  const nodes = fieldNodesAlong(info, info.fieldNodes, paths);
  const asked = argumentsOf(info, nodes, type, 'posts');
  if (asked.length === 0) return null;
  const first = asked[0].first;
  if (asked.some((a) => a.first !== first || a.after != null || a.since != null || a.until != null || a.platform != null)) return null;
  const n = first as number | null | undefined;
  // An invalid `first` is left to the field's resolver, which answers it with its own error.
  if (n != null && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE)) return null;
  // The keys each posts resolver will ask for: its own selection's (the same nodes when one selection asks).
  return postPageArgs({ since: null, until: null }, n, null, postKeysOf(info, nodes)).args;
}

export function postPage(
  ctx: Context,
  info: GraphQLResolveInfo,
  parent: 'account' | 'creator',
  id: string,
  range: PostRange & { platform?: Platform | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const { req, args } = postPageArgs(range, first, after, postKeysOf(info, info.fieldNodes));
  const rows =
    parent === 'account'
      ? ctx.loaders.postsByAccount.load({ id, args })
      : ctx.loaders.postsByCreator.load({ id, args: creatorPostArgs(args, range.platform ?? null) });
  const count = () =>
    parent === 'account'
      ? ctx.loaders.postCountByAccount.load({ id, args: { since: range.since, until: range.until } })
      : ctx.loaders.postCountByCreator.load({ id, args: { since: range.since, until: range.until, platform: range.platform ?? null } });
  return rows.then((r) => connection(r, req, POST_SCOPE, (p) => asPost(p.row), (p) => [p.at, p.row.id], count));
}
