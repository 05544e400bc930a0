/**
 * GraphClient's conversion of driver temporal values: the plain-arithmetic DateTime path must give
 * exactly what the driver's own toStandardDate gives, over offsets, nanoseconds, leap days, years
 * far from now and the cases it leaves to the driver.
 */
import neo4j from 'neo4j-driver';
import { dateTimeToDate, fromNeo4j } from '../../src/neo4j/graph-client';

const { DateTime, LocalDateTime } = neo4j.types;

/** A small deterministic generator, so a failure names a reproducible value. */
function lcg(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('fromNeo4j temporal values', () => {
  it('converts DateTimes with an offset exactly as the driver does', () => {
    const r = lcg(9);
    const fixed = [
      new DateTime(2026, 11, 30, 6, 45, 12, 999_999_999, 0),
      new DateTime(2024, 2, 29, 23, 59, 59, 1, 3600),
      new DateTime(1970, 1, 1, 0, 0, 0, 0, -18_000),
      new DateTime(1969, 12, 31, 23, 59, 59, 500_000_000, 0),
      new DateTime(2000, 3, 1, 0, 30, 0, 0, 50_400),
      new DateTime(9999, 12, 31, 23, 59, 59, 999_000_000, -43_200),
      new DateTime(100, 1, 1, 0, 0, 0, 0, 0),
      new DateTime(-44, 3, 15, 12, 0, 0, 0, 0),
    ];
    const random = Array.from({ length: 2000 }, () =>
      new DateTime(1900 + r(300), 1 + r(12), 1 + r(28), r(24), r(60), r(60), r(1_000_000_000), (r(53) - 26) * 1800),
    );
    for (const d of [...fixed, ...random]) {
      expect([d.toString(), dateTimeToDate(d).getTime()]).toEqual([d.toString(), d.toStandardDate().getTime()]);
      expect((fromNeo4j({ at: [d] }) as { at: Date[] }).at[0].getTime()).toBe(d.toStandardDate().getTime());
    }
  });

  it('leaves two-digit years and zone-only DateTimes to the driver', () => {
    const early = new DateTime(42, 6, 1, 12, 0, 0, 0, 0);
    expect(dateTimeToDate(early).getTime()).toBe(early.toStandardDate().getTime());
    expect(dateTimeToDate(early).getUTCFullYear()).toBe(42);
    const zoneOnly = new DateTime(2026, 1, 1, 0, 0, 0, 0, undefined, 'Europe/Berlin');
    expect(() => dateTimeToDate(zoneOnly)).toThrow(/offset/);
  });

  it('converts other temporal values as the driver does and leaves plain values alone', () => {
    const local = new LocalDateTime(2026, 5, 17, 8, 0, 0, 0);
    expect((fromNeo4j(local) as Date).getTime()).toBe(local.toStandardDate().getTime());
    expect(fromNeo4j({ a: 1, b: 'x', c: null, d: [true] })).toEqual({ a: 1, b: 'x', c: null, d: [true] });
  });
});
