/**
 * Reading only the columns a caller needs: a node's properties as a list of values in a fixed
 * order, for a set of column names the statement takes as a parameter (`$accountKeys`,
 * `$creatorKeys`) and reads with `[k IN $keys | CASE k WHEN '<time>' THEN n.<time>.epochMillis ...
 * ELSE n[k] END]`. The names always come from the fixed list here (an allow-list), never from
 * request text. A set is a bit mask over the list, so loaders can tell in one AND whether rows read
 * with one set hold every column another needs. The first column (the id) is always in.
 */
export type ColumnSet = number;

/** True when rows read with `have` hold every column of `want`. */
export const coversColumns = (have: ColumnSet, want: ColumnSet): boolean => (have & want) === want;

export class Columns<C extends string> {
  /** Every column. */
  readonly all: ColumnSet;
  private readonly bit: Map<string, number>;
  private readonly timeNames: ReadonlySet<string>;
  private readonly keysCache = new Map<ColumnSet, readonly C[]>();

  /** `names` in the order statements return them (the id first); `times` stored as DateTimes, read as epoch milliseconds. */
  constructor(readonly names: readonly C[], times: readonly C[]) {
    this.bit = new Map(names.map((c, i) => [c, 1 << i]));
    this.timeNames = new Set(times);
    this.all = this.set(names);
  }

  /** The set of `columns`, the id always in. */
  set(columns: Iterable<C>): ColumnSet {
    let set = 1;
    for (const c of columns) set |= this.bit.get(c) ?? 0;
    return set;
  }

  /**
   * The set the fields `names` read, through `table` (each field's columns): a name the table
   * does not list reads every column, so a field added later is served right before it is listed.
   */
  forFields(names: Iterable<string>, table: Readonly<Record<string, readonly C[]>>): ColumnSet {
    const cols: C[] = [];
    for (const n of names) {
      if (!Object.hasOwn(table, n)) return this.all;
      cols.push(...table[n]);
    }
    return this.set(cols);
  }

  /** The statement parameter for a set: its column names in list order (from the allow-list only). */
  keys(set: ColumnSet): readonly C[] {
    let keys = this.keysCache.get(set);
    if (!keys) {
      keys = this.names.filter((_, i) => (set & (1 << i)) !== 0);
      this.keysCache.set(set, keys);
    }
    return keys;
  }

  /** A row from the values a statement returned for `keys` (times as Dates); it holds those columns only. */
  row(v: readonly unknown[], keys: readonly C[]): Record<C, unknown> {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      row[k] = this.timeNames.has(k) ? (typeof v[i] === 'number' ? new Date(v[i] as number) : null) : v[i];
    }
    return row as Record<C, unknown>;
  }
}
