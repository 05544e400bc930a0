/**
 * Column sets (graph/columns.ts): what a statement is sent (names from the list only, in its
 * order) and what a row holds; a field the caller's table does not know reads every column.
 */
import { Columns, coversColumns } from '../../src/graph/columns';

const cols = new Columns(['id', 'name', 'count', 'seenAt'] as const, ['seenAt']);

describe('Columns', () => {
  it('keys a set in list order, the id always first, whatever order the columns were named in', () => {
    expect(cols.keys(cols.set(['seenAt', 'name']))).toEqual(['id', 'name', 'seenAt']);
    expect(cols.keys(cols.set([]))).toEqual(['id']);
    expect(cols.keys(cols.all)).toEqual(['id', 'name', 'count', 'seenAt']);
  });

  it('builds a row of the keys it was read with, times as Dates (null when unset)', () => {
    const keys = cols.keys(cols.set(['count', 'seenAt']));
    expect(cols.row(['a', 3, 1_700_000_000_000], keys)).toEqual({ id: 'a', count: 3, seenAt: new Date(1_700_000_000_000) });
    expect(cols.row(['b', null, null], keys)).toEqual({ id: 'b', count: null, seenAt: null });
  });

  it('maps fields to columns through a table; a field it does not list, inherited names included, reads every column', () => {
    const table = { id: [], name: ['name'], label: ['name', 'count'], other: [] } as const;
    expect(cols.keys(cols.forFields(['label', 'other'], table))).toEqual(['id', 'name', 'count']);
    expect(cols.forFields(['name', 'unknown'], table)).toBe(cols.all);
    expect(cols.forFields(['constructor'], table)).toBe(cols.all);
    expect(cols.forFields(['toString'], table)).toBe(cols.all);
  });

  it('a set covers another only when it holds every column of it', () => {
    const narrow = cols.set(['name']);
    const wide = cols.set(['name', 'count']);
    expect(coversColumns(wide, narrow)).toBe(true);
    expect(coversColumns(narrow, wide)).toBe(false);
    expect(coversColumns(cols.all, wide)).toBe(true);
    expect(coversColumns(cols.set(['count']), narrow)).toBe(false);
  });
});
