/**
 * Keyset pagination for connections. A cursor is the position of the last row a client saw: the
 * list's order key and id (for creators, the stored order key, which ends with the id), so the next
 * page is a seek past it, as cheap on page 500 as on page 1, and rows written meanwhile neither
 * repeat nor vanish. Cursors stay opaque strings (base64url of `k:` and a JSON array whose first
 * element names the list and its order); a cursor is validated before it reaches a query, and one
 * that is malformed, forged, oversized or from another ordering is a BAD_USER_INPUT on `after`.
 * Offset cursors (`o:<n>`) handed out before keyset pagination still work, within
 * MAX_CURSOR_OFFSET, so a client paging across an upgrade carries on.
 */
import { badInput } from './errors';

export const MAX_PAGE = 200;
/** Deepest position an old offset cursor may point at: Neo4j walks every skipped row. */
export const MAX_CURSOR_OFFSET = 100_000;
/** Longest cursor accepted: ours are well under it (a creator key is an id and at most a long name). */
export const MAX_CURSOR_LENGTH = 1024;

/** Where a page starts: after a key (keyset) or, for an old offset cursor, after `skip` rows. */
export interface PageStart<K> {
  key: K | null;
  skip: number;
}

export interface PageRequest<K> extends PageStart<K> {
  /** Rows to return. */
  limit: number;
  /** Rows to read: one more than the page, to tell whether another page follows. */
  take: number;
}

export function encodeCursor(scope: string, key: readonly unknown[]): string {
  return Buffer.from(`k:${JSON.stringify([scope, ...key])}`).toString('base64url');
}

const invalid = (cursor: string, why: string) =>
  badInput(`invalid cursor "${cursor.slice(0, 64)}${cursor.length > 64 ? '...' : ''}": ${why}`, 'after');

/**
 * Decodes `after` for the list named `scope`; `parse` checks the key parts (types, lengths) and
 * returns the typed key, or null when they are not a key of this list.
 */
export function decodeCursor<K>(cursor: string, scope: string, parse: (parts: unknown[]) => K | null): PageStart<K> {
  if (cursor.length > MAX_CURSOR_LENGTH) throw invalid(cursor, `longer than ${MAX_CURSOR_LENGTH} characters`);
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(cursor)) throw invalid(cursor, 'not a cursor this API issued');
  const raw = Buffer.from(cursor, 'base64url').toString();
  const offset = /^o:(\d{1,9})$/.exec(raw);
  if (offset) {
    const n = Number(offset[1]);
    if (n >= MAX_CURSOR_OFFSET) throw badInput(`cursor points past position ${MAX_CURSOR_OFFSET}: narrow the filter instead of paging this deep`, 'after');
    return { key: null, skip: n + 1 };
  }
  if (!raw.startsWith('k:')) throw invalid(cursor, 'not a cursor this API issued');
  let parts: unknown;
  try {
    parts = JSON.parse(raw.slice(2));
  } catch {
    throw invalid(cursor, 'not a cursor this API issued');
  }
  if (!Array.isArray(parts) || typeof parts[0] !== 'string') throw invalid(cursor, 'not a cursor this API issued');
  if (parts[0] !== scope) throw invalid(cursor, `it belongs to another list or ordering (${String(parts[0]).slice(0, 64)}), not ${scope}: start again without after`);
  const key = parse(parts.slice(1));
  if (key === null) throw invalid(cursor, 'its position is malformed');
  return { key, skip: 0 };
}

/** Validates first/after and returns where the page starts and how many rows to read. */
export function pageRequest<K>(
  first: number | null | undefined,
  after: string | null | undefined,
  scope: string,
  parse: (parts: unknown[]) => K | null,
  dflt = 20,
): PageRequest<K> {
  const limit = first ?? dflt;
  if (!Number.isInteger(limit) || limit < 0 || limit > MAX_PAGE) {
    throw badInput(`first must be between 0 and ${MAX_PAGE}, got ${limit}`, 'first');
  }
  const start = after ? decodeCursor(after, scope, parse) : { key: null, skip: 0 };
  return { ...start, limit, take: limit + 1 };
}

/** Key part checks for `parse` callbacks. */
export const isKeyString = (v: unknown, max = 600): v is string => typeof v === 'string' && v.length > 0 && v.length <= max;
export const isKeyNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A connection from the rows read for `req` (up to req.take). `cursorOf` gives each row's key
 * parts; `count` runs only if the client selects totalCount (a getter, read by the field's
 * resolver), once per connection. Cursors are encoded only when a client reads them (`edges`,
 * `pageInfo.endCursor` are getters too): most pages are read through `nodes`, and a page of 40
 * accounts' posts encoded 200 cursors nobody asked for.
 */
export function connection<R, N>(
  rows: R[],
  req: PageRequest<unknown>,
  scope: string,
  node: (row: R) => N,
  cursorOf: (row: R) => readonly unknown[],
  count: () => Promise<number>,
) {
  const page = rows.length > req.limit ? rows.slice(0, req.limit) : rows;
  const nodes = page.map(node);
  const cursor = (i: number) => encodeCursor(scope, cursorOf(page[i]));
  let edges: { cursor: string; node: N }[] | undefined;
  let total: Promise<number> | undefined;
  return {
    nodes,
    get edges(): { cursor: string; node: N }[] {
      edges ??= nodes.map((n, i) => ({ cursor: cursor(i), node: n }));
      return edges;
    },
    pageInfo: {
      hasNextPage: rows.length > req.limit,
      get endCursor(): string | null {
        return page.length > 0 ? cursor(page.length - 1) : null;
      },
    },
    get totalCount(): Promise<number> {
      total ??= count();
      return total;
    },
  };
}
