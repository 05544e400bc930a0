/**
 * Stored order keys of a Creator, one per CreatorOrderField, each unique and never null, so a list
 * page is a range seek on one index read in order (keyset pagination) instead of a sort of every
 * creator. A key is the order value in a form that sorts as a string, then the creator id, which
 * breaks ties and makes each key unique:
 * - numbers (combined reach, followers, last post as epoch ms; 0 when absent): 15 zero-padded
 *   digits, "|", id;
 * - the display name: "n", the lower-cased name, U+0001, id. Ids hold no U+0001, so two keys never
 *   collide, and every key starts with an ASCII character below U+007F, the sentinel a descending
 *   first page starts below.
 * The same formulas live in Cypher where a write sets a key without this code (creation,
 * set-creator-tracking, migration 007); test/graph/order-keys.test.ts checks they agree.
 */

export const ORDER_FIELDS = ['COMBINED_REACH', 'TIKTOK_FOLLOWERS', 'X_FOLLOWERS', 'LAST_POST_AT', 'DISPLAY_NAME'] as const;
export type OrderField = (typeof ORDER_FIELDS)[number];

/** The Creator property holding each field's key. */
export const ORDER_KEY_PROPERTY: Record<OrderField, string> = {
  COMBINED_REACH: 'orderReach',
  TIKTOK_FOLLOWERS: 'orderTiktok',
  X_FOLLOWERS: 'orderX',
  LAST_POST_AT: 'orderLastPost',
  DISPLAY_NAME: 'orderName',
};

/** Above every key: where a descending walk starts. */
export const KEY_MAX = '\u007f';
/** Below every key: where an ascending walk starts. */
export const KEY_MIN = '';

const DIGITS = 15;

export function numberKey(value: number | null | undefined, id: string): string {
  const n = Math.max(0, Math.round(Number.isFinite(value) ? (value as number) : 0));
  return `${String(n).padStart(DIGITS, '0')}|${id}`;
}

export function nameKey(displayNameLower: string | null | undefined, id: string): string {
  return `n${displayNameLower ?? ''}\u0001${id}`;
}

/** The keys that follow from a creator's derived values (the name key is set with the name). */
export function derivedOrderKeys(
  id: string,
  d: { reachHigh: number; tiktokFollowers: number; xFollowers: number; lastPostMs: number },
): Record<'orderReach' | 'orderTiktok' | 'orderX' | 'orderLastPost', string> {
  return {
    orderReach: numberKey(d.reachHigh, id),
    orderTiktok: numberKey(d.tiktokFollowers, id),
    orderX: numberKey(d.xFollowers, id),
    orderLastPost: numberKey(d.lastPostMs, id),
  };
}

/** Longest key accepted back from a client (a cursor): an id and a long display name. */
const MAX_KEY_LENGTH = 700;

/** Whether `v` has the shape of a `field` key (a cursor's position; any such position is safe to seek from). */
export function isOrderKey(field: OrderField, v: unknown): v is string {
  if (typeof v !== 'string' || v.length > MAX_KEY_LENGTH) return false;
  if (field === 'DISPLAY_NAME') return v.startsWith('n') && v.lastIndexOf('\u0001') > 0 && !v.endsWith('\u0001');
  return /^\d{15}\|[^|]+$/.test(v);
}
