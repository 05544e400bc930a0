/**
 * Cursor pagination for connections. Cursors are opaque to clients (base64 of a position), so the
 * encoding can change to keyset cursors without breaking anyone.
 */
import { badInput } from './errors';

export const MAX_PAGE = 200;
/** Deepest position a cursor may point at: Neo4j walks every skipped row, so a huge offset is a slow query. */
export const MAX_CURSOR_OFFSET = 100_000;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^o:(\d+)$/.exec(raw);
  if (!m || m[1].length > 9) throw badInput(`invalid cursor "${cursor.slice(0, 64)}"`, 'after');
  const offset = Number(m[1]);
  if (offset >= MAX_CURSOR_OFFSET) throw badInput(`cursor points past position ${MAX_CURSOR_OFFSET}: narrow the filter instead of paging this deep`, 'after');
  return offset;
}

/** Validates first/after and returns the slice to read. */
export function pageWindow(first: number | null | undefined, after: string | null | undefined, dflt = 20) {
  const limit = first ?? dflt;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE}, got ${limit}`, 'first');
  }
  const skip = after ? decodeCursor(after) + 1 : 0;
  return { skip, limit };
}

export function connection<T>(items: T[], total: number, skip: number) {
  const edges = items.map((node, i) => ({ cursor: encodeCursor(skip + i), node }));
  return {
    edges,
    nodes: items,
    totalCount: total,
    pageInfo: {
      hasNextPage: skip + items.length < total,
      endCursor: edges.length > 0 ? edges[edges.length - 1].cursor : null,
    },
  };
}
