/**
 * Post pages of an account or a creator (Account.posts, Creator.posts): keyset on the post's
 * stored time and id, newest first, through the per-request loaders so a page of parents costs one
 * statement; totalCount is a second loader, asked only when a client selects it.
 */
import type { Platform } from '../../graph/model';
import type { PostRange } from '../../graph/read';
import type { Context } from '../context';
import { connection, isKeyString, pageRequest } from '../pagination';
import { asPost } from './map';

/** An ISO-8601 date-time as Neo4j prints one (what `datetime()` reads back exactly). */
const STORED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2}(:\d{2})?)(\[[\w/+-]{1,64}\])?$/;

export function postPage(
  ctx: Context,
  parent: 'account' | 'creator',
  id: string,
  range: PostRange & { platform?: Platform | null },
  first: number | null | undefined,
  after: string | null | undefined,
) {
  // Cursors of one post list serve every parent's list of that kind: the position is a post's.
  const scope = 'posts';
  const req = pageRequest(first, after, scope, (p) =>
    p.length === 2 && isKeyString(p[0], 64) && STORED_TIME.test(p[0]) && isKeyString(p[1], 300) ? { at: p[0], id: p[1] } : null,
  );
  const args = { ...range, afterAt: req.key?.at ?? null, afterId: req.key?.id ?? null, skip: req.skip, take: req.take };
  const rows =
    parent === 'account'
      ? ctx.loaders.postsByAccount.load({ id, args })
      : ctx.loaders.postsByCreator.load({ id, args: { ...args, platform: range.platform ?? null } });
  const count = () =>
    parent === 'account'
      ? ctx.loaders.postCountByAccount.load({ id, args: { since: range.since, until: range.until } })
      : ctx.loaders.postCountByCreator.load({ id, args: { since: range.since, until: range.until, platform: range.platform ?? null } });
  return rows.then((r) => connection(r, req, scope, (p) => asPost(p.row), (p) => [p.at, p.row.id], count));
}
