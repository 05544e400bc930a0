/**
 * Post pages of an account or a creator (Account.posts, Creator.posts): keyset on the post's
 * stored time and id, newest first, through the per-request loaders so a page of parents costs one
 * statement; totalCount is a second loader, asked only when a client selects it.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Platform } from '../../graph/model';
import type { PostPageArgs, PostRange } from '../../graph/read';
import type { Context } from '../context';
import { argumentsAlong } from '../lookahead';
import { connection, isKeyString, MAX_PAGE, pageRequest } from '../pagination';
import { asPost } from './map';

// Cursors of one post list serve every parent's list of that kind: the position is a post's.
const POST_SCOPE = 'posts';

/** An ISO-8601 date-time as Neo4j prints one (what `datetime()` reads back exactly). */
const STORED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[\w/+-]{1,64}\])?$/;

/** Where a post page starts and what its loader is asked for: a loader key's arguments, in one place. */
export function postPageArgs(range: PostRange, first: number | null | undefined, after: string | null | undefined) {
  const req = pageRequest(first, after, POST_SCOPE, (p) =>
    p.length === 2 && isKeyString(p[0], 64) && STORED_TIME.test(p[0]) && isKeyString(p[1], 300) ? { at: p[0], id: p[1] } : null,
  );
  const args: PostPageArgs = { since: range.since, until: range.until, afterAt: req.key?.at ?? null, afterId: req.key?.id ?? null, skip: req.skip, take: req.take };
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
  const asked = argumentsAlong(info, paths, type, 'posts');
  if (asked.length === 0) return null;
  const first = asked[0].first;
  if (asked.some((a) => a.first !== first || a.after != null || a.since != null || a.until != null || a.platform != null)) return null;
  const n = first as number | null | undefined;
  // An invalid `first` is left to the field's resolver, which answers it with its own error.
  if (n != null && (!Number.isInteger(n) || n < 0 || n > MAX_PAGE)) return null;
  return postPageArgs({ since: null, until: null }, n, null).args;
}

export function postPage(
  ctx: Context,
  parent: 'account' | 'creator',
  id: string,
  range: PostRange & { platform?: Platform | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  const { req, args } = postPageArgs(range, first, after);
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
