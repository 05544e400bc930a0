/**
 * fromNeo4j turns zoned DateTimes into Dates by arithmetic on their fields (the driver's
 * toStandardDate goes through its 64-bit Integer class). The driver's conversion is the oracle.
 */
import fc from 'fast-check';
import neo4j from 'neo4j-driver';
import { fromNeo4j } from '../../src/neo4j/graph-client';

describe('fromNeo4j temporal values', () => {
  it('gives the same instant as the driver for any zoned DateTime', () => {
    fc.assert(
      fc.property(
        fc.record({
          year: fc.integer({ min: 100, max: 9999 }),
          month: fc.integer({ min: 1, max: 12 }),
          day: fc.integer({ min: 1, max: 28 }),
          hour: fc.integer({ min: 0, max: 23 }),
          minute: fc.integer({ min: 0, max: 59 }),
          second: fc.integer({ min: 0, max: 59 }),
          nanosecond: fc.integer({ min: 0, max: 999_999_999 }),
          offset: fc.integer({ min: -18 * 3600, max: 18 * 3600 }),
        }),
        (f) => {
          const dt = new neo4j.types.DateTime(f.year, f.month, f.day, f.hour, f.minute, f.second, f.nanosecond, f.offset);
          const got = fromNeo4j({ at: dt, nested: [{ at: dt }] }) as { at: Date; nested: { at: Date }[] };
          expect(got.at).toBeInstanceOf(Date);
          expect(got.at.getTime()).toBe(dt.toStandardDate().getTime());
          expect(got.nested[0].at.getTime()).toBe(dt.toStandardDate().getTime());
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads the instants stored by the write path (UTC, milliseconds)', () => {
    const dt = neo4j.types.DateTime.fromStandardDate(new Date('2026-11-20T13:45:07.123Z'));
    expect((fromNeo4j(dt) as Date).toISOString()).toBe(dt.toStandardDate().toISOString());
  });

  it('leaves other values as they are and converts dates without a time', () => {
    expect(fromNeo4j({ n: 3, s: 'x', l: [1, null] })).toEqual({ n: 3, s: 'x', l: [1, null] });
    const d = new neo4j.types.Date(2026, 11, 20);
    expect((fromNeo4j(d) as Date).getTime()).toBe(d.toStandardDate().getTime());
  });
});
