/**
 * Cursor pagination for connections. Cursors are opaque to clients (base64 of a position), so the
 * encoding can change to keyset cursors without breaking anyone.
 */
import { badInput } from './errors';

export const MAX_PAGE = 200;

export function encodeCursor(offset: number): string {
  return Buffer.from(`o:${offset}`).toString('base64url');
}

export function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^o:(\d+)$/.exec(raw);
  if (!m) throw badInput(`invalid cursor "${cursor}"`, 'after');
  return Number(m[1]);
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
