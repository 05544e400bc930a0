/**
 * Reading a response body item by item. When one item of a list breaks the client's validation,
 * the client rejects the whole response as MALFORMED (with the raw body); the readers here
 * (x/salvage.ts, tiklive/salvage.ts) take that body, or a staged one, and keep every item that is
 * valid, listing the others, so one odd item never costs the rest of its page.
 */

/** One item of a response that could not be used, and why. */
export interface RejectedItem {
  /** The item's id when it has one, else its position in the response. */
  ref: string;
  reason: string;
}

interface ItemSchema<T> {
  safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } };
}

export function objectOf(json: unknown): Record<string, unknown> {
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? (json as Record<string, unknown>) : {};
}

/**
 * The valid items of `list` (a single object counts as a list of one); invalid ones are added to
 * `rejected` under the name `refOf` gives them.
 */
export function validItems<T>(
  list: unknown,
  schema: ItemSchema<T>,
  rejected: RejectedItem[],
  refOf: (item: unknown, index: number) => string,
): T[] {
  if (list === undefined || list === null) return [];
  const arr = Array.isArray(list) ? list : [list];
  const out: T[] = [];
  arr.forEach((item, i) => {
    const r = schema.safeParse(item);
    if (r.success) out.push(r.data);
    else {
      rejected.push({
        ref: refOf(item, i),
        reason: r.error.issues.map((x) => `${x.path.map(String).join('.') || '(item)'}: ${x.message}`).slice(0, 3).join('; '),
      });
    }
  });
  return out;
}
